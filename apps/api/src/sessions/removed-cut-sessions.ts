import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RemovalListeners } from '../assets/removal-listeners.js';
import { endLiveSessionOn } from './live-session-ending.js';

/**
 * A cut deleted, or the version its live session shows: the session ends as if everyone left (its
 * log kept in the cut's activity, `live:ended` to everyone on the cut), rather than going silently
 * with the rows it stands on.
 */
@Injectable()
export class RemovedCutSessions implements OnModuleInit {
  constructor(private readonly removals: RemovalListeners) {}

  onModuleInit(): void {
    this.removals.onRemove(async (manager, removal) => {
      await endLiveSessionOn(manager, removal.assetId, removal.versionId ?? undefined);
    });
  }
}
