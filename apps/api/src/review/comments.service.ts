import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Comment,
  CommentFilters,
  CommentList,
  CreateCommentBody,
  UpdateCommentBody,
} from '@cutroom/contracts';
import { type AccessRole, can, isGuest, mayDelete, mayEdit, mayResolve } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { type AssetAccess, AssetsService } from '../assets/assets.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import { appendEvent } from '../events/event-log.js';
import type { CommentState } from './comment-rows.js';
import { decodeCommentCursor, encodeCommentCursor } from './comment-cursor.js';
import {
  badCursor,
  notAllowed,
  notFound,
  THREAD_VISIBILITY,
  threadChanged,
  threadVisibility,
  writing,
} from './comment-errors.js';
import { findHashtags, findMentions } from './comment-text.js';
import { CommentsRepository } from './comments.repository.js';
import { ReviewErrorCode, ReviewException } from './review.exception.js';

/**
 * Comments on a version: frame-pinned notes, drawings, threads, resolution and reactions. Decides
 * who may do what and tells the room; the rows are the repository's.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
    private readonly comments: CommentsRepository,
  ) {}

  /** The notes the filters choose: all of them, or given `limit` one page and where the next starts. */
  async list(userId: string, versionId: string, filters: CommentFilters): Promise<CommentList> {
    const after = filters.cursor === undefined ? null : decodeCommentCursor(filters.cursor);
    if (filters.cursor !== undefined && after === null) throw badCursor();
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    const page = filters.limit === undefined ? undefined : { limit: filters.limit, after };
    const { comments, next } = await this.comments.list(versionId, access.role, userId, filters, page);
    return { comments, nextCursor: next ? encodeCommentCursor(next) : null };
  }

  /**
   * Posts a comment: the hot path of a review session, so it is one query to check access and
   * the frame range (and, given `sessionId`, that the session is still live: a socket's post), and
   * one statement that stores the comment, its event and its notification.
   */
  async create(
    userId: string,
    versionId: string,
    body: CreateCommentBody,
    sessionId?: string,
  ): Promise<Comment> {
    const target = await this.assets.versionTarget(userId, versionId, sessionId);
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
      ? findMentions(body.body, await this.projects.memberUsers(target.projectId))
      : [];
    const comment: Comment = {
      id: randomUUID(),
      versionId,
      assetId: target.assetId,
      parentId: body.parentId ?? null,
      author: { id: userId, displayName: target.userName },
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
    let stored: boolean;
    try {
      stored = await writing(() => this.comments.insert(comment, userId));
    } catch (error) {
      const failed = error as { code?: string; constraint?: string };
      if (failed.constraint === THREAD_VISIBILITY) throw threadChanged();
      // The version or the comment answered was deleted a moment ago.
      if (failed.code === '23503') throw notFound();
      throw error;
    }
    if (stored) return comment;
    // That clientId was stored before: a retried post returns the first one.
    const existing = await this.comments.findByClientId(userId, comment.clientId as string);
    if (!existing) throw notFound();
    return existing;
  }

  async update(userId: string, commentId: string, change: UpdateCommentBody): Promise<Comment> {
    return this.transaction(async (manager) => {
      // `internal` is a key of the thread's replies (they follow it by ON UPDATE CASCADE).
      const lock = change.internal === undefined ? 'FOR NO KEY UPDATE' : 'FOR UPDATE';
      const { row, access } = await this.lockComment(manager, userId, commentId, lock);
      if (!mayEdit({ userId, role: access.role }, row.authorId))
        throw notAllowed('Only its author can edit a comment.');
      if (change.internal !== undefined && !can(access.role, 'comments.internal'))
        throw notAllowed('Only project members can make a comment internal.');
      const moves = change.internal !== undefined && change.internal !== row.internal;
      if (moves && row.parentId)
        throw threadVisibility(
          "A reply is as internal as its thread: make the thread's first note internal or shared instead.",
        );
      if (change.annotation && row.frame === null) {
        throw new ValidationException(
          [{ path: 'annotation', message: 'a drawing must be pinned to a frame' }],
          'body',
        );
      }
      const members =
        change.body === undefined ? [] : await this.projects.memberUsers(access.projectId, manager);
      await this.comments.edit(manager, commentId, {
        body: change.body ?? null,
        mentions: change.body === undefined ? [] : findMentions(change.body, members),
        hashtags: change.body === undefined ? [] : findHashtags(change.body),
        annotation: change.annotation,
        internal: change.internal ?? null,
      });
      const comment = await this.load(manager, commentId);
      await appendEvent(manager, {
        assetId: row.assetId,
        type: 'comment.updated',
        actorId: userId,
        payload: { comment, wasInternal: row.internal },
      });
      // The database moved the replies with their thread: each is told as it now is.
      if (moves) {
        for (const reply of await this.comments.replies(manager, commentId)) {
          await appendEvent(manager, {
            assetId: row.assetId,
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
      if (!mayDelete({ userId, role: access.role }, row.authorId)) {
        throw notAllowed('Only its author or a project owner can delete a comment.');
      }
      await this.comments.delete(manager, commentId);
      await appendEvent(manager, {
        assetId: row.assetId,
        type: 'comment.deleted',
        actorId: userId,
        payload: { commentId, versionId: row.versionId, parentId: row.parentId, internal: row.internal },
      });
    });
  }

  async setResolved(userId: string, commentId: string, resolved: boolean): Promise<Comment> {
    return this.transaction(async (manager) => {
      const { row, access } = await this.lockComment(manager, userId, commentId, 'FOR NO KEY UPDATE');
      if (row.parentId)
        throw new ReviewException(ReviewErrorCode.ReplyToReply, 'Resolve the thread, not a reply.');
      if (!mayResolve({ userId, role: access.role }, row.authorId)) {
        throw notAllowed('Only its author, an editor or an owner can resolve or reopen a comment.');
      }
      if (resolved === row.resolved) return this.load(manager, commentId);
      await this.comments.setResolved(manager, commentId, resolved, userId);
      const comment = await this.load(manager, commentId);
      await appendEvent(manager, {
        assetId: row.assetId,
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
      const changed = await this.comments.react(manager, commentId, userId, emoji, add);
      const comment = await this.load(manager, commentId);
      if (changed) {
        await appendEvent(manager, {
          assetId: row.assetId,
          type: 'comment.reactions',
          actorId: userId,
          payload: {
            commentId,
            versionId: row.versionId,
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

  /** Locks the comment for a change (after its asset: see the repository), if the caller may see it. */
  private async lockComment(
    manager: EntityManager,
    userId: string,
    commentId: string,
    lock: 'FOR UPDATE' | 'FOR NO KEY UPDATE',
  ): Promise<{ row: CommentState; access: AssetAccess }> {
    const row = await this.comments.lock(manager, commentId, lock);
    if (!row) throw notFound();
    let access: AssetAccess;
    try {
      access = await this.assets.requireAsset(userId, row.assetId, 'project.view', manager);
    } catch {
      throw notFound();
    }
    if (row.internal && !can(access.role, 'comments.internal')) throw notFound();
    return { row, access };
  }

  /** The thread being answered, if the answer may go there: whether it is internal. */
  private async checkParent(
    manager: EntityManager,
    versionId: string,
    parentId: string,
    role: AccessRole,
  ): Promise<{ internal: boolean }> {
    const parent = await this.comments.state(manager, parentId);
    const hidden = parent?.internal && !can(role, 'comments.internal');
    if (!parent || hidden || parent.versionId !== versionId) {
      throw new ReviewException(
        ReviewErrorCode.ParentElsewhere,
        'The comment being answered is not on this version.',
      );
    }
    if (parent.parentId)
      throw new ReviewException(ReviewErrorCode.ReplyToReply, 'Reply to the thread, not to a reply.');
    return { internal: parent.internal };
  }

  private async load(manager: EntityManager, commentId: string): Promise<Comment> {
    const comment = await this.comments.load(manager, commentId);
    if (!comment) throw notFound();
    return comment;
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
