import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimitedException } from '../../common/http/rate-limited.exception.js';
import type { AppConfig } from '../../config/config.js';
import { AppConfigToken } from '../../config/config.provider.js';
import { RATE_WINDOW_SECONDS, clientAddressKey, decide } from './rate-window.js';

const CLEANUP_EVERY_MS = 60_000;

/**
 * The attempts budget for signing in, signing up and opening or joining a review link:
 * AUTH_RATE_LIMIT_PER_MINUTE per client address across all four, and as many sign-ins per account
 * and password guesses per review link.
 * Counted in Postgres, so several api nodes share one budget rather than each granting its own.
 */
@Injectable()
export class AuthRateLimiter {
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  /** Spends one attempt of the client address's budget, or throws a 429. */
  async spendForAddress(address: string | undefined): Promise<void> {
    await this.spend(`address:${clientAddressKey(address)}`);
  }

  /** Spends one sign-in attempt on an account, so spreading guesses over addresses does not help. */
  async spendForAccount(email: string): Promise<void> {
    const key = `account:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;
    await this.spend(key, 'Too many sign-in attempts for this account. Wait a moment and try again.');
  }

  /** Spends one password guess on a review link, so spreading guesses over addresses does not help. */
  async spendForReviewLink(linkId: string): Promise<void> {
    await this.spend(
      `review-link:${linkId}`,
      'Too many password attempts on this review link. Wait a moment and try again.',
    );
  }

  private async spend(key: string, message?: string): Promise<void> {
    // One round trip: count this attempt in the current minute, read the minute before it.
    const [row]: { window_start: Date; current: number; previous: number; elapsed: number }[] =
      await this.dataSource.query(
        `WITH hit AS (
         INSERT INTO rate_limit_counters (key, window_start, hits)
         VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int), 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
         RETURNING window_start, hits)
       SELECT hit.window_start, hit.hits AS current, coalesce(prev.hits, 0) AS previous,
              extract(epoch FROM now() - hit.window_start)::float8 AS elapsed
       FROM hit LEFT JOIN rate_limit_counters prev
         ON prev.key = $1 AND prev.window_start = hit.window_start - make_interval(secs => $2::int)`,
        [key, RATE_WINDOW_SECONDS],
      );
    this.forgetOldWindows();
    const decision = decide(
      { current: row.current, previous: row.previous, elapsedSeconds: row.elapsed },
      this.config.authRateLimitPerMinute,
    );
    if (decision.allowed) return;
    // A refused attempt tries nothing, so it does not count: Retry-After stays true.
    await this.dataSource.query(
      `UPDATE rate_limit_counters SET hits = hits - 1 WHERE key = $1 AND window_start = $2 AND hits > 0`,
      [key, row.window_start],
    );
    throw new RateLimitedException(decision.retryAfterSeconds, message);
  }

  /** Counts older than the previous minute decide nothing: dropped now and then, off the request's path. */
  private forgetOldWindows(): void {
    const now = Date.now();
    if (now - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now;
    void this.dataSource
      .query(`DELETE FROM rate_limit_counters WHERE window_start < now() - make_interval(secs => $1)`, [
        RATE_WINDOW_SECONDS * 2,
      ])
      .catch(() => undefined);
  }
}
