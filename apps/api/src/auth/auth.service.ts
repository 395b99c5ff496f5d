import { Inject, Injectable } from '@nestjs/common';
import type { LoginBody, RegisterBody, User } from '@cutroom/contracts';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { DataSource, IsNull } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { SessionEntity } from './session.entity.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { UserEntity } from './user.entity.js';

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
  ) {}

  async register(body: RegisterBody, userAgent: string | undefined): Promise<IssuedSession> {
    const passwordHash = await hash(body.password, HASH_OPTIONS);
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
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: body.email })
      .getOne();
    // Verify against a throwaway hash when there is no such user, so timing reveals nothing.
    const storedHash = user?.passwordHash ?? (await this.getDummyHash());
    const matches = await verify(storedHash, body.password).catch(() => false);
    if (!user || !matches) throw new AuthException(AuthErrorCode.BadCredentials);
    return this.issueSession(user, userAgent);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The user behind a session token, or undefined when it is unknown, expired or revoked. */
  async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
    const rows: { session_id: string; id: string; email: string; display_name: string; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT s.id AS session_id, u.id, u.email, u.display_name, u.created_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [hashSessionToken(token)],
      );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      createdAt: row.created_at.toISOString(),
      sessionId: row.session_id,
    };
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    const user = await this.users.findOneBy({ email: email.toLowerCase() });
    return user ? toUser(user) : undefined;
  }

  private async issueSession(user: UserEntity, userAgent: string | undefined): Promise<IssuedSession> {
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMs);
    await this.sessions.insert({
      userId: user.id,
      tokenHash: hashSessionToken(token),
      userAgent: userAgent?.slice(0, 500) ?? null,
      expiresAt,
    });
    return { user: toUser(user), token, expiresAt };
  }

  private getDummyHash(): Promise<string> {
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
