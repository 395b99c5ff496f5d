import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AssetMoved, AssetMove } from '../assets/asset-move.js';

/**
 * A moved cut's notifications follow it: they name its new project, and are seen only by members
 * of it (a member of the old project alone no longer reads about a cut they cannot open).
 */
@Injectable()
export class MovedCutNotifications implements OnModuleInit {
  constructor(private readonly moves: AssetMove) {}

  onModuleInit(): void {
    this.moves.onMove((manager, moved) => this.follow(manager, moved));
  }

  private async follow(manager: EntityManager, moved: AssetMoved): Promise<void> {
    await manager.query(`UPDATE notifications SET project_id = $2 WHERE asset_id = $1`, [
      moved.assetId,
      moved.toProjectId,
    ]);
  }
}
