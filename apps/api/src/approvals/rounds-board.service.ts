import { Injectable } from '@nestjs/common';
import type { RoundsBoard, RoundsBoardRow, VersionApproval } from '@cutroom/contracts';
import { type AccessRole, approvedAt, boardHeader, can, isOverdue } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { type CutRound, cutRoundsOfProjects } from '../assets/round-versions.repository.js';
import { ProjectsService } from '../projects/projects.service.js';
import { CommentsRepository } from '../review/comments.repository.js';
import { ProjectApprovals, approvalsAcross } from './approval-view.js';
import { dueDatesOf } from './due-dates.repository.js';

interface BoardProject {
  id: string;
  name: string;
  role: AccessRole;
}

/**
 * The rounds board: every cut of a project (or of all the caller's projects) in the round it is
 * in, read in a fixed number of statements whatever the number of cuts: the cuts and their
 * versions, each project's approval facts and decisions, the open notes, the addressed links, the
 * due dates and the cuts' newest events. Members only: a review-link guest gets no board.
 */
@Injectable()
export class RoundsBoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly comments: CommentsRepository,
  ) {}

  async projectBoard(userId: string, projectId: string): Promise<RoundsBoard> {
    const role = await this.projects.requireRole(userId, projectId, 'project.view');
    const name = await this.projects.name(projectId);
    return this.board(userId, [{ id: projectId, name, role }], false);
  }

  /**
   * Across every project the caller is a member of; `mine`: only the cuts that are theirs;
   * `assetIds`: only these cuts (a live change's rows), the header counting only them.
   */
  async myBoard(userId: string, mine: boolean, assetIds?: readonly string[]): Promise<RoundsBoard> {
    const projects = await this.projects.list(userId);
    return this.board(
      userId,
      projects.map((project) => ({ id: project.id, name: project.name, role: project.role })),
      mine,
      assetIds,
    );
  }

  private async board(
    userId: string,
    projects: BoardProject[],
    mine: boolean,
    assetIds?: readonly string[],
  ): Promise<RoundsBoard> {
    const manager = this.dataSource.manager;
    const now = new Date();
    const { cuts, notReady } = await cutRoundsOfProjects(
      manager,
      projects.map((project) => project.id),
      assetIds,
    );
    // Independent reads, each on its own pooled connection: the board waits for the slowest only.
    const [approvals, openNotes, addressed, dueDates, noteAt, decisionAt] = await Promise.all([
      this.approvals(manager, cuts),
      this.openNotes(projects, cuts),
      this.addressedLinks(manager, cuts),
      dueDatesOf(
        manager,
        cuts.map((cut) => cut.versionId),
      ),
      this.comments.lastNoteAt(cuts.map((cut) => cut.assetId)),
      lastDecisionAt(
        manager,
        cuts.map((cut) => cut.assetId),
      ),
    ]);
    const names = new Map(projects.map((project) => [project.id, project.name]));
    const rows = cuts.map((cut): RoundsBoardRow => {
      const approval = approvals.get(cut.versionId)!;
      const pendingIds = new Set(approval.pendingIds);
      const carried = cut.previousVersionId ? (openNotes.get(cut.previousVersionId) ?? []) : [];
      const dueAt = dueDates.get(cut.versionId)?.toISOString() ?? null;
      return {
        projectId: cut.projectId,
        projectName: names.get(cut.projectId) ?? '',
        assetId: cut.assetId,
        assetName: cut.assetName,
        version: {
          id: cut.versionId,
          number: cut.versionNumber,
          round: cut.round,
          readyAt: cut.readyAt.toISOString(),
        },
        newerVersion: cut.newer,
        state: approval.state,
        rule: approval.rule,
        approvedCount: approval.approvedCount,
        requiredCount: approval.requiredCount,
        pending: approval.requiredApprovers.filter((person) => pendingIds.has(person.id)),
        notes: {
          carriedOver: carried.filter((id) => !addressed.has(`${id}:${cut.versionId}`)).length,
          new: (openNotes.get(cut.versionId) ?? []).length,
        },
        dueAt,
        overdue: isOverdue(dueAt, approval.state, now),
        approvedAt: approvedAt(approval),
        // What the cut's people did: notes, decisions, versions (never due dates, reminders or roles).
        lastActivityAt: latest(
          cut.versionAt,
          noteAt.get(cut.assetId),
          decisionAt.get(cut.assetId),
        ).toISOString(),
        mine:
          cut.createdBy === userId ||
          cut.uploadedBy === userId ||
          approval.requiredApprovers.some((person) => person.id === userId),
        waitingOnMe: pendingIds.has(userId),
      };
    });
    const shown = mine ? rows.filter((row) => row.mine) : rows;
    shown.sort(
      (a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || a.assetId.localeCompare(b.assetId),
    );
    const header = boardHeader(
      shown.map((row) => ({
        state: row.state,
        overdue: row.overdue,
        readyAt: row.version.readyAt,
        approvedAt: row.approvedAt,
      })),
      mine || assetIds ? 0 : [...notReady.values()].reduce((sum, count) => sum + count, 0),
    );
    return { header, rows: shown, asOf: now.toISOString() };
  }

  /** Each round's approval, by version id: every project's facts and every round's decisions in a few reads. */
  private async approvals(manager: EntityManager, cuts: CutRound[]): Promise<Map<string, VersionApproval>> {
    // By the project ids the cuts' query returned, never by how a caller spelled one.
    const facts = await ProjectApprovals.loadMany(manager, [...new Set(cuts.map((cut) => cut.projectId))]);
    const approvals = await approvalsAcross(
      manager,
      cuts.map((cut) => ({
        assetId: cut.assetId,
        versionId: cut.versionId,
        versionNumber: cut.versionNumber,
        current: cut.newer === null,
        project: facts.get(cut.projectId)!,
      })),
    );
    return new Map(approvals.map((approval) => [approval.versionId!, approval]));
  }

  /**
   * The open root notes of each round and of the round before it, as the caller may read them:
   * internal notes count for members (any role), never otherwise.
   */
  private async openNotes(projects: BoardProject[], cuts: CutRound[]): Promise<Map<string, string[]>> {
    // One read per kind of reader: every member role sees internal notes, so usually one.
    const readers = new Map<boolean, { role: AccessRole; projectIds: Set<string> }>();
    for (const project of projects) {
      const internal = can(project.role, 'comments.internal');
      const reader = readers.get(internal) ?? { role: project.role, projectIds: new Set<string>() };
      reader.projectIds.add(project.id);
      readers.set(internal, reader);
    }
    const open = new Map<string, string[]>();
    for (const { role, projectIds } of readers.values()) {
      const versionIds = cuts
        .filter((cut) => projectIds.has(cut.projectId))
        .flatMap((cut) => (cut.previousVersionId ? [cut.versionId, cut.previousVersionId] : [cut.versionId]));
      if (versionIds.length === 0) continue;
      for (const [versionId, tally] of await this.comments.threadTally(versionIds, role)) {
        open.set(versionId, tally.openIds);
      }
    }
    return open;
  }

  /** Which notes each round marked addressed, as `commentId:versionId`. */
  private async addressedLinks(manager: EntityManager, cuts: CutRound[]): Promise<Set<string>> {
    const versionIds = cuts.filter((cut) => cut.previousVersionId).map((cut) => cut.versionId);
    if (versionIds.length === 0) return new Set();
    const rows: { comment_id: string; version_id: string }[] = await manager.query(
      `SELECT comment_id::text, version_id::text FROM addressed_comments WHERE version_id = ANY ($1::uuid[])`,
      [versionIds],
    );
    return new Set(rows.map((row) => `${row.comment_id}:${row.version_id}`));
  }
}

/** When each cut was last decided on, by asset id; cuts without decisions are absent. */
async function lastDecisionAt(
  manager: EntityManager,
  assetIds: readonly string[],
): Promise<Map<string, Date>> {
  if (assetIds.length === 0) return new Map();
  const rows: { asset_id: string; at: Date }[] = await manager.query(
    `SELECT asset_id::text, max(created_at) AS at FROM decisions WHERE asset_id = ANY ($1::uuid[]) GROUP BY asset_id`,
    [assetIds],
  );
  return new Map(rows.map((row) => [row.asset_id, row.at]));
}

function latest(first: Date, ...others: (Date | undefined)[]): Date {
  return others.reduce<Date>((newest, at) => (at && at > newest ? at : newest), first);
}
