import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  type AcceptInvitationBody,
  type Invitation,
  type InvitationInfo,
  type InviteResult,
  type ProjectRole,
  EMAIL_PASSWORD_MESSAGE,
  isEmailPassword,
} from '@cutroom/contracts';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AuthService, type IssuedSession } from '../auth/auth.service.js';
import { hashSessionToken } from '../auth/session-token.js';
import { queryRows } from '../database/query-rows.js';
import type { Logger } from '../common/logging/logger.js';
import { createMailTransport } from '../common/mail/mail-transport.js';
import { ServerSecret } from '../common/secrets/server-secret.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { announceJoined } from '../events/access-lost.js';
import { composeInvitationMail } from './invitation-mail.js';
import { ProjectsService } from './projects.service.js';
import { ProjectsErrorCode, ProjectsException } from './projects.exception.js';

const TOKEN_PURPOSE = 'invitation';

interface InvitationRow {
  id: string;
  email: string;
  role: ProjectRole;
  invited_by: string | null;
  inviter_name: string | null;
  created_at: Date;
  expires_at: Date;
}

const OPEN = `i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`;

/**
 * Invitations of addresses with no account: made by whoever may manage members, mailed when
 * e-mail is on, accepted by creating the account, which joins the project with the role chosen.
 */
@Injectable()
export class InvitationsService implements OnApplicationShutdown {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly auth: AuthService,
    private readonly secret: ServerSecret,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {
    if (config.smtp) this.transport = createMailTransport(config.smtp);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /** An existing account joins as today; any other address gets an invitation (a new one replaces an open one). */
  async invite(userId: string, projectId: string, email: string, role: ProjectRole): Promise<InviteResult> {
    await this.projects.requireRole(userId, projectId, 'members.manage');
    if (await this.auth.findUserByEmail(email)) {
      return { kind: 'member', member: await this.projects.addMember(userId, projectId, email, role) };
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE invitations SET revoked_at = now()
         WHERE project_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [projectId, email],
      );
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO invitations (id, project_id, email, role, token_hash, invited_by, expires_at)
         SELECT g.id, $1, $2, $3, '', $4, now() + $5::interval FROM (SELECT gen_random_uuid() AS id) g
         RETURNING id`,
        [projectId, email, role, userId, `${this.config.invitationTtlMs} milliseconds`],
      );
      await manager.query(`UPDATE invitations SET token_hash = $2 WHERE id = $1`, [
        row.id,
        hashSessionToken(this.tokenOf(row.id)),
      ]);
      return row.id;
    });
    const invitation = await this.find(projectId, id);
    return { kind: 'invitation', invitation, emailed: await this.mail(projectId, invitation) };
  }

  async list(userId: string, projectId: string): Promise<Invitation[]> {
    await this.projects.requireRole(userId, projectId, 'members.manage');
    return (await this.rows(projectId)).map((row) => this.toInvitation(row));
  }

  async revoke(userId: string, projectId: string, invitationId: string): Promise<void> {
    await this.projects.requireRole(userId, projectId, 'members.manage');
    const revoked = await queryRows(
      this.dataSource.manager,
      `UPDATE invitations i SET revoked_at = now() WHERE i.id = $1 AND i.project_id = $2 AND ${OPEN}
       RETURNING i.id`,
      [invitationId, projectId],
    );
    if (revoked.length === 0) throw new ProjectsException(ProjectsErrorCode.InvitationNotFound);
  }

  /** What the invited person sees; an unknown, used, revoked or expired token is simply not found. */
  async open(token: string): Promise<InvitationInfo> {
    const [row]: {
      email: string;
      role: ProjectRole;
      project_id: string;
      project_name: string;
      inviter_name: string | null;
      expires_at: Date;
    }[] = await this.dataSource.query(
      `SELECT i.email, i.role, i.project_id, p.name AS project_name, u.display_name AS inviter_name, i.expires_at
       FROM invitations i JOIN projects p ON p.id = i.project_id LEFT JOIN users u ON u.id = i.invited_by
       WHERE i.token_hash = $1 AND ${OPEN}`,
      [hashSessionToken(token)],
    );
    if (!row) throw new ProjectsException(ProjectsErrorCode.InvitationNotFound);
    return {
      email: row.email,
      role: row.role,
      project: { id: row.project_id, name: row.project_name },
      invitedBy: row.inviter_name,
      expiresAt: row.expires_at.toISOString(),
      hasAccount: (await this.auth.findUserByEmail(row.email)) !== undefined,
    };
  }

  /**
   * Creates the account at the invited address and joins the project with the invitation's role;
   * an address that signed up since is signed in by its own password and joins the same way.
   * The invitation is taken first, so two accepts at once make one account.
   */
  async accept(
    token: string,
    body: AcceptInvitationBody,
    userAgent: string | undefined,
  ): Promise<IssuedSession & { projectId: string }> {
    const [taken] = await queryRows<{ id: string; project_id: string; email: string; role: ProjectRole }>(
      this.dataSource.manager,
      `UPDATE invitations i SET accepted_at = now() WHERE i.token_hash = $1 AND ${OPEN}
       RETURNING i.id, i.project_id, i.email, i.role`,
      [hashSessionToken(token)],
    );
    if (!taken) throw new ProjectsException(ProjectsErrorCode.InvitationNotFound);
    try {
      const session = await this.sessionFor(taken.email, body, userAgent);
      await this.dataSource.query(
        `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [taken.project_id, session.user.id, taken.role],
      );
      await announceJoined(this.dataSource.manager, {
        projectId: taken.project_id,
        joinedUserId: session.user.id,
      });
      this.logger.info(
        { invitationId: taken.id, projectId: taken.project_id, userId: session.user.id },
        'invitation accepted',
      );
      return { ...session, projectId: taken.project_id };
    } catch (error) {
      // Not accepted after all (a bad password, the address signed up meanwhile): it stays open.
      await this.dataSource.query(`UPDATE invitations SET accepted_at = NULL WHERE id = $1`, [taken.id]);
      throw error;
    }
  }

  /** The invited address's session: its new account, or the account it made since (by its password). */
  private async sessionFor(
    email: string,
    body: AcceptInvitationBody,
    userAgent: string | undefined,
  ): Promise<IssuedSession> {
    if (await this.auth.findUserByEmail(email)) {
      return this.auth.login({ email, password: body.password }, userAgent);
    }
    if (body.displayName === undefined) {
      throw new ValidationException([{ path: 'displayName', message: 'must not be empty' }], 'body');
    }
    if (isEmailPassword(body.password, email)) {
      throw new ValidationException([{ path: 'password', message: EMAIL_PASSWORD_MESSAGE }], 'body');
    }
    return this.auth.register({ email, password: body.password, displayName: body.displayName }, userAgent);
  }

  private tokenOf(invitationId: string): string {
    return this.secret.derive(TOKEN_PURPOSE, invitationId);
  }

  private async find(projectId: string, invitationId: string): Promise<Invitation> {
    const [row] = await this.rows(projectId, invitationId);
    if (!row) throw new ProjectsException(ProjectsErrorCode.InvitationNotFound);
    return this.toInvitation(row);
  }

  private rows(projectId: string, invitationId?: string): Promise<InvitationRow[]> {
    return this.dataSource.query(
      `SELECT i.id, i.email, i.role, i.invited_by, u.display_name AS inviter_name, i.created_at, i.expires_at
       FROM invitations i LEFT JOIN users u ON u.id = i.invited_by
       WHERE i.project_id = $1 AND ($2::uuid IS NULL OR i.id = $2) AND ${OPEN}
       ORDER BY i.created_at, i.id`,
      [projectId, invitationId ?? null],
    );
  }

  private toInvitation(row: InvitationRow): Invitation {
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      invitedBy:
        row.invited_by && row.inviter_name !== null
          ? { id: row.invited_by, displayName: row.inviter_name }
          : null,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      link: `${this.config.publicUrl}/invite/${this.tokenOf(row.id)}`,
    };
  }

  /** Sends the invitation when e-mail is on; false when it is off or the send failed (the link still works). */
  private async mail(projectId: string, invitation: Invitation): Promise<boolean> {
    if (!this.transport) return false;
    try {
      const [project]: { name: string }[] = await this.dataSource.query(
        `SELECT name FROM projects WHERE id = $1`,
        [projectId],
      );
      await this.transport.sendMail(composeInvitationMail(invitation, project.name));
      this.logger.info({ invitationId: invitation.id, projectId }, 'invitation e-mail sent');
      return true;
    } catch (error) {
      this.logger.warn(
        { err: error, invitationId: invitation.id, projectId },
        'could not send an invitation e-mail',
      );
      return false;
    }
  }
}
