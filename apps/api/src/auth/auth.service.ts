import { Inject, Injectable } from '@nestjs/common';
import type { LinkPermission, LoginBody, RegisterBody, User } from '@cutroom/contracts';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { SessionEntity } from './session.entity.js';
import { liveSessionSql } from './live-session.sql.js';
import { SESSION_ENDED_CHANNEL } from './session-ended.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { UserEntity } from './user.entity.js';
import { AuthRateLimiter } from './rate-limit/auth-rate-limiter.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const HASH_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export interface IssuedSession {
  user: User;
  token: string;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly rateLimiter: AuthRateLimiter,
  ) {}

  async register(body: RegisterBody, userAgent: string | undefined): Promise<IssuedSession> {
    const passwordHash = await this.hashPassword(body.password);
    const inserted = await this.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [body.email, body.displayName, passwordHash],
    );
    if (inserted.length === 0) throw new AuthException(AuthErrorCode.EmailTaken);
    const user = await this.users.findOneByOrFail({ id: inserted[0].id });
    return this.issueSession(user, userAgent);
  }

  async login(body: LoginBody, userAgent: string | undefined): Promise<IssuedSession> {
    await this.rateLimiter.spendForAccount(body.email);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: body.email })
      .getOne();
    // Verify against a throwaway hash when there is no such user, so timing reveals nothing.
    const storedHash = user?.passwordHash ?? (await this.dummyPasswordHash());
    const matches = await verify(storedHash, body.password).catch(() => false);
    if (!user || !matches) throw new AuthException(AuthErrorCode.BadCredentials);
    return this.issueSession(user, userAgent);
  }

  /** Ends a session: its token stops working at once, and its open sockets close on every node. */
  async logout(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `WITH ended AS (
         UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT pg_notify($2, id::text) FROM ended`,
      [sessionId, SESSION_ENDED_CHANNEL],
    );
  }

  /** Refuses (401) a session that was signed out or has run out: asked again before a socket acts. */
  async requireLiveSession(sessionId: string): Promise<void> {
    const [{ live }]: { live: boolean }[] = await this.dataSource.query(
      `SELECT ${liveSessionSql('$1')} AS live`,
      [sessionId],
    );
    if (!live) throw new AuthException(AuthErrorCode.NotSignedIn);
  }

  /**
   * The user behind a session token, or undefined when it is unknown, expired or revoked — or,
   * for a review-link guest, when the link has expired or been revoked.
   */
  async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
    const rows: {
      session_id: string;
      session_expires_at: Date;
      id: string;
      email: string | null;
      display_name: string;
      created_at: Date;
      link_id: string | null;
      project_id: string | null;
      permissions: LinkPermission[] | null;
      link_expires_at: Date | null;
      show_team_activity: boolean | null;
    }[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.expires_at AS session_expires_at, u.id, u.email, u.display_name, u.created_at,
              l.id AS link_id, l.project_id, l.permissions, l.expires_at AS link_expires_at,
              l.show_team_activity
       FROM sessions s JOIN users u ON u.id = s.user_id
       LEFT JOIN review_links l ON l.id = u.guest_link_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
         AND (u.guest_link_id IS NULL
              OR (l.revoked_at IS NULL AND (l.expires_at IS NULL OR l.expires_at > now())))`,
      [hashSessionToken(token)],
    );
    const row = rows[0];
    if (!row) return undefined;
    const user: AuthenticatedUser = {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      createdAt: row.created_at.toISOString(),
      sessionId: row.session_id,
      sessionExpiresAt: row.session_expires_at.toISOString(),
    };
    if (row.link_id && row.project_id) {
      user.guest = {
        linkId: row.link_id,
        projectId: row.project_id,
        permissions: row.permissions ?? ['view'],
        expiresAt: row.link_expires_at?.toISOString() ?? null,
        showTeamActivity: row.show_team_activity ?? false,
      };
    }
    return user;
  }

  /**
   * Signs a review-link guest in: a user of their own (no address, no password) bound to the
   * link, and a session that ends no later than the link.
   */
  async startGuestSession(
    guest: { linkId: string; displayName: string; email: string | null; linkExpiresAt: Date | null },
    userAgent: string | undefined,
  ): Promise<IssuedSession> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO users (display_name, guest_link_id, guest_email) VALUES ($1, $2, $3) RETURNING id`,
      [guest.displayName, guest.linkId, guest.email],
    );
    const user = await this.users.findOneByOrFail({ id: row.id });
    return this.issueSession(user, userAgent, guest.linkExpiresAt);
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    const user = await this.users.findOneBy({ email: email.toLowerCase() });
    return user ? toUser(user) : undefined;
  }

  private async issueSession(
    user: UserEntity,
    userAgent: string | undefined,
    notAfter: Date | null = null,
  ): Promise<IssuedSession> {
    const token = newSessionToken();
    const ttlEnd = Date.now() + this.config.sessionTtlMs;
    const expiresAt = new Date(notAfter ? Math.min(ttlEnd, notAfter.getTime()) : ttlEnd);
    await this.sessions.insert({
      userId: user.id,
      tokenHash: hashSessionToken(token),
      userAgent: userAgent?.slice(0, 500) ?? null,
      expiresAt,
    });
    return { user: toUser(user), token, expiresAt };
  }

  /** Hashes a password the way account passwords are (argon2id); review links use it too. */
  hashPassword(password: string): Promise<string> {
    return hash(password, HASH_OPTIONS);
  }

  verifyPassword(storedHash: string, password: string): Promise<boolean> {
    return verify(storedHash, password).catch(() => false);
  }

  /** A hash to verify against when there is nothing to verify, so timing reveals nothing. */
  dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= hash(newSessionToken(), HASH_OPTIONS);
    return this.dummyHash;
  }

  private get users() {
    return this.dataSource.getRepository(UserEntity);
  }

  private get sessions() {
    return this.dataSource.getRepository(SessionEntity);
  }
}

export function toUser(user: UserEntity): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    createdAt: user.createdAt.toISOString(),
  };
}
