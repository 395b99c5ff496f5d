import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Annotation,
  Comment,
  LinkPermission,
  ProjectRole,
  AssetEventPayload,
  CommentFilters,
  CreateCommentBody,
  UpdateCommentBody,
} from '@cutroom/contracts';
import { type AccessRole, can, isGuest, mayDelete, mayEdit, mayResolve } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { type AssetAccess, AssetsService, toAccessRole } from '../assets/assets.service.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import { appendEvent, appendEventSql } from '../realtime/event-log.js';
import { queryRows } from '../database/query-rows.js';
import { isRetryableConflict, retryOnConflict } from '../database/retry-deadlock.js';
import { AssetsErrorCode, AssetsException } from '../assets/assets.exception.js';
import { visibleCommentsSql } from './comment-visibility.js';
import { findHashtags, findMentions, type Mentionable } from './comment-text.js';
import { ReviewErrorCode, ReviewException } from './review.exception.js';

interface CommentRow {
  id: string;
  version_id: string;
  asset_id: string;
  parent_id: string | null;
  author_id: string | null;
  author_name: string | null;
  client_id: string | null;
  body: string;
  frame: number | null;
  frame_end: number | null;
  internal: boolean;
  annotation: Annotation | null;
  mentions: string[];
  hashtags: string[];
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Date;
  edited_at: Date | null;
  reactions: { emoji: string; userIds: string[] }[];
}

const COMMENT_SELECT = `
  SELECT c.id, c.version_id, c.asset_id, c.parent_id, c.author_id, u.display_name AS author_name, c.client_id,
         c.body, c.frame, c.frame_end, c.internal, c.annotation, c.mentions, c.hashtags, c.resolved_at,
         c.resolved_by, c.created_at, c.edited_at,
         coalesce((
           SELECT json_agg(json_build_object('emoji', r.emoji, 'userIds', r.user_ids) ORDER BY r.first_at)
           FROM (SELECT emoji, array_agg(user_id ORDER BY created_at) AS user_ids, min(created_at) AS first_at
                 FROM comment_reactions WHERE comment_id = c.id GROUP BY emoji) r
         ), '[]') AS reactions
  FROM comments c LEFT JOIN users u ON u.id = c.author_id`;

/** Comments on a version: frame-pinned notes, drawings, threads, resolution and reactions. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
  ) {}

  async list(userId: string, versionId: string, filters: CommentFilters): Promise<Comment[]> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    const where = ['c.version_id = $1'];
    // Internal notes are the team's own: a guest never sees them, nor replies inside them.
    const visible = visibleCommentsSql(access.role, 'c');
    where.push(visible);
    const params: unknown[] = [versionId];
    const add = (condition: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(condition(params.length));
    };
    if (filters.status === 'open') where.push('c.resolved_at IS NULL');
    if (filters.status === 'resolved') where.push('c.resolved_at IS NOT NULL');
    if (filters.mine === 'true') add((n) => `c.author_id = $${n}`, userId);
    if (filters.authorId) add((n) => `c.author_id = $${n}`, filters.authorId);
    if (filters.hashtag)
      add((n) => `$${n} = ANY (c.hashtags)`, filters.hashtag.replace(/^#/, '').toLowerCase());
    if (filters.hasDrawing === 'true') where.push('c.annotation IS NOT NULL');
    if (filters.hasDrawing === 'false') where.push('c.annotation IS NULL');
    // Filters choose threads; every reply of a chosen thread comes along.
    const rows: CommentRow[] = await this.dataSource.query(
      `WITH roots AS (SELECT c.id FROM comments c WHERE c.parent_id IS NULL AND ${where.join(' AND ')})
       ${COMMENT_SELECT}
       WHERE (c.id IN (SELECT id FROM roots) OR c.parent_id IN (SELECT id FROM roots)) AND ${visible}
       ORDER BY coalesce(
         (SELECT p.frame FROM comments p WHERE p.id = c.parent_id), c.frame) NULLS FIRST,
         coalesce((SELECT p.created_at FROM comments p WHERE p.id = c.parent_id), c.created_at),
         c.parent_id NULLS FIRST, c.created_at, c.id`,
      params,
    );
    return rows.map(toComment);
  }

  /**
   * Posts a comment: the hot path of a review session, so it is one query to check access and
   * the frame range, and one statement that stores the comment, its event and its notification.
   */
  async create(userId: string, versionId: string, body: CreateCommentBody): Promise<Comment> {
    const target = await this.commentTarget(userId, versionId);
    if (!can(target.role, 'comments.write'))
      throw notAllowed(
        isGuest(target.role)
          ? 'This review link does not allow commenting.'
          : 'Your role in this project does not allow commenting.',
      );
    if (body.internal && !can(target.role, 'comments.internal'))
      throw notAllowed('Only project members can post internal comments.');
    checkFrames(target.frameCount, body.frame, body.frameEnd);
    const thread = body.parentId
      ? await this.checkParent(this.dataSource.manager, versionId, body.parentId, target.role)
      : undefined;
    if (thread && body.internal && !thread.internal)
      throw threadVisibility(
        'A reply is as internal as its thread, and this thread is shared with guests. Make its first note internal, or start an internal note of your own.',
      );
    const mentions = body.body.includes('@')
      ? findMentions(body.body, await this.members(this.dataSource.manager, target.projectId))
      : [];
    const comment: Comment = {
      id: randomUUID(),
      versionId,
      assetId: target.assetId,
      parentId: body.parentId ?? null,
      author: { id: userId, displayName: target.displayName },
      body: body.body,
      frame: body.frame ?? null,
      frameEnd: body.frameEnd ?? null,
      // A reply is as internal as its thread, whatever the request says.
      internal: thread ? thread.internal : (body.internal ?? false),
      annotation: body.annotation ?? null,
      mentions,
      hashtags: findHashtags(body.body),
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
      reactions: [],
      createdAt: new Date().toISOString(),
      editedAt: null,
      clientId: body.clientId ?? null,
    };
    let stored: { seq: string }[];
    try {
      stored = await writing(() =>
        queryRows<{ seq: string }>(
          this.dataSource.manager,
          `WITH inserted AS (
           INSERT INTO comments (id, version_id, asset_id, parent_id, author_id, client_id, body, frame, frame_end,
                                 internal, annotation, mentions, hashtags, created_at)
           VALUES ($6, $7, $1, $8, $3, $9, $10, $11, $12, $13, $14, $15, $16, $5::timestamptz)
           ON CONFLICT (author_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
           RETURNING id),
         ${appendEventSql('SELECT 1 FROM inserted')}`,
          [
            target.assetId,
            'comment.created',
            userId,
            JSON.stringify({ comment } satisfies AssetEventPayload<'comment.created'>),
            comment.createdAt,
            comment.id,
            versionId,
            comment.parentId,
            comment.clientId,
            comment.body,
            comment.frame,
            comment.frameEnd,
            comment.internal,
            comment.annotation ? JSON.stringify(comment.annotation) : null,
            comment.mentions,
            comment.hashtags,
          ],
        ),
      );
    } catch (error) {
      const failed = error as { code?: string; constraint?: string };
      if (failed.constraint === THREAD_VISIBILITY) throw threadChanged();
      // The version or the comment answered was deleted a moment ago.
      if (failed.code === '23503') throw notFound();
      throw error;
    }
    if (stored.length > 0) return comment;
    // That clientId was stored before: a retried post returns the first one.
    const existing = await this.findByClientId(userId, comment.clientId as string);
    if (!existing) throw notFound();
    return existing;
  }

  /** Who may comment where, and how many frames there are, in one query. */
  private async commentTarget(userId: string, versionId: string) {
    const rows: {
      asset_id: string;
      project_id: string;
      role: ProjectRole | 'guest';
      permissions: LinkPermission[] | null;
      frame_count: number | null;
      display_name: string;
    }[] = await this.dataSource.query(
      `SELECT v.asset_id, g.project_id, g.role, g.permissions, (v.media->>'frameCount')::int AS frame_count,
              u.display_name
         FROM versions v
         CROSS JOIN LATERAL asset_grant($2, v.asset_id) g
         JOIN users u ON u.id = $2
         WHERE v.id = $1`,
      [versionId, userId],
    );
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    const row = rows[0];
    return {
      assetId: row.asset_id,
      projectId: row.project_id,
      role: toAccessRole(row),
      frameCount: row.frame_count,
      displayName: row.display_name,
    };
  }

  async update(userId: string, commentId: string, change: UpdateCommentBody): Promise<Comment> {
    return this.transaction(async (manager) => {
      // `internal` is a key of the thread's replies (they follow it by ON UPDATE CASCADE).
      const lock = change.internal === undefined ? 'FOR NO KEY UPDATE' : 'FOR UPDATE';
      const { row, access } = await this.lockComment(manager, userId, commentId, lock);
      if (!mayEdit({ userId, role: access.role }, row.author_id))
        throw notAllowed('Only its author can edit a comment.');
      if (change.internal !== undefined && !can(access.role, 'comments.internal'))
        throw notAllowed('Only project members can make a comment internal.');
      const moves = change.internal !== undefined && change.internal !== row.internal;
      if (moves && row.parent_id)
        throw threadVisibility(
          "A reply is as internal as its thread: make the thread's first note internal or shared instead.",
        );
      if (change.annotation && row.frame === null) {
        throw new ValidationException(
          [{ path: 'annotation', message: 'a drawing must be pinned to a frame' }],
          'body',
        );
      }
      const members = change.body === undefined ? [] : await this.members(manager, access.projectId);
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
          change.body ?? null,
          change.body === undefined ? [] : findMentions(change.body, members),
          change.body === undefined ? [] : findHashtags(change.body),
          change.annotation !== undefined,
          change.annotation ? JSON.stringify(change.annotation) : null,
          change.internal ?? null,
        ],
      );
      const comment = await this.load(manager, commentId);
      await appendEvent(manager, {
        assetId: row.asset_id,
        type: 'comment.updated',
        actorId: userId,
        payload: { comment, wasInternal: row.internal },
      });
      // The database moved the replies with their thread: each is told as it now is.
      if (moves) {
        for (const reply of await this.replies(manager, commentId)) {
          await appendEvent(manager, {
            assetId: row.asset_id,
            type: 'comment.updated',
            actorId: userId,
            payload: { comment: reply, wasInternal: row.internal },
          });
        }
      }
      return comment;
    });
  }

  async delete(userId: string, commentId: string): Promise<void> {
    await this.transaction(async (manager) => {
      const { row, access } = await this.lockComment(manager, userId, commentId, 'FOR UPDATE');
      if (!mayDelete({ userId, role: access.role }, row.author_id)) {
        throw notAllowed('Only its author or a project owner can delete a comment.');
      }
      await manager.query(`DELETE FROM comments WHERE id = $1`, [commentId]);
      await appendEvent(manager, {
        assetId: row.asset_id,
        type: 'comment.deleted',
        actorId: userId,
        payload: { commentId, versionId: row.version_id, parentId: row.parent_id, internal: row.internal },
      });
    });
  }

  async setResolved(userId: string, commentId: string, resolved: boolean): Promise<Comment> {
    return this.transaction(async (manager) => {
      const { row, access } = await this.lockComment(manager, userId, commentId, 'FOR NO KEY UPDATE');
      if (row.parent_id)
        throw new ReviewException(ReviewErrorCode.ReplyToReply, 'Resolve the thread, not a reply.');
      if (!mayResolve({ userId, role: access.role }, row.author_id)) {
        throw notAllowed('Only its author, an editor or an owner can resolve or reopen a comment.');
      }
      const changed = resolved ? row.resolved_at === null : row.resolved_at !== null;
      if (!changed) return this.load(manager, commentId);
      await manager.query(
        `UPDATE comments SET resolved_at = CASE WHEN $2 THEN now() END, resolved_by = CASE WHEN $2 THEN $3::uuid END
         WHERE id = $1`,
        [commentId, resolved, userId],
      );
      const comment = await this.load(manager, commentId);
      await appendEvent(manager, {
        assetId: row.asset_id,
        type: resolved ? 'comment.resolved' : 'comment.reopened',
        actorId: userId,
        payload: { comment },
      });
      return comment;
    });
  }

  async react(userId: string, commentId: string, emoji: string, add: boolean): Promise<Comment> {
    return this.transaction(async (manager) => {
      const { row, access } = await this.lockComment(manager, userId, commentId, 'FOR NO KEY UPDATE');
      if (!can(access.role, 'comments.write')) throw notAllowed('Viewers cannot react to comments.');
      const result = add
        ? await manager.query(
            `INSERT INTO comment_reactions (comment_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING emoji`,
            [commentId, userId, emoji],
          )
        : await manager.query(
            `DELETE FROM comment_reactions WHERE comment_id = $1 AND user_id = $2 AND emoji = $3`,
            [commentId, userId, emoji],
          );
      const comment = await this.load(manager, commentId);
      const changed = add ? (result as unknown[]).length > 0 : (result as [unknown, number])[1] > 0;
      if (changed) {
        await appendEvent(manager, {
          assetId: row.asset_id,
          type: 'comment.reactions',
          actorId: userId,
          payload: {
            commentId,
            versionId: row.version_id,
            reactions: comment.reactions,
            internal: row.internal,
          },
        });
      }
      return comment;
    });
  }

  /** A comment write: run again if Postgres picked it as a deadlock's victim, a clean 409 if that persists. */
  private transaction<T>(run: (manager: EntityManager) => Promise<T>): Promise<T> {
    return writing(() => this.dataSource.transaction(run));
  }

  /**
   * Locks the comment for a change, after its asset's row: every comment write (and a reply's insert,
   * whose event bumps the asset before its thread is checked) takes the asset first, so none deadlock.
   */
  private async lockComment(
    manager: EntityManager,
    userId: string,
    commentId: string,
    lock: 'FOR UPDATE' | 'FOR NO KEY UPDATE',
  ): Promise<{ row: CommentRow; access: AssetAccess }> {
    // A comment never moves to another asset, so reading its asset unlocked is safe.
    const assets: unknown[] = await manager.query(
      `SELECT id FROM assets WHERE id = (SELECT asset_id FROM comments WHERE id = $1) FOR NO KEY UPDATE`,
      [commentId],
    );
    if (assets.length === 0) throw notFound();
    const rows: CommentRow[] = await manager.query(`SELECT * FROM comments WHERE id = $1 ${lock}`, [
      commentId,
    ]);
    if (rows.length === 0) throw notFound();
    let access: AssetAccess;
    try {
      access = await this.assets.requireAsset(userId, rows[0].asset_id, 'project.view', manager);
    } catch {
      throw notFound();
    }
    if (rows[0].internal && !can(access.role, 'comments.internal')) throw notFound();
    return { row: rows[0], access };
  }

  /** The thread being answered, if the answer may go there: whether it is internal. */
  private async checkParent(
    manager: EntityManager,
    versionId: string,
    parentId: string,
    role: AccessRole,
  ): Promise<{ internal: boolean }> {
    const [parent]: { version_id: string; parent_id: string | null; internal: boolean }[] =
      await manager.query(`SELECT version_id, parent_id, internal FROM comments WHERE id = $1`, [parentId]);
    const hidden = parent?.internal && !can(role, 'comments.internal');
    if (!parent || hidden || parent.version_id !== versionId) {
      throw new ReviewException(
        ReviewErrorCode.ParentElsewhere,
        'The comment being answered is not on this version.',
      );
    }
    if (parent.parent_id)
      throw new ReviewException(ReviewErrorCode.ReplyToReply, 'Reply to the thread, not to a reply.');
    return { internal: parent.internal };
  }

  private async members(manager: EntityManager, projectId: string): Promise<Mentionable[]> {
    return manager.query(
      `SELECT u.id, u.display_name AS "displayName", u.email FROM project_members m JOIN users u ON u.id = m.user_id
       WHERE m.project_id = $1`,
      [projectId],
    );
  }

  private async findByClientId(userId: string, clientId: string): Promise<Comment | undefined> {
    const rows: CommentRow[] = await this.dataSource.query(
      `${COMMENT_SELECT} WHERE c.author_id = $1 AND c.client_id = $2`,
      [userId, clientId],
    );
    return rows[0] ? toComment(rows[0]) : undefined;
  }

  private async replies(manager: EntityManager, parentId: string): Promise<Comment[]> {
    const rows: CommentRow[] = await manager.query(
      `${COMMENT_SELECT} WHERE c.parent_id = $1 ORDER BY c.created_at, c.id`,
      [parentId],
    );
    return rows.map(toComment);
  }

  private async load(manager: EntityManager, commentId: string): Promise<Comment> {
    const rows: CommentRow[] = await manager.query(`${COMMENT_SELECT} WHERE c.id = $1`, [commentId]);
    if (rows.length === 0) throw notFound();
    return toComment(rows[0]);
  }
}

function checkFrames(frameCount: number | null, frame?: number, frameEnd?: number): void {
  if (frame === undefined) return;
  if (frameCount === null) {
    throw new ReviewException(
      ReviewErrorCode.FramesUnknown,
      'This version has no frames to pin a note to yet (still processing, or sound only). Leave a general note.',
    );
  }
  const last = frameCount - 1;
  for (const [path, value] of [
    ['frame', frame],
    ['frameEnd', frameEnd],
  ] as const) {
    if (value !== undefined && value > last) {
      throw new ValidationException(
        [{ path, message: `must be at most ${last}, the version's last frame` }],
        'body',
      );
    }
  }
}

/** Runs a comment write again after a deadlock; if it keeps losing, the client is told to retry (409). */
async function writing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await retryOnConflict(run);
  } catch (error) {
    if (!isRetryableConflict(error)) throw error;
    throw new ReviewException(
      ReviewErrorCode.WriteConflict,
      'Others changed this comment at the same moment: try again.',
    );
  }
}

function notFound(): ReviewException {
  return new ReviewException(ReviewErrorCode.CommentNotFound, 'No such comment, or you cannot see it.');
}

/** The database's guard that a reply has its thread's `internal` (migration ThreadVisibility). */
const THREAD_VISIBILITY = 'comments_thread_visibility_fkey';

function threadVisibility(message: string): ReviewException {
  return new ReviewException(ReviewErrorCode.ThreadVisibility, message);
}

function threadChanged(): ReviewException {
  return new ReviewException(
    ReviewErrorCode.ThreadChanged,
    'The thread changed while you replied: look at it again before replying.',
  );
}

function notAllowed(message: string): ReviewException {
  return new ReviewException(ReviewErrorCode.NotAllowed, message);
}

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    versionId: row.version_id,
    assetId: row.asset_id,
    parentId: row.parent_id,
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    body: row.body,
    frame: row.frame,
    frameEnd: row.frame_end,
    internal: row.internal,
    annotation: row.annotation,
    mentions: row.mentions,
    hashtags: row.hashtags,
    resolved: row.resolved_at !== null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    reactions: row.reactions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    clientId: row.client_id,
  };
}
