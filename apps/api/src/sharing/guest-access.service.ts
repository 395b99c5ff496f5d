import { Injectable } from '@nestjs/common';
import type {
  GuestAccess,
  JoinReviewLinkBody,
  LinkPermission,
  SharedLinkInfo,
  SharedReview,
} from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { AuthService, type IssuedSession } from '../auth/auth.service.js';
import { AuthRateLimiter } from '../auth/rate-limit/auth-rate-limiter.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { hashSessionToken } from '../auth/session-token.js';
import { guestDisplayName, linkStatus } from './review-link-rules.js';
import { ProjectsService } from '../projects/projects.service.js';
import { SharingErrorCode, SharingException } from './sharing.exception.js';

interface OpenLinkRow {
  id: string;
  project_id: string;
  label: string;
  permissions: LinkPermission[];
  show_team_activity: boolean;
  password_hash: string | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  shared_by: string | null;
}

export interface GuestSession extends IssuedSession {
  guest: GuestAccess;
}

/** Review links as their guests meet them: open one, give a name (and the password), review. */
@Injectable()
export class GuestAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly assets: AssetsService,
    private readonly rateLimiter: AuthRateLimiter,
    private readonly projects: ProjectsService,
  ) {}

  /** What the link is, for its landing page; revoked or unknown → 404, expired → 410. */
  async open(token: string): Promise<SharedLinkInfo> {
    const link = await this.liveLink(token);
    const expiresAt = link.expires_at?.toISOString() ?? null;
    if (link.password_hash) return { linkId: link.id, needsPassword: true, expiresAt };
    return {
      linkId: link.id,
      needsPassword: false,
      expiresAt,
      label: link.label,
      projectName: await this.projects.name(link.project_id),
      sharedBy: link.shared_by,
      permissions: link.permissions,
    };
  }

  /** Signs a guest in through the link: their own name, the link's rights, nothing more. */
  async join(token: string, body: JoinReviewLinkBody, userAgent: string | undefined): Promise<GuestSession> {
    const link = await this.liveLink(token);
    if (link.password_hash) {
      if (!body.password) throw new SharingException(SharingErrorCode.PasswordRequired);
      await this.rateLimiter.spendForReviewLink(link.id);
      if (!(await this.auth.verifyPassword(link.password_hash, body.password)))
        throw new SharingException(SharingErrorCode.WrongPassword);
    }
    const session = await this.auth.startGuestSession(
      {
        linkId: link.id,
        displayName: guestDisplayName(body.name),
        email: body.email ?? null,
        linkExpiresAt: link.expires_at,
      },
      userAgent,
    );
    await this.markUsed(link.id);
    return {
      ...session,
      guest: {
        linkId: link.id,
        projectId: link.project_id,
        permissions: link.permissions,
        expiresAt: link.expires_at?.toISOString() ?? null,
        showTeamActivity: link.show_team_activity,
      },
    };
  }

  /** A guest's home: the project's name and exactly the assets their link shows. */
  async sharedReview(user: AuthenticatedUser): Promise<SharedReview> {
    if (!user.guest) throw new SharingException(SharingErrorCode.NotAGuest);
    const [row]: { label: string; all_assets: boolean }[] = await this.dataSource.query(
      `SELECT label, all_assets FROM review_links WHERE id = $1`,
      [user.guest.linkId],
    );
    if (!row) throw new SharingException(SharingErrorCode.LinkNotFound);
    await this.markUsed(user.guest.linkId);
    return {
      guest: user.guest,
      label: row.label,
      allAssets: row.all_assets,
      project: { id: user.guest.projectId, name: await this.projects.name(user.guest.projectId) },
      assets: await this.assets.listShared(user.id, user.guest.projectId),
    };
  }

  /**
   * A guest may follow a project's room (every asset event of it) only when their live link shows
   * the whole project; anyone else gets "not found", as for a project that does not exist.
   */
  async requireProjectRoom(user: AuthenticatedUser, projectId: string): Promise<void> {
    if (!user.guest) throw new SharingException(SharingErrorCode.LinkNotFound);
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM review_links
       WHERE id = $1 AND project_id = $2 AND all_assets AND revoked_at IS NULL
         AND (expires_at IS NULL OR expires_at > now())`,
      [user.guest.linkId, projectId],
    );
    if (rows.length === 0) throw new SharingException(SharingErrorCode.LinkNotFound);
  }

  private async liveLink(token: string): Promise<OpenLinkRow> {
    const rows: OpenLinkRow[] = await this.dataSource.query(
      `SELECT l.id, l.project_id, l.label, l.permissions, l.show_team_activity, l.password_hash,
              l.expires_at, l.revoked_at, u.display_name AS shared_by
       FROM review_links l LEFT JOIN users u ON u.id = l.created_by
       WHERE l.token_hash = $1`,
      [hashSessionToken(token)],
    );
    const link = rows[0];
    const status = link
      ? linkStatus({ revokedAt: link.revoked_at, expiresAt: link.expires_at }, new Date())
      : 'revoked';
    if (status === 'revoked') throw new SharingException(SharingErrorCode.LinkNotFound);
    if (status === 'expired') throw new SharingException(SharingErrorCode.LinkExpired);
    return link;
  }

  /** "Last used", to the minute: enough for the link list without a write on every request. */
  private async markUsed(linkId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE review_links SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [linkId],
    );
  }
}
