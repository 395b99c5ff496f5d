import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ApproverList } from '@cutroom/contracts';
import { type AccessRole, ineligibleApprovers, mayChooseApprovers, mayDecide } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { type AssetMoved, AssetMove, type MoveConsequences } from '../assets/asset-move.js';
import { AssetsService } from '../assets/assets.service.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import { queryRows } from '../database/query-rows.js';
import { projectMembers } from '../projects/members.repository.js';
import { type MembershipChange, ProjectsService } from '../projects/projects.service.js';
import { appendEvent } from '../events/event-log.js';
import {
  ProjectApprovals,
  type RoundTarget,
  approvalsWith,
  newestRound,
  newestRounds,
} from './approval-view.js';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception.js';

/**
 * Who must approve: a project's default list, and an asset's own list where it has one. Every
 * change that moves an asset's approval is told to its room as `approvers.changed`.
 */
@Injectable()
export class ApproversService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
    private readonly moves: AssetMove,
  ) {}

  onModuleInit(): void {
    this.projects.onMembershipChange((manager, change) => this.afterMembershipChange(manager, change));
    this.moves.onMove((manager, moved) => this.afterMove(manager, moved));
  }

  /**
   * A cut moved to another project: its own approvers list keeps only who may approve there (and
   * gives way to that project's default list when nobody is left on it, rather than letting anyone
   * approve); its approval is told again under the new project's members and lists.
   */
  private async afterMove(manager: EntityManager, moved: AssetMoved): Promise<MoveConsequences> {
    const [own]: { id: string; user_ids: string[] }[] = await manager.query(
      `SELECT l.id, coalesce(array_agg(lm.user_id) FILTER (WHERE lm.user_id IS NOT NULL), '{}') AS user_ids
       FROM approver_lists l LEFT JOIN approver_list_members lm ON lm.list_id = l.id
       WHERE l.asset_id = $1 GROUP BY l.id`,
      [moved.assetId],
    );
    let removedIds: string[] = [];
    if (own) {
      const refused = new Set(
        ineligibleApprovers(own.user_ids, await projectMembers(manager, moved.toProjectId)),
      );
      removedIds = own.user_ids.filter((id) => refused.has(id));
      const kept = own.user_ids.filter((id) => !refused.has(id));
      await manager.query(`DELETE FROM approver_list_members WHERE list_id = $1`, [own.id]);
      if (own.user_ids.length > 0 && kept.length === 0) {
        await manager.query(`DELETE FROM approver_lists WHERE id = $1`, [own.id]);
      } else {
        await manager.query(
          `UPDATE approver_lists SET project_id = $2, updated_by = $3, updated_at = now() WHERE id = $1`,
          [own.id, moved.toProjectId, moved.actorId],
        );
        await manager.query(
          `INSERT INTO approver_list_members (list_id, project_id, user_id) SELECT $1, $2, unnest($3::uuid[])`,
          [own.id, moved.toProjectId, kept],
        );
      }
    }
    const project = await ProjectApprovals.load(manager, moved.toProjectId);
    await this.announce(manager, moved.actorId, project, [await newestRound(manager, moved.assetId)]);
    const removed: { id: string; display_name: string }[] = await manager.query(
      `SELECT id, display_name FROM users WHERE id = ANY ($1::uuid[]) ORDER BY display_name`,
      [removedIds],
    );
    return { approversRemoved: removed.map((row) => ({ id: row.id, displayName: row.display_name })) };
  }

  /**
   * Someone gained or lost the right to decide (promoted from viewer, demoted to it, or gone):
   * the rounds they could count in may now stand elsewhere, so every asset of the project hears
   * its approval again. Changes between roles that all decide move nothing and say nothing.
   */
  private async afterMembershipChange(manager: EntityManager, change: MembershipChange): Promise<void> {
    const decidedBefore = mayDecide(change.before);
    const decidesAfter = change.after !== null && mayDecide(change.after);
    if (decidedBefore === decidesAfter) return;
    const project = await ProjectApprovals.load(manager, change.projectId);
    const rounds = (await newestRounds(manager, change.projectId)).sort((a, b) =>
      a.assetId.localeCompare(b.assetId),
    ); // one lock order for every writer
    await this.announce(manager, change.actorId, project, rounds);
  }

  async projectList(userId: string, projectId: string): Promise<ApproverList> {
    await this.projects.requireRole(userId, projectId, 'project.view');
    return (await ProjectApprovals.load(this.dataSource.manager, projectId)).approverList(null);
  }

  async assetList(userId: string, assetId: string): Promise<ApproverList> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    return (await ProjectApprovals.load(this.dataSource.manager, access.projectId)).approverList(assetId);
  }

  /** Replaces the project's default list; every asset that follows it hears of the change. */
  async setProjectList(userId: string, projectId: string, userIds: string[]): Promise<ApproverList> {
    return this.dataSource.transaction(async (manager) => {
      const role = await this.projects.requireRole(userId, projectId, 'project.view', manager);
      await this.checkChange(manager, role, projectId, userIds);
      const before = await ProjectApprovals.load(manager, projectId);
      const changed = await this.replaceList(manager, projectId, null, userId, userIds);
      if (!changed) return before.approverList(null);
      const after = await ProjectApprovals.load(manager, projectId);
      const followers = (await newestRounds(manager, projectId))
        .filter((round) => after.followsProjectList(round.assetId))
        .sort((a, b) => a.assetId.localeCompare(b.assetId)); // one lock order for every writer
      await this.announce(manager, userId, after, followers);
      return after.approverList(null);
    });
  }

  /**
   * Gives the asset its own list (empty: anyone's approval will do), or with `null` returns it
   * to the project's default list.
   */
  async setAssetList(userId: string, assetId: string, userIds: string[] | null): Promise<ApproverList> {
    return this.dataSource.transaction(async (manager) => {
      const access = await this.assets.requireAsset(userId, assetId, 'project.view', manager);
      await this.checkChange(manager, access.role, access.projectId, userIds ?? []);
      const changed =
        userIds === null
          ? await this.dropAssetList(manager, assetId)
          : await this.replaceList(manager, access.projectId, assetId, userId, userIds);
      const after = await ProjectApprovals.load(manager, access.projectId);
      if (changed) await this.announce(manager, userId, after, [await newestRound(manager, assetId)]);
      return after.approverList(assetId);
    });
  }

  private async checkChange(
    manager: EntityManager,
    role: AccessRole,
    projectId: string,
    userIds: string[],
  ): Promise<void> {
    if (!mayChooseApprovers(role)) {
      throw new ApprovalsException(
        ApprovalsErrorCode.NotAllowed,
        'Only project owners and editors choose who must approve.',
      );
    }
    const members = await projectMembers(manager, projectId);
    const refused = new Set(ineligibleApprovers(userIds, members));
    if (refused.size > 0) {
      throw new ValidationException(
        userIds.flatMap((id, index) =>
          refused.has(id)
            ? [{ path: `userIds.${index}`, message: 'is not a project member who may approve' }]
            : [],
        ),
        'body',
      );
    }
  }

  /** Stores the list (creating it if needed); false when it already held exactly these people. */
  private async replaceList(
    manager: EntityManager,
    projectId: string,
    assetId: string | null,
    userId: string,
    userIds: string[],
  ): Promise<boolean> {
    // Locking the list row (or the asset's, first time round) queues concurrent edits of it.
    const existing: { id: string; user_ids: string[] }[] = await manager.query(
      `SELECT l.id, coalesce(array_agg(lm.user_id) FILTER (WHERE lm.user_id IS NOT NULL), '{}') AS user_ids
       FROM approver_lists l LEFT JOIN approver_list_members lm ON lm.list_id = l.id
       WHERE l.project_id = $1 AND l.asset_id IS NOT DISTINCT FROM $2 GROUP BY l.id`,
      [projectId, assetId],
    );
    if (existing[0] && sameMembers(existing[0].user_ids, userIds)) return false;
    const [{ id }]: { id: string }[] = await manager.query(
      assetId === null
        ? `INSERT INTO approver_lists (project_id, asset_id, updated_by) VALUES ($1, NULL, $2)
           ON CONFLICT (project_id) WHERE asset_id IS NULL DO UPDATE SET updated_by = $2, updated_at = now()
           RETURNING id`
        : `INSERT INTO approver_lists (project_id, asset_id, updated_by) VALUES ($1, $3, $2)
           ON CONFLICT (asset_id) DO UPDATE SET updated_by = $2, updated_at = now()
           RETURNING id`,
      assetId === null ? [projectId, userId] : [projectId, userId, assetId],
    );
    await manager.query(`DELETE FROM approver_list_members WHERE list_id = $1`, [id]);
    await manager.query(
      `INSERT INTO approver_list_members (list_id, project_id, user_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [id, projectId, userIds],
    );
    return true;
  }

  private async dropAssetList(manager: EntityManager, assetId: string): Promise<boolean> {
    const dropped = await queryRows(manager, `DELETE FROM approver_lists WHERE asset_id = $1 RETURNING id`, [
      assetId,
    ]);
    return dropped.length > 0;
  }

  /** One `approvers.changed` per asset whose list changed, with its approval under the new list. */
  private async announce(
    manager: EntityManager,
    userId: string,
    project: ProjectApprovals,
    rounds: RoundTarget[],
  ): Promise<void> {
    const approvals = await approvalsWith(manager, project, rounds);
    for (const approval of approvals) {
      await appendEvent(manager, {
        assetId: approval.assetId,
        type: 'approvers.changed',
        actorId: userId,
        payload: { approvers: project.approverList(approval.assetId), approval },
      });
    }
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
