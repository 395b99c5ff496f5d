import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ActivityKind, DecisionKind } from '@cutroom/contracts';
import type { Transporter } from 'nodemailer';
import { createMailTransport } from '../common/mail/mail-transport.js';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { excerptOf } from './activity-excerpt.js';
import { composeMail, type MailItem } from './activity-mail.js';
import { MAIL_RETRY_DELAYS_MS, sendWithRetry } from './activity-mail-retry.js';
import { ITEM_COLUMNS, ITEM_JOINS, ITEM_TIMING, READER_IS_MEMBER } from './notification-items.sql.js';

const SWEEP_INTERVAL_MAX_MS = 30_000;
const SWEEP_BATCH = 1000;
/** Items per claim: a backlog goes out as several mails, each naming the first MAIL_ITEMS_MAX. */
const CLAIM_MAX = 200;
/** News older than this (or two batch windows, if longer) is left to the feed: turning mail on does not send last month's. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Looking again for a person whose mail is not due yet: never sooner than this. */
const RECHECK_MIN_MS = 1_000;

interface ClaimedRow {
  id: string;
  /** Null for an item passed over: read already, stale, or its project left. */
  kind: ActivityKind | null;
  recipient_email: string | null;
  recipient_name: string;
  project_name: string;
  asset_id: string;
  asset_name: string;
  version_number: number | null;
  media: MailItem['timing'];
  frame: number | null;
  decision: DecisionKind | null;
  comment_id: string | null;
  comment_body: string | null;
  excerpt: string | null;
  actor_name: string | null;
}

/**
 * E-mails people their new notifications, when SMTP_URL is set: a digest, at most one per person
 * per batch window (NOTIFY_EMAIL_BATCH_SECONDS), listing everything since their last.
 *
 * A person's mail is due once their oldest unmailed item is a window old; that is read from
 * Postgres, not kept in memory, so a restart changes nothing about what goes out or when. Every
 * node hears whose unread count changed (the relay passes it on) and looks again when the window
 * has passed; a sweep finds whoever is due that no node is waiting for (after a restart, say).
 * A mail claims that person's items not taken for mail yet: one UPDATE … SKIP LOCKED sets
 * `emailed_at`, so each item is taken by one node however many heard of it.
 * Items are claimed before sending, so a node killed mid-send loses that mail rather than another
 * node sending it twice; a node shutting down gives back what it has not sent. Sending happens
 * after the rows committed and off the request path; a failure is retried, then logged, never
 * thrown. A sweep finds items whose notice nobody heard.
 */
@Injectable()
export class ActivityMailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly transport: Transporter | undefined;
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private readonly sending = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private sweepTimer: NodeJS.Timeout | undefined;

  private readonly batchMs: number;
  private readonly staleAfter: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {
    this.batchMs = config.notifyEmailBatchMs;
    this.staleAfter = `${Math.max(STALE_AFTER_MS, 2 * this.batchMs) / 1000} seconds`;
    if (!config.smtp) return;
    this.transport = createMailTransport(config.smtp);
  }

  onApplicationBootstrap(): void {
    if (!this.transport || !this.config.smtp) return;
    const server = new URL(this.config.smtp.url);
    this.logger.info(
      {
        smtpHost: server.host,
        from: this.config.smtp.from,
        links: this.config.publicUrl,
        batchSeconds: this.batchMs / 1000,
      },
      'e-mail notifications on',
    );
    void this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), Math.min(SWEEP_INTERVAL_MAX_MS, this.batchMs));
    this.sweepTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.sweepTimer);
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    await Promise.all(this.sending);
    this.transport?.close();
  }

  /** These people have new items (or read some): mail what is theirs once the batch window closes. */
  expect(userIds: readonly string[]): void {
    for (const userId of userIds) this.lookAgain(userId, this.batchMs);
  }

  /** Looks at the person's mail after `delayMs`, unless this node already means to. */
  private lookAgain(userId: string, delayMs: number): void {
    if (!this.transport || this.stopping.signal.aborted || this.waiting.has(userId)) return;
    const timer = setTimeout(() => {
      this.waiting.delete(userId);
      const run = this.mailItemsOf(userId).finally(() => this.sending.delete(run));
      this.sending.add(run);
    }, delayMs);
    timer.unref();
    this.waiting.set(userId, timer);
  }

  /** Whoever has a mail due now. */
  private async sweep(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    try {
      const rows: { user_id: string }[] = await this.dataSource.query(
        `SELECT user_id FROM notifications WHERE emailed_at IS NULL
         GROUP BY user_id HAVING min(created_at) <= now() - $2::interval LIMIT $1`,
        [SWEEP_BATCH, `${this.batchMs} milliseconds`],
      );
      for (const row of rows) this.lookAgain(row.user_id, 0);
    } catch (error) {
      this.logger.warn({ err: error }, 'e-mail sweep failed; trying again later');
    }
  }

  /** Claims the person's unmailed items and sends what is still news in one mail. Never throws. */
  private async mailItemsOf(userId: string): Promise<void> {
    let rows: ClaimedRow[];
    try {
      rows = await this.claim(userId);
    } catch (error) {
      this.logger.error({ err: error, userId }, 'could not claim notifications to e-mail');
      return;
    }
    if (rows.length === 0) return this.lookLater(userId);
    const itemIds = rows.map((row) => row.id);
    // More than one claim's worth: the rest go in the next mail.
    if (rows.length === CLAIM_MAX) this.lookAgain(userId, 0);
    const recipient = rows[0].recipient_email;
    const news = rows.filter((row): row is ClaimedRow & { kind: ActivityKind } => row.kind !== null);
    if (!recipient || news.length === 0) return;
    const mail = composeMail(
      { address: recipient, displayName: rows[0].recipient_name },
      news.map(toMailItem),
      this.config.publicUrl,
    );
    try {
      const sent: { messageId?: string } = await sendWithRetry(
        () => (this.transport as Transporter).sendMail(mail),
        {
          delaysMs: MAIL_RETRY_DELAYS_MS,
          sleep: (ms) => this.sleep(ms),
          shouldGoOn: () => !this.stopping.signal.aborted,
          onRetry: (error, attempt, delayMs) =>
            this.logger.warn(
              { err: error, userId, itemIds, attempt, delayMs },
              'activity e-mail failed; retrying',
            ),
        },
      );
      this.logger.info({ userId, itemIds, messageId: sent.messageId }, 'activity e-mail sent');
    } catch (error) {
      if (this.stopping.signal.aborted) {
        await this.giveBack(userId, itemIds);
        return;
      }
      this.logger.error({ err: error, userId, itemIds }, 'could not send an activity e-mail; giving up');
    }
  }

  /** Nothing was due: looks again when the oldest item waiting (if any) will be a window old. */
  private async lookLater(userId: string): Promise<void> {
    try {
      const [row]: { due_in_ms: number | null }[] = await this.dataSource.query(
        `SELECT extract(epoch FROM min(created_at) + $2::interval - now()) * 1000 AS due_in_ms
         FROM notifications WHERE user_id = $1 AND emailed_at IS NULL`,
        [userId, `${this.batchMs} milliseconds`],
      );
      if (row.due_in_ms !== null) this.lookAgain(userId, Math.max(RECHECK_MIN_MS, Number(row.due_in_ms)));
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'could not tell when the next e-mail is due; the sweep will');
    }
  }

  /**
   * Once the person's mail is due (their oldest unmailed item is a batch window old), takes their
   * items no node has taken for mail yet, and reads what a mail says of those still worth one:
   * unread, recent, in a project they are still a member of, to an address. The rest are taken
   * too (passed over), with `kind` null. Not due: takes nothing.
   */
  private claim(userId: string): Promise<ClaimedRow[]> {
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE notifications SET emailed_at = now()
         WHERE id IN (SELECT id FROM notifications WHERE user_id = $1 AND emailed_at IS NULL
                      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
           AND EXISTS (SELECT 1 FROM notifications WHERE user_id = $1 AND emailed_at IS NULL
                       AND created_at <= now() - $4::interval)
         RETURNING *
       )
       SELECT n.id, CASE WHEN ${READER_IS_MEMBER} AND n.read_at IS NULL
                          AND n.created_at > now() - $3::interval THEN n.kind END AS kind,
              r.email AS recipient_email, r.display_name AS recipient_name, n.asset_id, n.decision, n.comment_id,
              n.excerpt, ${ITEM_COLUMNS}, ${ITEM_TIMING}
       FROM claimed n
       JOIN users r ON r.id = n.user_id
       ${ITEM_JOINS}
       WHERE a.deleted_at IS NULL
       ORDER BY n.id`,
      [userId, CLAIM_MAX, this.staleAfter, `${this.batchMs} milliseconds`],
    );
  }

  /** Stopping before the mail went out: another node, or this one's next start, sends it. */
  private async giveBack(userId: string, itemIds: string[]): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE notifications SET emailed_at = NULL WHERE id = ANY ($1::bigint[])`,
        [itemIds],
      );
    } catch (error) {
      this.logger.warn({ err: error, userId, itemIds }, 'could not give back unsent e-mail items');
    }
  }

  /** Waits, or less if the process is stopping. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const { signal } = this.stopping;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

function toMailItem(row: ClaimedRow & { kind: ActivityKind }): MailItem {
  return {
    kind: row.kind,
    actorName: row.actor_name,
    projectName: row.project_name,
    assetId: row.asset_id,
    assetName: row.asset_name,
    versionNumber: row.version_number,
    frame: row.frame,
    timing: row.media,
    decision: row.decision,
    // The comment as it reads now, like the feed shows it.
    excerpt: row.comment_id ? excerptOf(row.comment_body) : row.excerpt,
  };
}
