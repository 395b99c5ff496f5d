import { Injectable } from '@nestjs/common';
import type { Asset, LinkPermission, ProjectRole, Version, VersionStatus } from '@cutroom/contracts';
import type { MediaProbe } from '@cutroom/media';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AccessRole,
  can,
  GUEST_VERSION_SQL,
  guestMaySeeVersion,
  isGuest,
  type ProjectAction,
} from '@cutroom/policy';
import { AuthErrorCode, AuthException } from '../auth/auth.exception.js';
import { liveSessionSql } from '../auth/live-session.sql.js';
import { preparedRows } from '../database/prepared-query.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { ProjectsService } from '../projects/projects.service.js';
import { appendEvent, notify } from '../events/event-log.js';
import { lockCut } from './cut-lock.repository.js';
import { RemovalListeners } from './removal-listeners.js';
import { AssetsErrorCode, AssetsException } from './assets.exception.js';
import { toVersion, VERSION_COLUMNS, VERSION_FROM, type VersionRow } from './version-view.js';

export interface AssetAccess {
  assetId: string;
  projectId: string;
  role: AccessRole;
}

/** A version as a writer on it needs it: access, frames, and the writer's own name. */
export interface VersionTarget extends AssetAccess {
  frameCount: number | null;
  userName: string;
}

interface GrantRow {
  project_id: string;
  role: ProjectRole | 'guest';
  permissions: LinkPermission[] | null;
}

/** A row of the `asset_grants` view as the caller's role: a member's, or a guest's permissions. */
export function toAccessRole(row: Pick<GrantRow, 'role' | 'permissions'>): AccessRole {
  return row.role === 'guest' ? { guest: row.permissions ?? [] } : row.role;
}

interface AssetRow {
  id: string;
  project_id: string;
  name: string;
  last_seq: string;
  version_count: string;
  open_note_count: string;
  last_activity_at: Date;
  created_at: Date;
  updated_at: Date;
}

/** The version's columns are all null when it is not there or not shown to the caller. */
interface VersionTargetRow extends GrantRow {
  signed_in: boolean;
  asset_id: string | null;
  frame_count: number | null;
  display_name: string;
}

// Always one row: whether the session ($3, if any) is live, and the version's target if it is shown.
const VERSION_TARGET_SQL = `
  SELECT ($3::uuid IS NULL OR ${liveSessionSql('$3')}) AS signed_in, t.*
  FROM (SELECT) AS one
  LEFT JOIN LATERAL (
    SELECT v.asset_id, g.project_id, g.role, g.permissions, (v.media->>'frameCount')::int AS frame_count,
           u.display_name
      FROM versions v
      CROSS JOIN LATERAL asset_grant($2, v.asset_id) g
      JOIN users u ON u.id = $2
      WHERE v.id = $1) AS t ON true`;

@Injectable()
export class AssetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly removals: RemovalListeners,
  ) {}

  /**
   * The caller's access to an asset; "not found" for anyone outside its project, and for a guest
   * whose link does not show it (or has expired or been revoked).
   */
  async requireAsset(
    userId: string,
    assetId: string,
    action: ProjectAction,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AssetAccess> {
    const rows: GrantRow[] = await manager.query(
      `SELECT project_id, role, permissions FROM asset_grant($2, $1)`,
      [assetId, userId],
    );
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.AssetNotFound);
    const role = toAccessRole(rows[0]);
    if (!can(role, action)) throw new AssetsException(AssetsErrorCode.NotAllowed);
    return { assetId, projectId: rows[0].project_id, role };
  }

  /** The caller's access to a version's asset; "not found" for anyone outside its project. */
  async requireVersion(userId: string, versionId: string, action: ProjectAction): Promise<AssetAccess> {
    const rows: { asset_id: string; status: VersionStatus }[] = await this.dataSource.query(
      `SELECT asset_id, status FROM versions WHERE id = $1`,
      [versionId],
    );
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    try {
      const access = await this.requireAsset(userId, rows[0].asset_id, action);
      // A guest never learns of a version that is not ready: not its page, not its media.
      if (isGuest(access.role) && !guestMaySeeVersion(rows[0].status)) {
        throw new AssetsException(AssetsErrorCode.VersionNotFound);
      }
      return access;
    } catch (error) {
      if (error instanceof AssetsException && error.code === AssetsErrorCode.AssetNotFound) {
        throw new AssetsException(AssetsErrorCode.VersionNotFound);
      }
      throw error;
    }
  }

  /**
   * The caller's access to a version, with its frame count and the caller's name, in one query
   * (posting a comment is the hot path of a review session): no role is required here, the caller
   * decides; "not found" for anyone the version's asset is not shown to. Given the caller's
   * session, the same query asks whether it is still live, and a session signed out or run out
   * is refused (401) before anything else is said.
   */
  async versionTarget(userId: string, versionId: string, sessionId?: string): Promise<VersionTarget> {
    const [row] = await preparedRows<VersionTargetRow>(this.dataSource, VERSION_TARGET_SQL, [
      versionId,
      userId,
      sessionId ?? null,
    ]);
    if (!row.signed_in) throw new AuthException(AuthErrorCode.NotSignedIn);
    if (row.asset_id === null) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    return {
      assetId: row.asset_id,
      projectId: row.project_id,
      role: toAccessRole(row),
      frameCount: row.frame_count,
      userName: row.display_name,
    };
  }

  async list(userId: string, projectId: string): Promise<Asset[]> {
    await this.projects.requireRole(userId, projectId, 'project.view');
    const rows: AssetRow[] = await this.dataSource.query(
      `${assetSelect('member')} WHERE a.project_id = $1 AND a.deleted_at IS NULL ORDER BY a.updated_at DESC, a.id`,
      [projectId],
    );
    return this.withLatestVersions(rows);
  }

  /** Every asset the caller may see in a project through a review link: a guest's whole world. */
  async listShared(guestUserId: string, projectId: string): Promise<Asset[]> {
    const rows: AssetRow[] = await this.dataSource.query(
      `${assetSelect('guest')}
       JOIN asset_grants g ON g.asset_id = a.id AND g.user_id = $1 AND g.role = 'guest'
       WHERE a.project_id = $2 ORDER BY a.updated_at DESC, a.id`,
      [guestUserId, projectId],
    );
    return this.withLatestVersions(rows, 'guest');
  }

  async get(userId: string, assetId: string): Promise<Asset> {
    const access = await this.requireAsset(userId, assetId, 'project.view');
    return this.load(assetId, isGuest(access.role) ? 'guest' : 'member');
  }

  async create(userId: string, projectId: string, name: string): Promise<Asset> {
    await this.projects.requireRole(userId, projectId, 'assets.upload');
    const assetId = await this.dataSource.transaction((manager) =>
      this.insert(manager, userId, projectId, name),
    );
    return this.load(assetId);
  }

  /** A new asset and its event, inside the caller's transaction (an upload adds its first version). */
  async insert(manager: EntityManager, userId: string, projectId: string, name: string): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO assets (project_id, name, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [projectId, name, userId],
    );
    await appendEvent(manager, {
      assetId: row.id,
      type: 'asset.created',
      actorId: userId,
      payload: { name },
    });
    return row.id;
  }

  async rename(userId: string, assetId: string, name: string): Promise<Asset> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireAsset(userId, assetId, 'assets.manage', manager);
      await manager.query(`UPDATE assets SET name = $2 WHERE id = $1`, [assetId, name]);
      await appendEvent(manager, { assetId, type: 'asset.renamed', actorId: userId, payload: { name } });
    });
    return this.load(assetId);
  }

  /**
   * Moves the cut to its project's "Recently deleted": gone for everyone (no grant reaches it), its
   * versions, notes, decisions and media kept until it is restored or purged (DeletedCuts). Its
   * live session ends, its log kept in the cut's activity.
   */
  async delete(userId: string, assetId: string): Promise<void> {
    // Background work may hold rows this needs: a deadlock's victim starts over.
    await retryOnConflict(() => this.deleteOnce(userId, assetId));
  }

  private async deleteOnce(userId: string, assetId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { projectId } = await this.requireAsset(userId, assetId, 'assets.manage', manager);
      // The cut's row before its live session's (see lockCut).
      await lockCut(manager, assetId);
      await this.removals.removing(manager, { assetId, versionId: null });
      await manager.query(`UPDATE assets SET deleted_at = now(), deleted_by = $2 WHERE id = $1`, [
        assetId,
        userId,
      ]);
      await appendEvent(manager, { assetId, type: 'asset.deleted', actorId: userId, payload: { projectId } });
    });
  }

  /** Takes back an asset an upload made when the upload could not start; one with versions stays. */
  async deleteIfEmpty(assetId: string, actorId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: { last_seq: string; project_id: string }[] = await manager.query(
        `DELETE FROM assets a WHERE a.id = $1 AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.asset_id = a.id)
         RETURNING last_seq, project_id`,
        [assetId],
      );
      if (!row) return;
      await notify(manager, {
        assetId,
        seq: Number(row.last_seq) + 1,
        type: 'asset.deleted',
        actorId,
        createdAt: new Date().toISOString(),
        payload: { projectId: row.project_id },
      });
    });
  }

  async versions(userId: string, assetId: string): Promise<Version[]> {
    const access = await this.requireAsset(userId, assetId, 'project.view');
    const shown = isGuest(access.role) ? `AND ${GUEST_VERSION_SQL}` : '';
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.asset_id = $1 ${shown} ORDER BY v.number DESC`,
      [assetId],
    );
    return rows.map(toVersion);
  }

  async version(userId: string, versionId: string): Promise<Version> {
    await this.requireVersion(userId, versionId, 'project.view');
    return this.loadVersion(this.dataSource.manager, versionId);
  }

  async loadVersion(manager: EntityManager, versionId: string): Promise<Version> {
    const rows: VersionRow[] = await manager.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = $1`,
      [versionId],
    );
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    return toVersion(rows[0]);
  }

  /** What ffprobe read from a version's original (null before probing), for work on its frames. */
  async versionProbe(versionId: string): Promise<MediaProbe | null> {
    const rows: { probe: MediaProbe | null }[] = await this.dataSource.query(
      `SELECT probe FROM versions WHERE id = $1`,
      [versionId],
    );
    return rows[0]?.probe ?? null;
  }

  /** The asset as the team sees it; `guest`: as a review-link guest does (no internal notes in it). */
  private async load(assetId: string, reader: Reader = 'member'): Promise<Asset> {
    const rows: AssetRow[] = await this.dataSource.query(`${assetSelect(reader)} WHERE a.id = $1`, [assetId]);
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.AssetNotFound);
    const [asset] = await this.withLatestVersions(rows, reader);
    return asset;
  }

  private async withLatestVersions(rows: AssetRow[], reader: Reader = 'member'): Promise<Asset[]> {
    if (rows.length === 0) return [];
    const shown = reader === 'guest' ? `AND ${GUEST_VERSION_SQL}` : '';
    const latest: VersionRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (v.asset_id) ${VERSION_COLUMNS} FROM ${VERSION_FROM}
       WHERE v.asset_id = ANY($1::uuid[]) ${shown} ORDER BY v.asset_id, v.number DESC`,
      [rows.map((r) => r.id)],
    );
    const byAsset = new Map(latest.map((row) => [row.asset_id, toVersion(row)]));
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      versionCount: Number(row.version_count),
      lastSeq: Number(row.last_seq),
      openNoteCount: Number(row.open_note_count),
      lastActivityAt: row.last_activity_at.toISOString(),
      latestVersion: byAsset.get(row.id) ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
  }
}

type Reader = 'member' | 'guest';

/**
 * An asset row with what a card shows, in one statement: open notes on the newest version, and
 * the last activity. The team's last activity is its newest event (the one at `last_seq`); a guest's
 * leaves out internal notes, which they must not learn of even by their time.
 */
function assetSelect(reader: Reader): string {
  const visible = reader === 'guest' ? 'AND NOT c.internal' : '';
  const shownVersion = reader === 'guest' ? `AND ${GUEST_VERSION_SQL}` : '';
  const lastActivity =
    reader === 'member'
      ? `coalesce((SELECT e.created_at FROM events e WHERE e.asset_id = a.id AND e.seq = a.last_seq), a.created_at)`
      : `greatest(a.created_at,
           (SELECT max(greatest(v.created_at, v.ready_at)) FROM versions v WHERE v.asset_id = a.id ${shownVersion}),
           (SELECT max(greatest(c.created_at, c.edited_at, c.resolved_at)) FROM comments c
             WHERE c.asset_id = a.id ${visible}),
           (SELECT max(d.created_at) FROM decisions d WHERE d.asset_id = a.id))`;
  return `
  SELECT a.id, a.project_id, a.name, a.last_seq, a.created_at, a.updated_at,
         (SELECT count(*) FROM versions v WHERE v.asset_id = a.id ${shownVersion}) AS version_count,
         (SELECT count(*) FROM comments c
           WHERE c.version_id = (SELECT v.id FROM versions v WHERE v.asset_id = a.id ${shownVersion} ORDER BY v.number DESC LIMIT 1)
             AND c.parent_id IS NULL AND c.resolved_at IS NULL ${visible}) AS open_note_count,
         ${lastActivity} AS last_activity_at
  FROM assets a`;
}
