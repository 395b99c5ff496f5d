import { Injectable } from '@nestjs/common';
import type { RoundDue } from '@cutroom/contracts';
import { maySetDueDate } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { type AssetAccess, AssetsService } from '../assets/assets.service.js';
import { currentRoundOf, versionBesideRound } from '../assets/round-versions.repository.js';
import { appendEvent } from '../events/event-log.js';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception.js';
import { dueDatesOf } from './due-dates.repository.js';

/**
 * When a round is due: set, moved or cleared by those who run the cut, told to its room; a new date
 * has reminders of its own (the reminders keep which moments were reminded). A date goes on the round the board shows (the cut's newest ready
 * version); an earlier round's date may only be cleared.
 */
@Injectable()
export class DueDatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
  ) {}

  async get(userId: string, versionId: string): Promise<RoundDue> {
    await this.assets.requireVersion(userId, versionId, 'project.view');
    const due = (await dueDatesOf(this.dataSource.manager, [versionId])).get(versionId);
    return { versionId, dueAt: due?.toISOString() ?? null };
  }

  async set(userId: string, versionId: string, dueAt: string | null): Promise<RoundDue> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    requireMaySet(access);
    return this.dataSource.transaction(async (manager) => {
      if (dueAt !== null) await requireCurrentRound(manager, versionId);
      return write(manager, userId, access.assetId, versionId, dueAt);
    });
  }

  /** Sets or clears the due date of the round the cut is in now (sharing a cut sets it this way). */
  async setForCut(userId: string, assetId: string, dueAt: string | null): Promise<RoundDue> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    requireMaySet(access);
    return this.dataSource.transaction(async (manager) => {
      const current = await currentRoundOf(manager, assetId);
      if (!current) {
        throw new ApprovalsException(
          ApprovalsErrorCode.NotCurrentRound,
          'This cut has no version ready for review yet: set its due date once one is.',
        );
      }
      return write(manager, userId, assetId, current.versionId, dueAt);
    });
  }
}

function requireMaySet(access: AssetAccess): void {
  if (!maySetDueDate(access.role)) {
    throw new ApprovalsException(
      ApprovalsErrorCode.NotAllowed,
      'Only project owners and editors set when a round is due.',
    );
  }
}

/** Refuses a date on anything but the round the board shows, saying which round that is. */
async function requireCurrentRound(manager: EntityManager, versionId: string): Promise<void> {
  const version = await versionBesideRound(manager, versionId);
  if (!version || version.current?.versionId === versionId) return;
  const instead = version.current
    ? `set it on v${version.current.number}, the round under review`
    : 'set it once a version is ready for review';
  const why =
    version.status === 'failed'
      ? `v${version.number} failed to process, so it is not a round under review`
      : version.status !== 'ready'
        ? `v${version.number} is not ready for review yet`
        : `v${version.number} is an earlier round`;
  throw new ApprovalsException(ApprovalsErrorCode.NotCurrentRound, `${why}: ${instead}.`);
}

async function write(
  manager: EntityManager,
  userId: string,
  assetId: string,
  versionId: string,
  dueAt: string | null,
): Promise<RoundDue> {
  const changed: { due_at: Date | null }[] =
    dueAt === null
      ? await manager.query(
          `DELETE FROM round_due_dates WHERE version_id = $1 RETURNING NULL::timestamptz AS due_at`,
          [versionId],
        )
      : await manager.query(
          `INSERT INTO round_due_dates (version_id, asset_id, due_at, set_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (version_id) DO UPDATE SET due_at = EXCLUDED.due_at, set_by = EXCLUDED.set_by, set_at = now()
           WHERE round_due_dates.due_at IS DISTINCT FROM EXCLUDED.due_at
           RETURNING due_at`,
          [versionId, assetId, dueAt, userId],
        );
  const stored = dueAt === null ? null : (changed[0]?.due_at ?? new Date(dueAt)).toISOString();
  if (changed.length > 0) {
    await appendEvent(manager, {
      assetId,
      type: 'round.due',
      actorId: userId,
      payload: { versionId, dueAt: stored },
    });
  }
  return { versionId, dueAt: stored };
}
