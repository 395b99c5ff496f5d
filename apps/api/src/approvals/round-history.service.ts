import { Injectable } from '@nestjs/common';
import { approvedAt } from '@cutroom/policy';
import { type HistoryRound, fileNamePart, roundHistoryCsv } from '@cutroom/exports';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { DECISION_SELECT, type DecisionRow } from './approval-view.js';
import { dueDatesOf } from './due-dates.repository.js';
import { RoundsService } from './rounds.service.js';

/**
 * A cut's rounds as a record: when each version went out, every decision made on it (the whole
 * history, both notes: the team's file), the notes raised and addressed, and the time to approval.
 * Without internal (`withInternal: false`): no internal decision note, and internal notes uncounted.
 */
@Injectable()
export class RoundHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly rounds: RoundsService,
  ) {}

  async csv(
    userId: string,
    assetId: string,
    withInternal = true,
  ): Promise<{ fileName: string; body: string }> {
    const asset = await this.assets.get(userId, assetId);
    const rounds = (await this.rounds.rounds(userId, assetId, 'team', withInternal)).reverse();
    const decisions: DecisionRow[] = await this.dataSource.query(
      `${DECISION_SELECT} WHERE d.asset_id = $1 ORDER BY d.created_at, d.id`,
      [assetId],
    );
    const dueDates = await dueDatesOf(
      this.dataSource.manager,
      rounds.map((round) => round.versionId),
    );
    const history: HistoryRound[] = rounds.map((round) => ({
      versionNumber: round.versionNumber,
      wentOutAt: round.createdAt,
      state: round.approval.state,
      notesRaised: round.notes.total,
      notesAddressed: round.notes.addressed,
      notesStillOpen: round.notes.stillOpen,
      approvedAt: approvedAt(round.approval),
      dueAt: dueDates.get(round.versionId)?.toISOString() ?? null,
      decisions: decisions
        .filter((row) => row.version_id === round.versionId)
        .map((row) => ({
          by: row.display_name ?? 'A former member',
          decision: row.decision,
          at: row.created_at.toISOString(),
          note: row.note,
          internalNote: withInternal ? row.internal_note : null,
        })),
    }));
    return { fileName: `${fileNamePart(asset.name)} round history.csv`, body: roundHistoryCsv(history) };
  }
}
