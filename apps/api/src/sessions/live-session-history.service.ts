import { Injectable } from '@nestjs/common';
import { type LiveSessionLogList, liveSessionLogSchema } from '@cutroom/contracts';
import { liveSessionLogForReader, readerOf } from '@cutroom/policy';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { latestEventsOfType } from '../events/event-log.js';

/** How many past sessions of a cut its page lists. */
const SESSIONS_LISTED = 20;

/** A cut's past live sessions, from its activity, as the caller may read them. */
@Injectable()
export class LiveSessionHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
  ) {}

  async list(user: AuthenticatedUser, assetId: string): Promise<LiveSessionLogList> {
    await this.assets.requireAsset(user.id, assetId, 'project.view');
    const reader = readerOf(user.guest);
    const events = await latestEventsOfType(
      this.dataSource.manager,
      assetId,
      'live.session',
      SESSIONS_LISTED,
    );
    return {
      sessions: events.flatMap((event) => {
        // The log is data: read through its schema, and left out if it does not fit.
        const stored = liveSessionLogSchema.safeParse(event.payload);
        const log = stored.success ? liveSessionLogForReader(stored.data, reader) : null;
        return log ? [{ seq: event.seq, log }] : [];
      }),
    };
  }
}
