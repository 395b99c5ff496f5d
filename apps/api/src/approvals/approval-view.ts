import type { ApproverList, Decision, DecisionKind, ProjectRole, VersionApproval } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { aggregateApproval, currentDecisions, effectiveApprovers, mayDecide } from '@cutroom/policy';

/** A round to report on: a version of an asset (or an asset with no version yet). */
export interface RoundTarget {
  assetId: string;
  versionId: string | null;
  versionNumber: number | null;
  /** The asset's newest version, whose round is open. */
  current: boolean;
}

interface MemberRow {
  user_id: string;
  role: ProjectRole;
  display_name: string;
}

interface ApproverListRow {
  asset_id: string | null;
  user_ids: string[];
}

export interface DecisionRow {
  id: string;
  version_id: string;
  asset_id: string;
  user_id: string | null;
  display_name: string | null;
  decision: DecisionKind;
  note: string | null;
  created_at: Date;
}

/** Decisions with their author's name; add a WHERE and {@link DECISION_ORDER}. */
export const DECISION_SELECT = `
  SELECT d.id, d.version_id, d.asset_id, d.user_id, u.display_name, d.decision, d.note, d.created_at
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
    decidedBy: row.user_id ? { id: row.user_id, displayName: row.display_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * What every approval in one project depends on: its members, its approver lists, and the
 * review-link guests who may decide on each asset.
 */
export class ProjectApprovals {
  private constructor(
    private readonly members: MemberRow[],
    private readonly lists: ApproverListRow[],
    private readonly guestDeciders: Map<string, Set<string>>,
  ) {}

  static async load(manager: EntityManager, projectId: string): Promise<ProjectApprovals> {
    const members: MemberRow[] = await manager.query(
      `SELECT m.user_id, m.role, u.display_name FROM project_members m JOIN users u ON u.id = m.user_id
       WHERE m.project_id = $1
       ORDER BY array_position(ARRAY['owner','editor','reviewer','viewer'], m.role), lower(u.display_name), u.id`,
      [projectId],
    );
    const lists: ApproverListRow[] = await manager.query(
      `SELECT l.asset_id, coalesce(array_agg(lm.user_id) FILTER (WHERE lm.user_id IS NOT NULL), '{}') AS user_ids
       FROM approver_lists l LEFT JOIN approver_list_members lm ON lm.list_id = l.id
       WHERE l.project_id = $1 GROUP BY l.id, l.asset_id`,
      [projectId],
    );
    // A guest's decision counts while their link is live and lets them approve that asset.
    const guests: { asset_id: string; user_id: string }[] = await manager.query(
      `SELECT asset_id, user_id FROM asset_grants
       WHERE project_id = $1 AND role = 'guest' AND 'approve' = ANY (permissions)`,
      [projectId],
    );
    const guestDeciders = new Map<string, Set<string>>();
    for (const { asset_id, user_id } of guests) {
      const set = guestDeciders.get(asset_id) ?? new Set<string>();
      set.add(user_id);
      guestDeciders.set(asset_id, set);
    }
    return new ProjectApprovals(members, lists, guestDeciders);
  }

  /** The asset's own list if it has one, else the project's default (which may be empty). */
  approverList(assetId: string | null): ApproverList {
    const own = assetId ? this.lists.find((l) => l.asset_id === assetId) : undefined;
    const listed = new Set((own ?? this.lists.find((l) => l.asset_id === null))?.user_ids ?? []);
    return {
      source: own ? 'asset' : 'project',
      // Members' order (role, then name), so lists read the same everywhere.
      approvers: this.members
        .filter((m) => listed.has(m.user_id))
        .map((m) => ({ id: m.user_id, displayName: m.display_name, role: m.role })),
    };
  }

  /** Whether the asset follows the project's default list. */
  followsProjectList(assetId: string): boolean {
    return !this.lists.some((l) => l.asset_id === assetId);
  }

  /** The round's approval from its decision history (newest first). */
  approval(target: RoundTarget, history: readonly DecisionRow[]): VersionApproval {
    const members = this.members.map((m) => ({ userId: m.user_id, role: m.role }));
    const requiredIds = effectiveApprovers(
      this.approverList(target.assetId).approvers.map((a) => a.id),
      members,
    );
    const deciders = new Set([
      ...members.filter((m) => mayDecide(m.role)).map((m) => m.userId),
      ...(this.guestDeciders.get(target.assetId) ?? []),
    ]);
    // Only people still allowed to decide count; the full history stays on record regardless.
    const current = currentDecisions(
      history.flatMap((row) =>
        row.user_id && deciders.has(row.user_id)
          ? [{ userId: row.user_id, decision: row.decision, row }]
          : [],
      ),
    );
    const names = new Map(this.members.map((m) => [m.user_id, m.display_name]));
    return {
      ...aggregateApproval({ requiredApproverIds: requiredIds, currentDecisions: current }),
      assetId: target.assetId,
      versionId: target.versionId,
      versionNumber: target.versionNumber,
      current: target.current,
      rule: requiredIds.length > 0 ? 'required' : 'anyone',
      requiredApprovers: requiredIds.map((id) => ({ id, displayName: names.get(id) ?? '' })),
      decisions: current.map((c) => toDecision(c.row)),
    };
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
  return targets.map((t) => project.approval(t, (t.versionId && byVersion.get(t.versionId)) || []));
}

/** The asset's newest version as a round target: the round that gives the asset its state. */
export async function newestRound(manager: EntityManager, assetId: string): Promise<RoundTarget> {
  const [newest]: { id: string; number: number }[] = await manager.query(
    `SELECT id, number FROM versions WHERE asset_id = $1 ORDER BY number DESC LIMIT 1`,
    [assetId],
  );
  return { assetId, versionId: newest?.id ?? null, versionNumber: newest?.number ?? null, current: true };
}

/** Every asset of a project with its newest version, most recently changed first. */
export async function newestRounds(manager: EntityManager, projectId: string): Promise<RoundTarget[]> {
  const rows: { asset_id: string; version_id: string | null; number: number | null }[] = await manager.query(
    `SELECT a.id AS asset_id, v.id AS version_id, v.number FROM assets a
     LEFT JOIN LATERAL (
       SELECT id, number FROM versions WHERE asset_id = a.id ORDER BY number DESC LIMIT 1) v ON true
     WHERE a.project_id = $1 ORDER BY a.updated_at DESC, a.id`,
    [projectId],
  );
  return rows.map((row) => ({
    assetId: row.asset_id,
    versionId: row.version_id,
    versionNumber: row.number,
    current: true,
  }));
}
