import { Injectable } from '@nestjs/common';
import type { MovedAsset, ProjectRole } from '@cutroom/contracts';
import { type MoveRefusal, mayMoveAsset } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { appendEvent } from '../events/event-log.js';
import { ProjectsErrorCode, ProjectsException } from '../projects/projects.exception.js';
import { ProjectsService } from '../projects/projects.service.js';
import { AssetsErrorCode, AssetsException } from './assets.exception.js';
import { AssetsService } from './assets.service.js';

/** A cut changing project, as the contexts that keep something of it per project hear of it. */
export interface AssetMoved {
  assetId: string;
  fromProjectId: string;
  toProjectId: string;
  actorId: string;
}

/** What a context did to follow the move that the mover should be told. */
export interface MoveConsequences {
  approversRemoved?: MovedAsset['approversRemoved'];
}

/**
 * Runs inside the move's transaction, after the asset changed project and `asset.moved` was
 * logged: what it changes (and the events it logs) commit with the move, or not at all.
 */
export type AssetMoveListener = (
  manager: EntityManager,
  moved: AssetMoved,
) => Promise<MoveConsequences | void>;

const refusals: Record<Exclude<MoveRefusal, 'ok'>, AssetsErrorCode> = {
  not_allowed_here: AssetsErrorCode.NotAllowed,
  no_such_target: AssetsErrorCode.TargetNotFound,
  not_allowed_there: AssetsErrorCode.TargetNotAllowed,
  same_project: AssetsErrorCode.SameProject,
};

/**
 * Moves a cut to another project with everything of it (versions, notes, decisions, media, its
 * log). Its old project's review links stop reaching it, its own approvers list keeps only who may
 * approve in the new project, its notifications follow it; watchers of both grids hear `asset.moved`.
 */
@Injectable()
export class AssetMove {
  private readonly listeners: AssetMoveListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
  ) {}

  onMove(listener: AssetMoveListener): void {
    this.listeners.push(listener);
  }

  async move(
    userId: string,
    assetId: string,
    toProjectId: string,
    expectedFromProjectId?: string,
  ): Promise<MovedAsset> {
    const consequences = await this.dataSource.transaction(async (manager) => {
      // The row lock first, as every writer of the asset takes it: nothing of it changes meanwhile.
      await manager.query(`SELECT 1 FROM assets WHERE id = $1 FOR UPDATE`, [assetId]);
      const access = await this.assets.requireAsset(userId, assetId, 'project.view', manager);
      if (expectedFromProjectId !== undefined && access.projectId !== expectedFromProjectId) {
        throw new AssetsException(AssetsErrorCode.MovedMeanwhile);
      }
      const toRole = await this.roleIn(manager, userId, toProjectId);
      const verdict = mayMoveAsset({
        fromRole: access.role,
        toRole,
        fromProjectId: access.projectId,
        toProjectId,
      });
      if (verdict !== 'ok') throw new AssetsException(refusals[verdict]);
      await this.requireSettled(manager, assetId);
      await manager.query(`UPDATE assets SET project_id = $2 WHERE id = $1`, [assetId, toProjectId]);
      // Logged before anything the listeners log, so every node sends those to the new project's rooms.
      await appendEvent(manager, {
        assetId,
        type: 'asset.moved',
        actorId: userId,
        payload: { fromProjectId: access.projectId, toProjectId },
      });
      const moved: AssetMoved = { assetId, fromProjectId: access.projectId, toProjectId, actorId: userId };
      const told: MoveConsequences[] = [];
      for (const listener of this.listeners) told.push((await listener(manager, moved)) ?? {});
      return told;
    });
    return {
      asset: await this.assets.get(userId, assetId),
      approversRemoved: consequences.flatMap((told) => told.approversRemoved ?? []),
    };
  }

  /** The mover's role in the target project; null when they are not a member of it (or it does not exist). */
  private async roleIn(
    manager: EntityManager,
    userId: string,
    projectId: string,
  ): Promise<ProjectRole | null> {
    try {
      return await this.projects.requireRole(userId, projectId, 'project.view', manager);
    } catch (error) {
      if (error instanceof ProjectsException && error.code === ProjectsErrorCode.ProjectNotFound) return null;
      throw error;
    }
  }

  /** A version still uploading or processing would land its media and events half in each project. */
  private async requireSettled(manager: EntityManager, assetId: string): Promise<void> {
    const busy: unknown[] = await manager.query(
      `SELECT 1 FROM versions WHERE asset_id = $1 AND status IN ('uploading', 'queued', 'processing') LIMIT 1`,
      [assetId],
    );
    if (busy.length > 0) throw new AssetsException(AssetsErrorCode.StillProcessing);
  }
}
