import { Injectable } from '@nestjs/common';
import type {
  ApprovalState,
  Decision,
  ProjectApprovalList,
  RecordDecisionBody,
  RecordedDecision,
  VersionApproval,
} from '@cutroom/contracts';
import { type Reader, approvalForReader, can, decisionForReader, isGuest, mayDecide } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { AssetsErrorCode, AssetsException } from '../assets/assets.exception.js';
import { AssetsService } from '../assets/assets.service.js';
import {
  lockVersionStack,
  type VersionStanding,
  versionStanding,
} from '../assets/version-stack.repository.js';
import { ProjectsService } from '../projects/projects.service.js';
import { appendEvent } from '../events/event-log.js';
import {
  DECISION_ORDER,
  DECISION_SELECT,
  type DecisionRow,
  approvalsOf,
  newestRound,
  newestRounds,
  toDecision,
} from './approval-view.js';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception.js';

/** Decisions on versions (an append-only history) and the approval state derived from them. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
  ) {}

  /**
   * Appends the caller's decision on the asset's newest version and tells the room, with the
   * round's new state, in the same transaction. Older versions' rounds are closed. The event
   * carries the team's view; each guest is sent theirs (see `decisionForReader`).
   */
  async record(
    userId: string,
    versionId: string,
    body: RecordDecisionBody,
    reader: Reader,
  ): Promise<RecordedDecision> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    if (!mayDecide(access.role)) {
      throw new ApprovalsException(
        ApprovalsErrorCode.NotAllowed,
        isGuest(access.role)
          ? 'This review link does not allow approving or requesting changes.'
          : 'Viewers cannot approve or request changes. Ask a project owner for the reviewer role.',
      );
    }
    const internalNote = body.internalNote?.trim() ? body.internalNote.trim() : null;
    if (internalNote !== null && !can(access.role, 'comments.internal')) {
      throw new ApprovalsException(
        ApprovalsErrorCode.NotAllowed,
        "Internal notes are the team's own: a review-link guest cannot add one.",
      );
    }
    const recorded = await this.dataSource.transaction(async (manager) => {
      // Decisions on one asset queue here, so "newest" and each event's state follow commit order.
      await lockVersionStack(manager, access.assetId);
      const version = await this.versionFacts(manager, versionId);
      if (version.number !== version.newest) {
        throw new ApprovalsException(
          ApprovalsErrorCode.VersionSuperseded,
          `v${version.number} has been replaced by v${version.newest}: decide on the newest version.`,
        );
      }
      if (!version.watchable) {
        throw new ApprovalsException(
          ApprovalsErrorCode.VersionNotWatchable,
          'This version cannot be watched yet: decide once it has been processed.',
        );
      }
      const note = body.note?.trim() ? body.note.trim() : null;
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO decisions (version_id, asset_id, user_id, decision, note, internal_note)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [versionId, access.assetId, userId, body.decision, note, internalNote],
      );
      const [row]: DecisionRow[] = await manager.query(`${DECISION_SELECT} WHERE d.id = $1`, [id]);
      const decision = toDecision(row);
      const [approval] = await approvalsOf(manager, access.projectId, [
        { assetId: access.assetId, versionId, versionNumber: version.number, current: true },
      ]);
      await appendEvent(manager, {
        assetId: access.assetId,
        type: 'decision.recorded',
        actorId: userId,
        payload: { decision, approval } satisfies RecordedDecision,
      });
      return { decision, approval };
    });
    return {
      decision: decisionForReader(recorded.decision, reader),
      approval: approvalForReader(recorded.approval, reader),
    };
  }

  /** Every decision ever made on the version, newest first, as the reader may see each. */
  async history(userId: string, versionId: string, reader: Reader): Promise<Decision[]> {
    await this.assets.requireVersion(userId, versionId, 'project.view');
    const rows: DecisionRow[] = await this.dataSource.query(
      `${DECISION_SELECT} WHERE d.version_id = $1 ${DECISION_ORDER}`,
      [versionId],
    );
    return rows.map((row) => decisionForReader(toDecision(row), reader));
  }

  async versionApproval(userId: string, versionId: string, reader: Reader): Promise<VersionApproval> {
    return approvalForReader(await this.teamVersionApproval(userId, versionId), reader);
  }

  /** Where the version stands, in one word: all an export says of its approval. */
  async versionState(userId: string, versionId: string): Promise<ApprovalState> {
    return (await this.teamVersionApproval(userId, versionId)).state;
  }

  private async teamVersionApproval(userId: string, versionId: string): Promise<VersionApproval> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    const version = await this.versionFacts(this.dataSource.manager, versionId);
    const [approval] = await approvalsOf(this.dataSource.manager, access.projectId, [
      {
        assetId: access.assetId,
        versionId,
        versionNumber: version.number,
        current: version.number === version.newest,
      },
    ]);
    return approval;
  }

  /** The asset's state: the approval of its newest version. */
  async assetApproval(userId: string, assetId: string, reader: Reader): Promise<VersionApproval> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    return approvalForReader(
      await this.currentApproval(this.dataSource.manager, access.projectId, assetId),
      reader,
    );
  }

  async currentApproval(
    manager: EntityManager,
    projectId: string,
    assetId: string,
  ): Promise<VersionApproval> {
    const [approval] = await approvalsOf(manager, projectId, [await newestRound(manager, assetId)]);
    return approval;
  }

  /** Every asset's state in a project, for the asset grid's badges. */
  async projectApprovals(userId: string, projectId: string): Promise<ProjectApprovalList> {
    await this.projects.requireRole(userId, projectId, 'project.view');
    const targets = await newestRounds(this.dataSource.manager, projectId);
    return { approvals: await approvalsOf(this.dataSource.manager, projectId, targets) };
  }

  private async versionFacts(manager: EntityManager, versionId: string): Promise<VersionStanding> {
    const row = await versionStanding(manager, versionId);
    if (!row) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    return row;
  }
}
