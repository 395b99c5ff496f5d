import { Injectable } from '@nestjs/common';
import type {
  Decision,
  ProjectApprovalList,
  RecordDecisionBody,
  RecordedDecision,
  VersionApproval,
} from '@cutroom/contracts';
import { isGuest, mayDecide } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { AssetsErrorCode, AssetsException } from '../assets/assets.exception.js';
import { AssetsService } from '../assets/assets.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { appendEvent } from '../realtime/event-log.js';
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

interface VersionFacts {
  number: number;
  newest: number;
  watchable: boolean;
}

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
   * round's new state, in the same transaction. Older versions' rounds are closed.
   */
  async record(userId: string, versionId: string, body: RecordDecisionBody): Promise<RecordedDecision> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    if (!mayDecide(access.role)) {
      throw new ApprovalsException(
        ApprovalsErrorCode.NotAllowed,
        isGuest(access.role)
          ? 'This review link does not allow approving or requesting changes.'
          : 'Viewers cannot approve or request changes. Ask a project owner for the reviewer role.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // Decisions on one asset queue here, so "newest" and each event's state follow commit order.
      await manager.query(`SELECT 1 FROM assets WHERE id = $1 FOR UPDATE`, [access.assetId]);
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
        `INSERT INTO decisions (version_id, asset_id, user_id, decision, note) VALUES ($1, $2, $3, $4, $5)
         RETURNING id`,
        [versionId, access.assetId, userId, body.decision, note],
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
  }

  /** Every decision ever made on the version, newest first. */
  async history(userId: string, versionId: string): Promise<Decision[]> {
    await this.assets.requireVersion(userId, versionId, 'project.view');
    const rows: DecisionRow[] = await this.dataSource.query(
      `${DECISION_SELECT} WHERE d.version_id = $1 ${DECISION_ORDER}`,
      [versionId],
    );
    return rows.map(toDecision);
  }

  async versionApproval(userId: string, versionId: string): Promise<VersionApproval> {
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
  async assetApproval(userId: string, assetId: string): Promise<VersionApproval> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    return this.currentApproval(this.dataSource.manager, access.projectId, assetId);
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

  private async versionFacts(manager: EntityManager, versionId: string): Promise<VersionFacts> {
    const [row]: VersionFacts[] = await manager.query(
      `SELECT v.number, (SELECT max(number) FROM versions n WHERE n.asset_id = v.asset_id) AS newest,
              (v.status = 'ready' OR v.playable) AS watchable
       FROM versions v WHERE v.id = $1`,
      [versionId],
    );
    if (!row) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    return row;
  }
}
