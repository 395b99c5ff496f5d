import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A cut, or one version of it, about to go (the cut to "Recently deleted", the version for good). */
export interface Removal {
  assetId: string;
  /** The version being deleted; null when the whole cut goes. */
  versionId: string | null;
}

/**
 * Runs inside the removal's transaction, under the asset's row lock, before anything is removed:
 * what a context keeps of the cut (a live session on it) ends properly with it, or not at all.
 */
export type RemovalListener = (manager: EntityManager, removal: Removal) => Promise<void>;

/** The contexts that keep something of a cut hear of its removal here (assets may not call them). */
@Injectable()
export class RemovalListeners {
  private readonly listeners: RemovalListener[] = [];

  onRemove(listener: RemovalListener): void {
    this.listeners.push(listener);
  }

  async removing(manager: EntityManager, removal: Removal): Promise<void> {
    for (const listener of this.listeners) await listener(manager, removal);
  }
}
