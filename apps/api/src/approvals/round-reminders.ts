import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import type { Logger } from '../common/logging/logger.js';
import { appendEvent } from '../events/event-log.js';
import { approvalsOf } from './approval-view.js';
import {
  type RoundToRemind,
  markRoundQuiet,
  markReminderSent,
  roundsToRemind,
} from './due-dates.repository.js';

const BATCH = 100;

/**
 * Reminds a round's pending approvers of its due date: once the configured time before it, and
 * once when it comes; each once per round and due moment (a new date has its own; the same date
 * cleared and set again, none), and only to required approvers who have not decided while the
 * round is the one the rounds board shows (the cut's newest ready version) and in review. A
 * reminder is a `round.reminder` event: the activity context turns it into each person's feed item
 * and mail. Only a reminder sent is recorded; a round waiting on nobody is looked at again once its
 * cut changes (a decision, an approver, a version). Several nodes share the work: the due dates
 * are taken with SKIP LOCKED and recorded in the same transaction as the event, so each reminder
 * is written exactly once.
 */
@Injectable()
export class RoundReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.roundReminderSweepMs);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends every reminder that has come due; one sweep at a time on this node. */
  sweep(): Promise<void> {
    if (this.stopped || this.running) return this.running ?? Promise.resolve();
    this.running = (async () => {
      try {
        while (!this.stopped && (await this.dataSource.transaction((manager) => this.batch(manager)))) {
          // a full batch: there may be more
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'round reminders failed; trying again at the next sweep');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** One batch of rounds whose reminder time has come; true when the batch was full. */
  private async batch(manager: EntityManager): Promise<boolean> {
    const rounds = await roundsToRemind(manager, this.config.roundReminderBeforeMs, BATCH);
    for (const round of rounds) {
      if (await this.remind(manager, round)) await markReminderSent(manager, round);
      else await markRoundQuiet(manager, round);
    }
    return rounds.length === BATCH;
  }

  /** Sends the round's reminder to its pending approvers; false when it waits on nobody. */
  private async remind(manager: EntityManager, round: RoundToRemind): Promise<boolean> {
    const [approval] = await approvalsOf(manager, round.projectId, [
      {
        assetId: round.assetId,
        versionId: round.versionId,
        versionNumber: round.versionNumber,
        current: true,
      },
    ]);
    if (approval.state !== 'in_review' || approval.pendingIds.length === 0) return false;
    await appendEvent(manager, {
      assetId: round.assetId,
      type: 'round.reminder',
      actorId: null,
      payload: {
        versionId: round.versionId,
        dueAt: round.dueAt.toISOString(),
        stage: round.stage,
        userIds: approval.pendingIds,
      },
    });
    return true;
  }
}
