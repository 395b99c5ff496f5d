import { Injectable } from '@nestjs/common';
import type { Annotation, CarriedOverComment, CarriedOverList, Round } from '@cutroom/contracts';
import { type AccessRole, can, mayMarkAddressed } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { queryRows } from '../database/query-rows.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { appendEvent } from '../realtime/event-log.js';
import { visibleCommentsSql } from '../review/comment-visibility.js';
import { approvalsOf } from './approval-view.js';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception.js';

interface CarriedOverRow {
  id: string;
  version_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  frame: number | null;
  frame_end: number | null;
  internal: boolean;
  annotation: Annotation | null;
  created_at: Date;
  reply_count: string;
  addressed_in: string | null;
  addressed_by: string | null;
  addressed_by_name: string | null;
  addressed_at: Date | null;
}

/**
 * Threads of version N as version N+1 sees them, as far as the reader may see (guests never see
 * internal notes). $1: version N, $2: version N+1.
 */
const carriedOverSelect = (role: AccessRole) => `
  SELECT c.id, c.version_id, c.author_id, au.display_name AS author_name, c.body, c.frame, c.frame_end,
         c.internal, c.annotation, c.created_at,
         (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND ${visibleCommentsSql(role, 'r')}) AS reply_count,
         ac.version_id AS addressed_in, ac.addressed_by, ab.display_name AS addressed_by_name, ac.addressed_at
  FROM comments c
  LEFT JOIN users au ON au.id = c.author_id
  LEFT JOIN addressed_comments ac ON ac.comment_id = c.id AND ac.version_id = $2
  LEFT JOIN users ab ON ab.id = ac.addressed_by
  WHERE c.version_id = $1 AND c.parent_id IS NULL AND ${visibleCommentsSql(role, 'c')}`;
const CARRIED_OVER_ORDER = `ORDER BY c.frame NULLS FIRST, c.created_at, c.id`;

/**
 * Revision rounds: each version is a round. A round inherits the notes its predecessor left
 * open ("open from vN"); each is marked "addressed in vN+1" by a link, never copied.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
  ) {}

  /** The unresolved threads of the previous version, each with whether this version addressed it. */
  async carriedOver(userId: string, versionId: string): Promise<CarriedOverList> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    const previous = await this.previousVersion(this.dataSource.manager, versionId);
    if (!previous) return { versionId, fromVersion: null, comments: [] };
    const rows: CarriedOverRow[] = await this.dataSource.query(
      `${carriedOverSelect(access.role)} AND c.resolved_at IS NULL ${CARRIED_OVER_ORDER}`,
      [previous.id, versionId],
    );
    return { versionId, fromVersion: previous, comments: rows.map(toCarriedOver) };
  }

  /** Marks (or unmarks) a note of the previous version as addressed in this one, and tells the room. */
  async setAddressed(
    userId: string,
    versionId: string,
    commentId: string,
    addressed: boolean,
  ): Promise<CarriedOverComment> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    return retryOnConflict(() =>
      this.dataSource.transaction(async (manager) => {
        // The asset's row before the comment's, as every comment write takes them (no deadlock).
        await manager.query(`SELECT id FROM assets WHERE id = $1 FOR NO KEY UPDATE`, [access.assetId]);
        const [comment]: {
          version_id: string;
          asset_id: string;
          parent_id: string | null;
          author_id: string | null;
          resolved_at: Date | null;
          internal: boolean;
        }[] = await manager.query(
          `SELECT version_id, asset_id, parent_id, author_id, resolved_at, internal FROM comments WHERE id = $1 FOR SHARE`,
          [commentId],
        );
        const hidden = comment?.internal && !can(access.role, 'comments.internal');
        if (!comment || hidden || comment.asset_id !== access.assetId) {
          throw new ApprovalsException(
            ApprovalsErrorCode.CommentNotFound,
            'No such comment on this asset, or you cannot see it.',
          );
        }
        if (!mayMarkAddressed({ userId, role: access.role }, comment.author_id)) {
          throw new ApprovalsException(
            ApprovalsErrorCode.NotAllowed,
            'Only its author, an editor or an owner can mark a note addressed.',
          );
        }
        const previous = await this.previousVersion(manager, versionId);
        const carried = previous?.id === comment.version_id && comment.parent_id === null;
        if (!carried || (addressed && comment.resolved_at !== null)) {
          throw new ApprovalsException(
            ApprovalsErrorCode.NotCarriedOver,
            'Only an open note of the previous version can be marked addressed in this one.',
          );
        }
        const changed = addressed
          ? await queryRows(
              manager,
              `INSERT INTO addressed_comments (comment_id, version_id, addressed_by) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING comment_id`,
              [commentId, versionId, userId],
            )
          : await queryRows(
              manager,
              `DELETE FROM addressed_comments WHERE comment_id = $1 AND version_id = $2 RETURNING comment_id`,
              [commentId, versionId],
            );
        const item = await this.loadCarriedOver(
          manager,
          access.role,
          comment.version_id,
          versionId,
          commentId,
        );
        if (changed.length > 0) {
          await appendEvent(manager, {
            assetId: access.assetId,
            type: addressed ? 'comment.addressed' : 'comment.unaddressed',
            actorId: userId,
            payload: { versionId, item },
          });
        }
        return item;
      }),
    );
  }

  /** Every version of the asset, newest first: its notes and the approval of its round. */
  async rounds(userId: string, assetId: string): Promise<Round[]> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    const rows: {
      id: string;
      number: number;
      created_at: Date;
      total: string;
      open: string;
      addressed: string;
      newest: boolean;
    }[] = await this.dataSource.query(
      `WITH v AS (
         SELECT id, number, created_at, lead(id) OVER (ORDER BY number) AS next_id,
                number = max(number) OVER () AS newest
         FROM versions WHERE asset_id = $1)
       SELECT v.id, v.number, v.created_at, v.newest,
              count(c.id) AS total,
              count(c.id) FILTER (WHERE c.resolved_at IS NULL) AS open,
              count(c.id) FILTER (WHERE c.resolved_at IS NULL AND EXISTS (
                SELECT 1 FROM addressed_comments ac WHERE ac.comment_id = c.id AND ac.version_id = v.next_id
              )) AS addressed
       FROM v LEFT JOIN comments c ON c.version_id = v.id AND c.parent_id IS NULL
                                   AND ${visibleCommentsSql(access.role, 'c')}
       GROUP BY v.id, v.number, v.created_at, v.newest
       ORDER BY v.number DESC`,
      [assetId],
    );
    const approvals = await approvalsOf(
      this.dataSource.manager,
      access.projectId,
      rows.map((row) => ({ assetId, versionId: row.id, versionNumber: row.number, current: row.newest })),
    );
    return rows.map((row, index) => ({
      versionId: row.id,
      versionNumber: row.number,
      createdAt: row.created_at.toISOString(),
      notes: {
        total: Number(row.total),
        open: Number(row.open),
        addressed: Number(row.addressed),
        stillOpen: Number(row.open) - Number(row.addressed),
      },
      approval: approvals[index],
    }));
  }

  private async previousVersion(
    manager: EntityManager,
    versionId: string,
  ): Promise<{ id: string; number: number } | null> {
    const rows: { id: string; number: number }[] = await manager.query(
      `SELECT p.id, p.number FROM versions v JOIN versions p ON p.asset_id = v.asset_id AND p.number < v.number
       WHERE v.id = $1 ORDER BY p.number DESC LIMIT 1`,
      [versionId],
    );
    return rows[0] ?? null;
  }

  private async loadCarriedOver(
    manager: EntityManager,
    role: AccessRole,
    fromVersionId: string,
    versionId: string,
    commentId: string,
  ): Promise<CarriedOverComment> {
    // Resolved or not: unmarking a note resolved meanwhile still answers with it.
    const rows: CarriedOverRow[] = await manager.query(`${carriedOverSelect(role)} AND c.id = $3`, [
      fromVersionId,
      versionId,
      commentId,
    ]);
    return toCarriedOver(rows[0]);
  }
}

function toCarriedOver(row: CarriedOverRow): CarriedOverComment {
  return {
    comment: {
      id: row.id,
      versionId: row.version_id,
      author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
      body: row.body,
      frame: row.frame,
      frameEnd: row.frame_end,
      internal: row.internal,
      annotation: row.annotation,
      createdAt: row.created_at.toISOString(),
    },
    replyCount: Number(row.reply_count),
    addressed:
      row.addressed_in && row.addressed_at
        ? {
            versionId: row.addressed_in,
            by: row.addressed_by ? { id: row.addressed_by, displayName: row.addressed_by_name ?? '' } : null,
            at: row.addressed_at.toISOString(),
          }
        : null,
  };
}
