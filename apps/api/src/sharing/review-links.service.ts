import { Injectable } from '@nestjs/common';
import type {
  CreateReviewLinkInput,
  CreatedReviewLink,
  LinkPermission,
  ReviewLink,
} from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { hashSessionToken, newSessionToken } from '../auth/session-token.js';
import { queryRows } from '../database/query-rows.js';
import { ProjectsService } from '../projects/projects.service.js';
import { announceAccessLost } from '../realtime/access-lost.js';
import { defaultLinkLabel, linkStatus } from './review-link-rules.js';
import { SharingErrorCode, SharingException } from './sharing.exception.js';

interface LinkRow {
  id: string;
  project_id: string;
  label: string;
  all_assets: boolean;
  asset_ids: string[] | null;
  permissions: LinkPermission[];
  has_password: boolean;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  guest_count: string;
  guests: { id: string; display_name: string; email: string | null; joined_at: string }[];
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const LINK_SELECT = `
  SELECT l.id, l.project_id, l.label, l.all_assets, l.permissions, l.password_hash IS NOT NULL AS has_password,
         l.expires_at, l.revoked_at, l.last_used_at, l.created_by, cb.display_name AS created_by_name, l.created_at,
         (SELECT array_agg(la.asset_id ORDER BY la.asset_id) FROM review_link_assets la WHERE la.link_id = l.id)
           AS asset_ids,
         (SELECT count(*) FROM users g WHERE g.guest_link_id = l.id) AS guest_count,
         coalesce((SELECT json_agg(json_build_object('id', g.id, 'display_name', g.display_name,
                                                     'email', g.guest_email, 'joined_at', g.created_at)
                                   ORDER BY g.created_at DESC)
                   FROM (SELECT * FROM users WHERE guest_link_id = l.id ORDER BY created_at DESC LIMIT 20) g),
                  '[]') AS guests
  FROM review_links l LEFT JOIN users cb ON cb.id = l.created_by`;

/** Review links as their makers see them: made, listed and turned off by the project's editors and owners. */
@Injectable()
export class ReviewLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly auth: AuthService,
  ) {}

  async create(userId: string, projectId: string, body: CreateReviewLinkInput): Promise<CreatedReviewLink> {
    await this.projects.requireRole(userId, projectId, 'links.manage');
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw new SharingException(SharingErrorCode.ExpiryInPast);
    const passwordHash = body.password ? await this.auth.hashPassword(body.password) : null;
    const token = newSessionToken();
    const linkId = await this.dataSource.transaction(async (manager) => {
      const assetIds = body.assetIds ? [...new Set(body.assetIds)] : null;
      const label = body.label ?? (await this.labelFor(manager, projectId, assetIds));
      const [link]: { id: string }[] = await manager.query(
        `INSERT INTO review_links (project_id, created_by, token_hash, label, all_assets, permissions, password_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          projectId,
          userId,
          hashSessionToken(token),
          label,
          !assetIds,
          body.permissions,
          passwordHash,
          expiresAt,
        ],
      );
      if (assetIds) {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO review_link_assets (link_id, asset_id)
           SELECT $1, a.id FROM assets a WHERE a.id = ANY ($2::uuid[]) AND a.project_id = $3
           RETURNING asset_id`,
          [link.id, assetIds, projectId],
        );
        if (inserted.length !== assetIds.length) throw new SharingException(SharingErrorCode.AssetsElsewhere);
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
   * Turns a link off for good. Its guests' sessions stop at their next request, and once this
   * commits every api node takes their sockets out of the rooms.
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
      const guests: { id: string }[] = await manager.query(`SELECT id FROM users WHERE guest_link_id = $1`, [
        linkId,
      ]);
      await announceAccessLost(
        manager,
        projectId,
        guests.map((g) => g.id),
      );
    });
    return this.load(this.dataSource.manager, linkId);
  }

  private async load(manager: EntityManager, linkId: string): Promise<ReviewLink> {
    const rows: LinkRow[] = await manager.query(`${LINK_SELECT} WHERE l.id = $1`, [linkId]);
    if (rows.length === 0) throw new SharingException(SharingErrorCode.LinkNotFound);
    return toReviewLink(rows[0], new Date());
  }

  private async labelFor(
    manager: EntityManager,
    projectId: string,
    assetIds: string[] | null,
  ): Promise<string> {
    const [project]: { name: string }[] = await manager.query(`SELECT name FROM projects WHERE id = $1`, [
      projectId,
    ]);
    if (!assetIds) return defaultLinkLabel(null, project.name);
    const assets: { name: string }[] = await manager.query(
      `SELECT name FROM assets WHERE id = ANY ($1::uuid[]) AND project_id = $2
       ORDER BY array_position($1::uuid[], id)`,
      [assetIds, projectId],
    );
    if (assets.length !== assetIds.length) throw new SharingException(SharingErrorCode.AssetsElsewhere);
    return defaultLinkLabel(
      assets.map((a) => a.name),
      project.name,
    );
  }
}

function toReviewLink(row: LinkRow, now: Date): ReviewLink {
  return {
    id: row.id,
    projectId: row.project_id,
    label: row.label,
    assetIds: row.all_assets ? null : (row.asset_ids ?? []),
    permissions: row.permissions,
    hasPassword: row.has_password,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    status: linkStatus({ revokedAt: row.revoked_at, expiresAt: row.expires_at }, now),
    guestCount: Number(row.guest_count),
    guests: row.guests.map((g) => ({
      id: g.id,
      displayName: g.display_name,
      email: g.email,
      joinedAt: new Date(g.joined_at).toISOString(),
    })),
    createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
  };
}
