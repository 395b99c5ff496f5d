import type { ApproverList, Decision, DecisionKind, VersionApproval } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { aggregateApproval, currentDecisions, decisionCounts, effectiveApprovers } from '@cutroom/policy';
import {
  type NewestVersion,
  newestVersion,
  newestVersionsOfProject,
} from '../assets/version-stack.repository.js';
import { type MemberRow, membersOfProjects, projectMembers } from '../projects/members.repository.js';
import { guestIdsOfProjects, projectGuestIds } from '../sharing/link-guests.repository.js';

/** A round to report on: a version of an asset (or an asset with no version yet). */
export interface RoundTarget {
  assetId: string;
  versionId: string | null;
  versionNumber: number | null;
  /** The asset's newest version, whose round is open. */
  current: boolean;
}

interface ApproverListRow {
  asset_id: string | null;
  user_ids: string[];
}

const APPROVER_LISTS_SELECT = `
  SELECT l.project_id::text, l.asset_id,
         coalesce(array_agg(lm.user_id) FILTER (WHERE lm.user_id IS NOT NULL), '{}') AS user_ids
  FROM approver_lists l LEFT JOIN approver_list_members lm ON lm.list_id = l.id`;

export interface DecisionRow {
  id: string;
  version_id: string;
  asset_id: string;
  user_id: string | null;
  display_name: string | null;
  decision: DecisionKind;
  note: string | null;
  internal_note: string | null;
  by_guest: boolean;
  via_link_id: string | null;
  created_at: Date;
}

/**
 * Decisions with their author's name, as the team reads them (both notes): a guest reads them through
 * `decisionForReader`. Add a WHERE and {@link DECISION_ORDER}. */
export const DECISION_SELECT = `
  SELECT d.id, d.version_id, d.asset_id, d.user_id, u.display_name, d.decision, d.note, d.internal_note,
         coalesce(u.guest_link_id IS NOT NULL, false) AS by_guest, u.guest_link_id AS via_link_id, d.created_at
  FROM decisions d LEFT JOIN users u ON u.id = d.user_id`;
/** Newest first: the first row of a person is their current decision. */
export const DECISION_ORDER = `ORDER BY d.created_at DESC, d.id DESC`;

export function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    versionId: row.version_id,
    assetId: row.asset_id,
    decision: row.decision,
    note: row.note,
    internalNote: row.internal_note,
    byGuest: row.by_guest,
    viaLinkId: row.via_link_id ?? null,
    decidedBy: row.user_id ? { id: row.user_id, displayName: row.display_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * What every approval in one project depends on: its members, its approver lists, and the
 * review-link guests who may decide on each asset.
 */
export class ProjectApprovals {
  // Read once per project, not once per round: a board asks for hundreds of rounds.
  private readonly memberRoles: { userId: string; role: MemberRow['role'] }[];
  private readonly roles: Map<string, MemberRow['role']>;
  private readonly names: Map<string, string>;
  private readonly required = new Map<string | null, string[]>();
  private readonly ownLists: Set<string>;

  private constructor(
    private readonly members: Pick<MemberRow, 'userId' | 'role' | 'displayName'>[],
    private readonly lists: ApproverListRow[],
    private readonly guests: Set<string>,
  ) {
    this.memberRoles = members.map((m) => ({ userId: m.userId, role: m.role }));
    this.roles = new Map(members.map((m) => [m.userId, m.role]));
    this.names = new Map(members.map((m) => [m.userId, m.displayName]));
    this.ownLists = new Set(lists.flatMap((l) => (l.asset_id === null ? [] : [l.asset_id])));
  }

  static async load(manager: EntityManager, projectId: string): Promise<ProjectApprovals> {
    const members = await projectMembers(manager, projectId);
    const lists: ApproverListRow[] = await manager.query(
      `${APPROVER_LISTS_SELECT} WHERE l.project_id = $1 GROUP BY l.id, l.asset_id`,
      [projectId],
    );
    // The project's review-link guests, whatever became of their links: see decisionCounts.
    const guests = await projectGuestIds(manager, projectId);
    return new ProjectApprovals(members, lists, new Set(guests));
  }

  /** {@link load} for several projects at once, in three reads whatever their number. */
  static async loadMany(
    manager: EntityManager,
    projectIds: readonly string[],
  ): Promise<Map<string, ProjectApprovals>> {
    if (projectIds.length === 0) return new Map();
    const [members, lists, guests] = await Promise.all([
      membersOfProjects(manager, projectIds),
      manager.query(
        `${APPROVER_LISTS_SELECT} WHERE l.project_id = ANY ($1::uuid[]) GROUP BY l.id, l.asset_id`,
        [projectIds],
      ) as Promise<(ApproverListRow & { project_id: string })[]>,
      guestIdsOfProjects(manager, projectIds),
    ]);
    return new Map(
      projectIds.map((projectId) => [
        projectId,
        new ProjectApprovals(
          members.get(projectId) ?? [],
          lists.filter((list) => list.project_id === projectId),
          new Set(guests.get(projectId) ?? []),
        ),
      ]),
    );
  }

  /** The asset's own list if it has one, else the project's default (which may be empty). */
  approverList(assetId: string | null): ApproverList {
    const own = assetId ? this.lists.find((l) => l.asset_id === assetId) : undefined;
    const listed = new Set((own ?? this.lists.find((l) => l.asset_id === null))?.user_ids ?? []);
    return {
      source: own ? 'asset' : 'project',
      // Members' order (role, then name), so lists read the same everywhere.
      approvers: this.members
        .filter((m) => listed.has(m.userId))
        .map((m) => ({ id: m.userId, displayName: m.displayName, role: m.role })),
    };
  }

  /** Whether the asset follows the project's default list. */
  followsProjectList(assetId: string): boolean {
    return !this.lists.some((l) => l.asset_id === assetId);
  }

  /** The round's approval from its decision history (newest first). */
  approval(target: RoundTarget, history: readonly DecisionRow[]): VersionApproval {
    const requiredIds = this.requiredIds(target.assetId);
    const counts = (userId: string) =>
      decisionCounts({ memberRole: this.roles.get(userId) ?? null, guest: this.guests.has(userId) });
    // The full history stays on record; the state reads the decisions that still count.
    const current = currentDecisions(
      history.flatMap((row) =>
        row.user_id && counts(row.user_id) ? [{ userId: row.user_id, decision: row.decision, row }] : [],
      ),
    );
    return {
      ...aggregateApproval({ requiredApproverIds: requiredIds, currentDecisions: current }),
      assetId: target.assetId,
      versionId: target.versionId,
      versionNumber: target.versionNumber,
      current: target.current,
      rule: requiredIds.length > 0 ? 'required' : 'anyone',
      requiredApprovers: requiredIds.map((id) => ({ id, displayName: this.names.get(id) ?? '' })),
      decisions: current.map((c) => toDecision(c.row)),
    };
  }

  /** Who must approve the asset's rounds: its list's members who may decide. */
  private requiredIds(assetId: string | null): string[] {
    const key = assetId !== null && this.ownLists.has(assetId) ? assetId : null;
    let ids = this.required.get(key);
    if (!ids) {
      ids = effectiveApprovers(
        this.approverList(assetId).approvers.map((a) => a.id),
        this.memberRoles,
      );
      this.required.set(key, ids);
    }
    return ids;
  }
}

/** The approvals of several rounds of one project, in the targets' order. */
export async function approvalsOf(
  manager: EntityManager,
  projectId: string,
  targets: readonly RoundTarget[],
): Promise<VersionApproval[]> {
  return approvalsWith(manager, await ProjectApprovals.load(manager, projectId), targets);
}

/** As {@link approvalsOf}, with the project's facts already loaded. */
export async function approvalsWith(
  manager: EntityManager,
  project: ProjectApprovals,
  targets: readonly RoundTarget[],
): Promise<VersionApproval[]> {
  return approvalsAcross(
    manager,
    targets.map((target) => ({ ...target, project })),
  );
}

/** The approvals of rounds of several projects, each with its project's facts: one read of their decisions. */
export async function approvalsAcross(
  manager: EntityManager,
  targets: readonly (RoundTarget & { project: ProjectApprovals })[],
): Promise<VersionApproval[]> {
  const versionIds = targets.flatMap((t) => (t.versionId ? [t.versionId] : []));
  const rows: DecisionRow[] =
    versionIds.length === 0
      ? []
      : await manager.query(`${DECISION_SELECT} WHERE d.version_id = ANY($1::uuid[]) ${DECISION_ORDER}`, [
          versionIds,
        ]);
  const byVersion = new Map<string, DecisionRow[]>();
  for (const row of rows) {
    const history = byVersion.get(row.version_id);
    if (history) history.push(row);
    else byVersion.set(row.version_id, [row]);
  }
  return targets.map(({ project, ...t }) =>
    project.approval(t, (t.versionId && byVersion.get(t.versionId)) || []),
  );
}

/** The asset's newest version as a round target: the round that gives the asset its state. */
export async function newestRound(manager: EntityManager, assetId: string): Promise<RoundTarget> {
  return toRound(await newestVersion(manager, assetId));
}

/** Every asset of a project with its newest version, most recently changed first. */
export async function newestRounds(manager: EntityManager, projectId: string): Promise<RoundTarget[]> {
  return (await newestVersionsOfProject(manager, projectId)).map(toRound);
}

function toRound(newest: NewestVersion): RoundTarget {
  return {
    assetId: newest.assetId,
    versionId: newest.versionId,
    versionNumber: newest.number,
    current: true,
  };
}
