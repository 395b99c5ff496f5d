import { Injectable } from '@nestjs/common';
import type { Annotation, Comment, CommentFilters } from '@cutroom/contracts';
import type { AccessRole } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { inPooledTransaction, preparedRows } from '../database/prepared-query.js';
import { queryRows } from '../database/query-rows.js';
import { SqlParams } from '../database/sql-params.js';
import { WriteGroups } from '../database/write-groups.js';
import { appendEventSql } from '../events/event-log.js';
import {
  COMMENT_SELECT,
  COMMENT_STATE_COLUMNS,
  type CommentRow,
  type CommentState,
  type ThreadSummary,
  type ThreadSummaryRow,
  toComment,
  toCommentState,
  toThreadSummary,
} from './comment-rows.js';
import type { CommentCursor } from './comment-cursor.js';
import { visibleCommentsSql } from './comment-visibility.js';

export type { CommentState, ThreadSummary } from './comment-rows.js';

/** A comment's text as edited: `body` null leaves text, mentions and hashtags as they are. */
export interface CommentEdit {
  body: string | null;
  mentions: string[];
  hashtags: string[];
  /** `undefined` leaves the drawing; `null` removes it. */
  annotation: Annotation | null | undefined;
  internal: boolean | null;
}

/**
 * The review context's tables — `comments` and `comment_reactions` — and nothing else: every
 * other context reads or locks comments through here. No rules are decided here (who may do
 * what is the services'); `manager` is the caller's transaction where there is one.
 */
@Injectable()
export class CommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** New comments, written together per cut while one is under way (see insert). */
  private readonly inserts = new WriteGroups<NewComment, boolean>({
    maxGroup: 64,
    one: async (item) => {
      const { sql, values } = insertStatement(item);
      try {
        return (await preparedRows(this.dataSource, sql, values)).length > 0;
      } catch (error) {
        // Its id is new to every request: taken, it is this very comment, stored by a group whose
        // COMMIT went through though its answer was lost.
        if ((error as { constraint?: string }).constraint === 'comments_pkey') return true;
        throw error;
      }
    },
    together: (items) =>
      inPooledTransaction(this.dataSource, async (query) => {
        const stored: boolean[] = [];
        for (const item of items) {
          const { sql, values } = insertStatement(item);
          stored.push((await query(sql, values)).length > 0);
        }
        return stored;
      }),
  });

  /**
   * A version's threads the filters choose, each with every reply the reader may see, in reading
   * order: every thread, or with `page` the first `page.limit` threads after `page.after`, and
   * where the next page starts (null after the last thread).
   */
  async list(
    versionId: string,
    role: AccessRole,
    userId: string,
    filters: CommentFilters,
    page?: { limit: number; after: CommentCursor | null },
  ): Promise<{ comments: Comment[]; next: CommentCursor | null }> {
    const params = new SqlParams();
    // Internal notes are the team's own: a guest never sees them, nor replies inside them.
    const visible = visibleCommentsSql(role, 'c');
    const where = [`c.version_id = ${params.add(versionId)}`, visible];
    if (filters.status === 'open') where.push('c.resolved_at IS NULL');
    if (filters.status === 'resolved') where.push('c.resolved_at IS NOT NULL');
    if (filters.mine === 'true') where.push(`c.author_id = ${params.add(userId)}`);
    if (filters.authorId) where.push(`c.author_id = ${params.add(filters.authorId)}`);
    if (filters.hashtag)
      where.push(`${params.add(filters.hashtag.replace(/^#/, '').toLowerCase())} = ANY (c.hashtags)`);
    if (filters.hasDrawing === 'true') where.push('c.annotation IS NOT NULL');
    if (filters.hasDrawing === 'false') where.push('c.annotation IS NULL');
    // List order is frame (general notes, without one, first), creation time, id: a page starts
    // strictly after its cursor's place in it.
    const place = 'coalesce(c.frame, -1), c.created_at, c.id';
    if (page?.after)
      where.push(
        `(${place}) > (${params.add(page.after.frame)}::int, ${params.add(page.after.createdAt)}::timestamptz, ${params.add(page.after.id)}::uuid)`,
      );
    const limit = page ? `ORDER BY ${place} LIMIT ${params.add(page.limit + 1)}` : '';
    // Filters choose threads; every reply of a chosen thread comes along.
    const rows: (CommentRow & { root_place: string | null })[] = await this.dataSource.query(
      `WITH roots AS (
         SELECT c.id, coalesce(c.frame, -1) || '|' || c.created_at::text || '|' || c.id AS place
         FROM comments c WHERE c.parent_id IS NULL AND ${where.join(' AND ')} ${limit})
       ${COMMENT_SELECT.replace('SELECT', 'SELECT (SELECT r.place FROM roots r WHERE r.id = c.id) AS root_place,')}
       WHERE (c.id IN (SELECT id FROM roots) OR c.parent_id IN (SELECT id FROM roots)) AND ${visible}
       ORDER BY coalesce(
         (SELECT p.frame FROM comments p WHERE p.id = c.parent_id), c.frame) NULLS FIRST,
         coalesce((SELECT p.created_at FROM comments p WHERE p.id = c.parent_id), c.created_at),
         c.parent_id NULLS FIRST, c.created_at, c.id`,
      params.values,
    );
    if (!page) return { comments: rows.map(toComment), next: null };
    // One thread more than the page was asked for: it shows there is a next page, and is left out.
    const roots = rows.filter((row) => row.root_place !== null);
    if (roots.length <= page.limit) return { comments: rows.map(toComment), next: null };
    const extra = roots[page.limit];
    const kept = rows.filter((row) => row.id !== extra.id && row.parent_id !== extra.id);
    const [frame, createdAt, id] = roots[page.limit - 1].root_place!.split('|');
    return { comments: kept.map(toComment), next: { frame: Number(frame), createdAt, id } };
  }

  /**
   * Stores a new comment and its `comment.created` event in one statement (the hot path of a
   * review session). False when its author already stored one with that `clientId`: nothing
   * written. Posts into the same cut while one is being stored go together in one transaction
   * (WriteGroups): the cut's event counter is a row lock each holds until its commit is on disk.
   */
  insert(comment: Comment, actorId: string): Promise<boolean> {
    return this.inserts.write(comment.assetId, { comment, actorId });
  }

  async findByClientId(authorId: string, clientId: string): Promise<Comment | undefined> {
    const rows: CommentRow[] = await this.dataSource.query(
      `${COMMENT_SELECT} WHERE c.author_id = $1 AND c.client_id = $2`,
      [authorId, clientId],
    );
    return rows[0] ? toComment(rows[0]) : undefined;
  }

  async load(manager: EntityManager, commentId: string): Promise<Comment | undefined> {
    const rows: CommentRow[] = await manager.query(`${COMMENT_SELECT} WHERE c.id = $1`, [commentId]);
    return rows[0] ? toComment(rows[0]) : undefined;
  }

  /** A thread's replies, oldest first. */
  async replies(manager: EntityManager, parentId: string): Promise<Comment[]> {
    const rows: CommentRow[] = await manager.query(
      `${COMMENT_SELECT} WHERE c.parent_id = $1 ORDER BY c.created_at, c.id`,
      [parentId],
    );
    return rows.map(toComment);
  }

  /**
   * Locks a comment for a change, after its asset's row: every comment write (and a reply's insert,
   * whose event bumps the asset before its thread is checked) takes the asset first, so none
   * deadlock. `FOR SHARE` keeps it as it is while another table links to it.
   */
  async lock(
    manager: EntityManager,
    commentId: string,
    lock: 'FOR UPDATE' | 'FOR NO KEY UPDATE' | 'FOR SHARE',
  ): Promise<CommentState | undefined> {
    // A comment never moves to another asset, so reading its asset unlocked is safe.
    const assets: unknown[] = await manager.query(
      `SELECT id FROM assets WHERE id = (SELECT asset_id FROM comments WHERE id = $1) FOR NO KEY UPDATE`,
      [commentId],
    );
    if (assets.length === 0) return undefined;
    const rows = await manager.query(`SELECT ${COMMENT_STATE_COLUMNS} FROM comments WHERE id = $1 ${lock}`, [
      commentId,
    ]);
    return rows[0] ? toCommentState(rows[0]) : undefined;
  }

  /** A comment as it is, unlocked (the thread a reply answers). */
  async state(manager: EntityManager, commentId: string): Promise<CommentState | undefined> {
    const rows = await manager.query(`SELECT ${COMMENT_STATE_COLUMNS} FROM comments WHERE id = $1`, [
      commentId,
    ]);
    return rows[0] ? toCommentState(rows[0]) : undefined;
  }

  async edit(manager: EntityManager, commentId: string, edit: CommentEdit): Promise<void> {
    await manager.query(
      `UPDATE comments SET
         body = coalesce($2, body),
         mentions = CASE WHEN $2::text IS NULL THEN mentions ELSE $3::uuid[] END,
         hashtags = CASE WHEN $2::text IS NULL THEN hashtags ELSE $4::text[] END,
         annotation = CASE WHEN $5 THEN $6::jsonb ELSE annotation END,
         internal = coalesce($7, internal),
         edited_at = now()
       WHERE id = $1`,
      [
        commentId,
        edit.body,
        edit.mentions,
        edit.hashtags,
        edit.annotation !== undefined,
        edit.annotation ? JSON.stringify(edit.annotation) : null,
        edit.internal,
      ],
    );
  }

  async setResolved(manager: EntityManager, commentId: string, resolved: boolean, by: string): Promise<void> {
    await manager.query(
      `UPDATE comments SET resolved_at = CASE WHEN $2 THEN now() END, resolved_by = CASE WHEN $2 THEN $3::uuid END
       WHERE id = $1`,
      [commentId, resolved, by],
    );
  }

  /** Adds or takes back one person's reaction; whether that changed anything. */
  async react(
    manager: EntityManager,
    commentId: string,
    userId: string,
    emoji: string,
    add: boolean,
  ): Promise<boolean> {
    const changed = add
      ? await queryRows(
          manager,
          `INSERT INTO comment_reactions (comment_id, user_id, emoji) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING emoji`,
          [commentId, userId, emoji],
        )
      : await queryRows(
          manager,
          `DELETE FROM comment_reactions WHERE comment_id = $1 AND user_id = $2 AND emoji = $3 RETURNING emoji`,
          [commentId, userId, emoji],
        );
    return changed.length > 0;
  }

  async delete(manager: EntityManager, commentId: string): Promise<void> {
    await manager.query(`DELETE FROM comments WHERE id = $1`, [commentId]);
  }

  /**
   * The threads (first notes) of a version the reader may see, each with how many replies they may
   * see, in reading order: all of them, the open ones, or one.
   */
  async threads(
    manager: EntityManager,
    versionId: string,
    role: AccessRole,
    which: { open: true } | { id: string },
  ): Promise<ThreadSummary[]> {
    const params = new SqlParams();
    const only = 'id' in which ? `AND c.id = ${params.add(which.id)}` : 'AND c.resolved_at IS NULL';
    const rows: ThreadSummaryRow[] = await manager.query(
      `SELECT c.id, c.version_id, c.author_id, au.display_name AS author_name, c.body, c.frame, c.frame_end,
              c.internal, c.annotation, c.created_at, c.resolved_at,
              (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND ${visibleCommentsSql(role, 'r')}) AS reply_count
       FROM comments c LEFT JOIN users au ON au.id = c.author_id
       WHERE c.version_id = ${params.add(versionId)} AND c.parent_id IS NULL AND ${visibleCommentsSql(role, 'c')} ${only}
       ORDER BY c.frame NULLS FIRST, c.created_at, c.id`,
      params.values,
    );
    return rows.map(toThreadSummary);
  }

  /**
   * For each version, its threads the reader may see: the ids of the open ones, and how many in all.
   * `withInternal: false` leaves the team's internal threads out even for a member.
   */
  async threadTally(
    versionIds: string[],
    role: AccessRole,
    withInternal = true,
  ): Promise<Map<string, { total: number; openIds: string[] }>> {
    const rows: { version_id: string; total: string; open_ids: string[] }[] = await this.dataSource.query(
      `SELECT c.version_id, count(*) AS total,
              coalesce(array_agg(c.id::text) FILTER (WHERE c.resolved_at IS NULL), '{}') AS open_ids
       FROM comments c
       WHERE c.version_id = ANY ($1::uuid[]) AND c.parent_id IS NULL
         AND ${withInternal ? visibleCommentsSql(role, 'c') : 'NOT c.internal'}
       GROUP BY c.version_id`,
      [versionIds],
    );
    return new Map(rows.map((row) => [row.version_id, { total: Number(row.total), openIds: row.open_ids }]));
  }

  /** When each cut's notes last moved (posted, edited, resolved or reopened), by asset id; cuts without notes are absent. */
  async lastNoteAt(assetIds: readonly string[]): Promise<Map<string, Date>> {
    if (assetIds.length === 0) return new Map();
    const rows: { asset_id: string; at: Date }[] = await this.dataSource.query(
      `SELECT asset_id::text, max(greatest(created_at, edited_at, resolved_at)) AS at
       FROM comments WHERE asset_id = ANY ($1::uuid[]) GROUP BY asset_id`,
      [assetIds],
    );
    return new Map(rows.map((row) => [row.asset_id, row.at]));
  }

  /** Each comment's visibility today: `true` internal, `false` shared; absent, deleted. */
  async internalById(manager: EntityManager, commentIds: string[]): Promise<Map<string, boolean>> {
    if (commentIds.length === 0) return new Map();
    const rows: { id: string; internal: boolean }[] = await manager.query(
      `SELECT id::text, internal FROM comments WHERE id = ANY($1::uuid[])`,
      [commentIds],
    );
    return new Map(rows.map((row) => [row.id, row.internal]));
  }
}

interface NewComment {
  comment: Comment;
  actorId: string;
}

/** The statement that stores a comment and its event (and NOTIFY), if its clientId is new. */
function insertStatement({ comment, actorId }: NewComment): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const values = [
    comment.id,
    comment.versionId,
    comment.assetId,
    comment.parentId,
    actorId,
    comment.clientId,
    comment.body,
    comment.frame,
    comment.frameEnd,
    comment.internal,
    comment.annotation ? JSON.stringify(comment.annotation) : null,
    comment.mentions,
    comment.hashtags,
  ].map((value) => params.add(value));
  const createdAt = params.add(comment.createdAt);
  const event = appendEventSql(
    params,
    { assetId: comment.assetId, type: 'comment.created', actorId, payload: { comment } },
    comment.createdAt,
    'SELECT 1 FROM inserted',
  );
  const sql = `WITH inserted AS (
       INSERT INTO comments (id, version_id, asset_id, parent_id, author_id, client_id, body, frame, frame_end,
                             internal, annotation, mentions, hashtags, created_at)
       VALUES (${values.join(', ')}, ${createdAt}::timestamptz)
       ON CONFLICT (author_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
       RETURNING id),
     ${event}`;
  return { sql, values: params.values };
}
