import { Injectable } from '@nestjs/common';
import type { CarriedOverComment, CarriedOverList, FrameMap, NotePlacement, Round } from '@cutroom/contracts';
import { mapFrame } from '@cutroom/media';
import {
  type AccessRole,
  type Reader,
  approvalForReader,
  can,
  guestMaySeeVersion,
  isGuest,
  mayMarkAddressed,
  seesTeamActivity,
} from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { VersionsRepository } from '../assets/versions.repository.js';
import { queryRows } from '../database/query-rows.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { appendEvent } from '../events/event-log.js';
import { FrameMapService } from '../media/frame-map.service.js';
import { CommentsRepository, type ThreadSummary } from '../review/comments.repository.js';
import { approvalsOf } from './approval-view.js';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception.js';

interface AddressedRow {
  comment_id: string;
  version_id: string;
  addressed_by: string | null;
  addressed_by_name: string | null;
  addressed_at: Date;
}

/**
 * Revision rounds: each version is a round. A round inherits the notes its predecessor left
 * open ("open from vN"); each is marked "addressed in vN+1" by a link, never copied. The links
 * (`addressed_comments`) are this context's; the notes are read through the comments' repository.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly versions: VersionsRepository,
    private readonly comments: CommentsRepository,
    private readonly frameMaps: FrameMapService,
  ) {}

  /** The unresolved threads of the previous version, each with whether this version addressed it. */
  async carriedOver(userId: string, versionId: string): Promise<CarriedOverList> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    const previous = await this.versions.previous(versionId);
    if (!previous) return { versionId, fromVersion: null, comments: [] };
    const manager = this.dataSource.manager;
    const threads = await this.comments.threads(manager, previous.id, access.role, { open: true });
    const map = await this.frameMaps.known(previous.id, versionId);
    return {
      versionId,
      fromVersion: previous,
      comments: await this.carried(manager, versionId, threads, map),
    };
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
        const comment = await this.comments.lock(manager, commentId, 'FOR SHARE');
        const hidden = comment?.internal && !can(access.role, 'comments.internal');
        if (!comment || hidden || comment.assetId !== access.assetId) {
          throw new ApprovalsException(
            ApprovalsErrorCode.CommentNotFound,
            'No such comment on this asset, or you cannot see it.',
          );
        }
        if (!mayMarkAddressed({ userId, role: access.role }, comment.authorId)) {
          throw new ApprovalsException(
            ApprovalsErrorCode.NotAllowed,
            'Only its author, an editor or an owner can mark a note addressed.',
          );
        }
        const previous = await this.versions.previous(versionId, manager);
        const carried = previous?.id === comment.versionId && comment.parentId === null;
        if (!carried || (addressed && comment.resolved)) {
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
          comment.versionId,
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

  /**
   * Every version of the asset, newest first: its notes and the approval of its round. Rounds are
   * the team's workflow: a guest sees them only through a link that shows the team's activity, and
   * then only the versions sent to them (ready ones). `withInternal: false` counts no internal note.
   */
  async rounds(userId: string, assetId: string, reader: Reader, withInternal = true): Promise<Round[]> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    if (!seesTeamActivity(reader)) {
      throw new ApprovalsException(
        ApprovalsErrorCode.NotAllowed,
        "This review link does not show the team's revision rounds.",
      );
    }
    const all = await this.versions.numbered(assetId);
    const versions = isGuest(access.role) ? all.filter((v) => guestMaySeeVersion(v.status)) : all;
    const tally = await this.comments.threadTally(
      versions.map((version) => version.id),
      access.role,
      withInternal,
    );
    const openIds = [...tally.values()].flatMap((notes) => notes.openIds);
    const links: { comment_id: string; version_id: string }[] =
      openIds.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT comment_id::text, version_id::text FROM addressed_comments WHERE comment_id = ANY ($1::uuid[])`,
            [openIds],
          );
    const addressedIn = new Set(links.map((link) => `${link.comment_id}:${link.version_id}`));
    const rounds = versions.map((version, index) => {
      const notes = tally.get(version.id) ?? { total: 0, openIds: [] };
      const next = versions[index + 1];
      const addressed = next ? notes.openIds.filter((id) => addressedIn.has(`${id}:${next.id}`)).length : 0;
      return { version, current: next === undefined, notes, addressed };
    });
    rounds.reverse();
    const approvals = await approvalsOf(
      this.dataSource.manager,
      access.projectId,
      rounds.map(({ version, current }) => ({
        assetId,
        versionId: version.id,
        versionNumber: version.number,
        current,
      })),
    );
    return rounds.map(({ version, notes, addressed }, index) => ({
      versionId: version.id,
      versionNumber: version.number,
      createdAt: version.createdAt.toISOString(),
      notes: {
        total: notes.total,
        open: notes.openIds.length,
        addressed,
        stillOpen: notes.openIds.length - addressed,
      },
      approval: approvalForReader(approvals[index], reader),
    }));
  }

  private async loadCarriedOver(
    manager: EntityManager,
    role: AccessRole,
    fromVersionId: string,
    versionId: string,
    commentId: string,
  ): Promise<CarriedOverComment> {
    // Resolved or not: unmarking a note resolved meanwhile still answers with it.
    const threads = await this.comments.threads(manager, fromVersionId, role, { id: commentId });
    const map = await this.frameMaps.known(fromVersionId, versionId);
    const [item] = await this.carried(manager, versionId, threads, map);
    return item;
  }

  /** The threads as `versionId` carries them: each with whether (by whom, when) it was addressed there. */
  private async carried(
    manager: EntityManager,
    versionId: string,
    threads: ThreadSummary[],
    map: FrameMap | null,
  ): Promise<CarriedOverComment[]> {
    const rows: AddressedRow[] =
      threads.length === 0
        ? []
        : await manager.query(
            `SELECT ac.comment_id::text, ac.version_id::text, ac.addressed_by, ab.display_name AS addressed_by_name,
                    ac.addressed_at
             FROM addressed_comments ac LEFT JOIN users ab ON ab.id = ac.addressed_by
             WHERE ac.version_id = $1 AND ac.comment_id = ANY ($2::uuid[])`,
            [versionId, threads.map((thread) => thread.id)],
          );
    const byComment = new Map(rows.map((row) => [row.comment_id, row]));
    return threads.map(({ replyCount, resolved: _resolved, ...comment }) => {
      const link = byComment.get(comment.id);
      return {
        comment,
        replyCount,
        addressed: link
          ? {
              versionId: link.version_id,
              by: link.addressed_by
                ? { id: link.addressed_by, displayName: link.addressed_by_name ?? '' }
                : null,
              at: link.addressed_at.toISOString(),
            }
          : null,
        placement: map ? placementOf(map, comment.frame, comment.frameEnd) : null,
      };
    });
  }
}

/** Where a note at `frame` (to `frameEnd`) of version a is in version b, by the frame map. */
function placementOf(map: FrameMap, frame: number | null, frameEnd: number | null): NotePlacement | null {
  if (frame === null) return null;
  const moved = mapFrame(map.runs, frame);
  if (moved === null) return { status: 'removed' };
  const movedEnd = frameEnd === null ? null : (mapFrame(map.runs, frameEnd) ?? moved + (frameEnd - frame));
  return { status: 'moved', frame: moved, frameEnd: movedEnd };
}
