import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { activityServerEvents } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Logger } from '../common/logging/logger.js';
import { PgListener } from '../database/pg-listener.js';
import { LoggerToken } from '../config/config.provider.js';
import { EVENTS_CHANNEL } from '../events/event-log.js';
import { RealtimeGateway } from '../realtime/realtime.gateway.js';
import { userRoom } from '../realtime/rooms.js';
import { ACTIVITY_CHANNEL, ActivityFanout } from './activity-fanout.js';
import { ActivityMailer } from './activity-mailer.js';
import { isActivityEvent } from './activity-rules.js';
import { ActivityService } from './activity.service.js';

// A fan-out run (of every asset waiting, up to ASSETS_PER_RUN) starts at most this often: busy
// rooms' notes go out in batches, a quiet server's at once (its first note after a pause does not wait).
const FANOUT_INTERVAL_MS = 200;
const ASSETS_PER_RUN = 200;
const SWEEP_INTERVAL_MS = 30_000;
const SWEEP_BATCH = 1000;

const eventNotice = z.union([
  z.object({ event: z.object({ assetId: z.uuid(), type: z.string() }) }),
  z.object({ assetId: z.uuid() }),
]);
const unreadNotice = z.object({ userIds: z.array(z.uuid()) });

/**
 * On every api node: hears committed events and has them fanned out into notifications (see
 * ActivityFanout for why each is stored once however many nodes hear it), sweeps for any
 * nobody heard, pushes each changed unread count to the person's sockets on this node, and
 * passes the people with new items to the mailer.
 */
@Injectable()
export class ActivityRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener: PgListener | undefined;
  private stopped = false;
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Assets waiting to be fanned out, the run under way (one at a time) and when the last began. */
  private readonly waiting = new Set<string>();
  private running: Promise<void> | undefined;
  private lastRunAt = -Infinity;
  /** Set while the next run waits out FANOUT_INTERVAL_MS. */
  private resting: NodeJS.Timeout | undefined;
  /** Users whose count is being read, and those to read again after (pushes stay in order). */
  private readonly counting = new Set<string>();
  private readonly recount = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly fanout: ActivityFanout,
    private readonly activity: ActivityService,
    private readonly gateway: RealtimeGateway,
    private readonly mailer: ActivityMailer,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new PgListener({
      url: (this.dataSource.options as { url: string }).url,
      channels: [EVENTS_CHANNEL, ACTIVITY_CHANNEL],
      name: 'cutroom-activity',
      logger: this.logger,
      onNotification: (channel, payload) => this.hear(channel, payload),
      // Listening now: whatever committed before is found by the sweep, anything after is heard.
      onListening: () => void this.sweep(),
    });
    await this.listener.start();
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.resting);
    this.waiting.clear();
    await this.listener?.stop();
    await this.running;
  }

  private hear(channel: string, payload: string): void {
    try {
      if (channel === ACTIVITY_CHANNEL) {
        const { userIds } = unreadNotice.parse(JSON.parse(payload));
        this.mailer.expect(userIds);
        for (const userId of userIds) void this.pushUnread(userId);
        return;
      }
      const notice = eventNotice.parse(JSON.parse(payload));
      // Other events wait: the cursor passes over them with the next one that is news, or a sweep.
      if ('event' in notice && !isActivityEvent(notice.event.type)) return;
      this.enqueue('event' in notice ? notice.event.assetId : notice.assetId);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'could not read an activity notification');
    }
  }

  private async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      this.enqueue(...(await this.fanout.assetsBehind(SWEEP_BATCH)));
    } catch (error) {
      this.logger.warn({ err: error }, 'activity sweep failed; trying again later');
    }
  }

  private enqueue(...assetIds: string[]): void {
    if (this.stopped) return;
    for (const assetId of assetIds) this.waiting.add(assetId);
    this.pump();
  }

  private pump(): void {
    // Heard while a run is under way (or resting): it is in the next run, for what committed meanwhile.
    if (this.running || this.resting || this.stopped || this.waiting.size === 0) return;
    const rest = this.lastRunAt + FANOUT_INTERVAL_MS - Date.now();
    if (rest > 0) {
      this.resting = setTimeout(() => {
        this.resting = undefined;
        this.pump();
      }, rest).unref();
      return;
    }
    const assetIds = [...this.waiting].slice(0, ASSETS_PER_RUN);
    for (const assetId of assetIds) this.waiting.delete(assetId);
    this.lastRunAt = Date.now();
    this.running = this.fanout
      .catchUp(assetIds)
      // Behind again already: once more, in the next run.
      .then((behind) => {
        if (!this.stopped) for (const assetId of behind) this.waiting.add(assetId);
      })
      .catch((error: unknown) => this.logger.error({ err: error, assetIds }, 'activity fan-out failed'))
      .finally(() => {
        this.running = undefined;
        this.pump();
      });
  }

  /** Sends the person's unread count to their sockets on this node, if they have any here. */
  private async pushUnread(userId: string): Promise<void> {
    const room = userRoom(userId);
    if (!this.gateway.server.of('/').adapter.rooms.has(room)) return;
    if (this.counting.has(userId)) {
      this.recount.add(userId);
      return;
    }
    this.counting.add(userId);
    try {
      do {
        this.recount.delete(userId);
        const count = await this.activity.unreadCount(userId);
        this.gateway.server.local.to(room).emit(activityServerEvents.unread, { count });
      } while (this.recount.has(userId) && !this.stopped);
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'could not push an unread count');
    } finally {
      this.counting.delete(userId);
    }
  }
}
