import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateReviewLinkInput,
  CreatedReviewLink,
  ReviewLink,
  ReviewLinkAddress,
  UpdateReviewLinkInput,
} from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { assetNamesInProject } from '../assets/asset-lookups.repository.js';
import { AuthService } from '../auth/auth.service.js';
import { capLinkSessions } from '../auth/guest-sessions.repository.js';
import { hashSessionToken } from '../auth/session-token.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { queryRows } from '../database/query-rows.js';
import { ProjectsService } from '../projects/projects.service.js';
import { announceLinkChanged, announceLinkEnded } from '../events/link-notice.js';
import { LinkTokens } from './link-tokens.js';
import { LINK_SELECT, type LinkRow, toReviewLink } from './review-link-row.js';
import { defaultLinkLabel } from './review-link-rules.js';
import { SharingErrorCode, SharingException } from './sharing.exception.js';

/** Review links as their makers see them: made, listed and turned off by the project's editors and owners. */
@Injectable()
export class ReviewLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly auth: AuthService,
    private readonly tokens: LinkTokens,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  async create(userId: string, projectId: string, body: CreateReviewLinkInput): Promise<CreatedReviewLink> {
    await this.projects.requireRole(userId, projectId, 'links.manage');
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw new SharingException(SharingErrorCode.ExpiryInPast);
    const passwordHash = body.password ? await this.auth.hashPassword(body.password) : null;
    const id = randomUUID();
    const token = this.tokens.tokenFor(id);
    const linkId = await this.dataSource.transaction(async (manager) => {
      const assetIds = body.assetIds ? [...new Set(body.assetIds)] : null;
      const assetNames = assetIds && (await assetNamesInProject(manager, projectId, assetIds));
      if (assetIds && !assetNames) throw new SharingException(SharingErrorCode.AssetsElsewhere);
      const label = body.label ?? defaultLinkLabel(assetNames ?? null, await this.projects.name(projectId));
      const [link]: { id: string }[] = await manager.query(
        `INSERT INTO review_links (id, project_id, created_by, token_hash, label, all_assets, permissions, password_hash,
                                   expires_at, show_team_activity, token_derived)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true) RETURNING id`,
        [
          id,
          projectId,
          userId,
          hashSessionToken(token),
          label,
          !assetIds,
          body.permissions,
          passwordHash,
          expiresAt,
          body.showTeamActivity,
        ],
      );
      if (assetIds) {
        await manager.query(
          `INSERT INTO review_link_assets (link_id, asset_id) SELECT $1, unnest($2::uuid[])`,
          [link.id, assetIds],
        );
      }
      return link.id;
    });
    const link = await this.load(this.dataSource.manager, linkId);
    return { ...link, token, path: `/share/${token}` };
  }

  async list(userId: string, projectId: string): Promise<ReviewLink[]> {
    await this.projects.requireRole(userId, projectId, 'links.manage');
    const rows: LinkRow[] = await this.dataSource.query(
      `${LINK_SELECT} WHERE l.project_id = $1 ORDER BY l.created_at DESC, l.id`,
      [projectId],
    );
    const now = new Date();
    return rows.map((row) => toReviewLink(row, now));
  }

  /**
   * Turns a link off. Once this commits, every api node tells its guests' open pages that the link
   * has ended and closes their sockets; their sessions stop at their next request. It can be
   * turned back on: they carry on where they were.
   */
  async revoke(userId: string, projectId: string, linkId: string): Promise<ReviewLink> {
    await this.dataSource.transaction(async (manager) => {
      await this.projects.requireRole(userId, projectId, 'links.manage', manager);
      const updated = await queryRows<{ id: string }>(
        manager,
        `UPDATE review_links SET revoked_at = coalesce(revoked_at, now())
         WHERE id = $1 AND project_id = $2 RETURNING id`,
        [linkId, projectId],
      );
      if (updated.length === 0) throw new SharingException(SharingErrorCode.LinkNotFound);
      await announceLinkEnded(manager, linkId, 'revoked');
    });
    return this.load(this.dataSource.manager, linkId);
  }

  /**
   * The link's address again, derived from its id. A link made before addresses were derived, or
   * under another server secret, still works for whoever holds it, but cannot be shown: 409.
   */
  async address(userId: string, projectId: string, linkId: string): Promise<ReviewLinkAddress> {
    await this.projects.requireRole(userId, projectId, 'links.manage');
    const [row]: { token_hash: string; token_derived: boolean }[] = await this.dataSource.query(
      `SELECT token_hash, token_derived FROM review_links WHERE id = $1 AND project_id = $2`,
      [linkId, projectId],
    );
    if (!row) throw new SharingException(SharingErrorCode.LinkNotFound);
    if (!row.token_derived) throw new SharingException(SharingErrorCode.LinkNotCopyable);
    const token = this.tokens.tokenFor(linkId);
    if (hashSessionToken(token) !== row.token_hash)
      throw new SharingException(SharingErrorCode.LinkSecretChanged);
    return { token, path: `/share/${token}` };
  }

  /**
   * Changes what a link grants, its password, expiry or name. Its guests keep their sessions (a new
   * password is for newcomers); once this commits their open pages act by the new rights, and a
   * new expiry moves the end of their sessions with it.
   */
  async update(
    userId: string,
    projectId: string,
    linkId: string,
    body: UpdateReviewLinkInput,
  ): Promise<ReviewLink> {
    const expiresAt =
      body.expiresAt === undefined ? undefined : body.expiresAt === null ? null : new Date(body.expiresAt);
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw new SharingException(SharingErrorCode.ExpiryInPast);
    const passwordHash =
      body.password === undefined || body.password === null
        ? body.password
        : await this.auth.hashPassword(body.password);
    await this.dataSource.transaction(async (manager) => {
      await this.projects.requireRole(userId, projectId, 'links.manage', manager);
      const updated = await queryRows<{ id: string }>(
        manager,
        `UPDATE review_links SET
           label = coalesce($3, label),
           permissions = coalesce($4, permissions),
           password_hash = CASE WHEN $5 THEN $6 ELSE password_hash END,
           expires_at = CASE WHEN $7 THEN $8::timestamptz ELSE expires_at END,
           show_team_activity = coalesce($9, show_team_activity)
         WHERE id = $1 AND project_id = $2 RETURNING id`,
        [
          linkId,
          projectId,
          body.label ?? null,
          body.permissions ?? null,
          passwordHash !== undefined,
          passwordHash ?? null,
          expiresAt !== undefined,
          expiresAt ?? null,
          body.showTeamActivity ?? null,
        ],
      );
      if (updated.length === 0) throw new SharingException(SharingErrorCode.LinkNotFound);
      if (expiresAt !== undefined) {
        // A guest's session ends no later than the link: it follows the link's new end either way.
        await capLinkSessions(manager, linkId, this.config.sessionTtlMs, expiresAt);
      }
      await announceLinkChanged(manager, linkId);
    });
    return this.load(this.dataSource.manager, linkId);
  }

  /** Turns a link back on: its address opens again, and its guests' sessions work again. */
  async enable(userId: string, projectId: string, linkId: string): Promise<ReviewLink> {
    await this.dataSource.transaction(async (manager) => {
      await this.projects.requireRole(userId, projectId, 'links.manage', manager);
      const updated = await queryRows<{ id: string }>(
        manager,
        `UPDATE review_links SET revoked_at = NULL WHERE id = $1 AND project_id = $2 RETURNING id`,
        [linkId, projectId],
      );
      if (updated.length === 0) throw new SharingException(SharingErrorCode.LinkNotFound);
    });
    return this.load(this.dataSource.manager, linkId);
  }

  private async load(manager: EntityManager, linkId: string): Promise<ReviewLink> {
    const rows: LinkRow[] = await manager.query(`${LINK_SELECT} WHERE l.id = $1`, [linkId]);
    if (rows.length === 0) throw new SharingException(SharingErrorCode.LinkNotFound);
    return toReviewLink(rows[0], new Date());
  }
}
