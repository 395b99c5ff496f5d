import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AssetMoved, AssetMove } from '../assets/asset-move.js';

/**
 * A cut moved to another project leaves its old project's review links: a link that named it stops
 * naming it (its clients must not follow it into a project they were never shown), and whole-project
 * links of the new project show it like any of its cuts (asset_grants matches links by project).
 */
@Injectable()
export class MovedCutLinks implements OnModuleInit {
  constructor(private readonly moves: AssetMove) {}

  onModuleInit(): void {
    this.moves.onMove((manager, moved) => this.forget(manager, moved));
  }

  private async forget(manager: EntityManager, moved: AssetMoved): Promise<void> {
    await manager.query(
      `DELETE FROM review_link_assets la USING review_links l
        WHERE la.link_id = l.id AND la.asset_id = $1 AND l.project_id = $2`,
      [moved.assetId, moved.fromProjectId],
    );
  }
}
