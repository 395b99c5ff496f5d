import {
  type AssetEventType,
  type RoundDue,
  type RoundsBoard,
  type RoundsBoardRow,
  type VersionApproval,
  assetEventTypes,
} from '@cutroom/contracts';
import { boardHeader } from '@cutroom/policy';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { getBoardRows } from './rounds-board-api';
import { dueDateKeys, roundsBoardKeys } from './rounds-board-keys';

// How socket events change the rounds boards: a decision moves its row at once; what changed on a
// cut (its notes, decisions, approvers, due date, name) is read again for that cut's row alone; a
// cut coming, going or getting a version changes what the board holds, so the board is read again.

/** The board's rows that show this round take the approval as it now stands. */
export function withRowApproval(board: RoundsBoard, approval: VersionApproval): RoundsBoard {
  const pending = new Set(approval.pendingIds);
  return {
    ...board,
    rows: board.rows.map((row) =>
      row.assetId === approval.assetId && row.version.id === approval.versionId
        ? {
            ...row,
            state: approval.state,
            rule: approval.rule,
            approvedCount: approval.approvedCount,
            requiredCount: approval.requiredCount,
            pending: approval.requiredApprovers.filter((person) => pending.has(person.id)),
            // Whether it still waits on me is the server's to say (the row read that follows).
          }
        : row,
    ),
  };
}

/**
 * The board with these cuts' rows as just read (`fresh`: the ones still on it; a cut named and not
 * in `fresh` has left it), its header counted again over its rows.
 */
export function withRows(
  board: RoundsBoard,
  assetIds: readonly string[],
  fresh: readonly RoundsBoardRow[],
  asOf: string,
): RoundsBoard {
  const named = new Set(assetIds);
  const replaced = new Map(fresh.map((row) => [row.assetId, row]));
  const rows = board.rows.flatMap((row) => {
    if (!named.has(row.assetId)) return [row];
    const next = replaced.get(row.assetId);
    replaced.delete(row.assetId);
    return next ? [next] : [];
  });
  rows.push(...replaced.values());
  const header = boardHeader(
    rows.map((row) => ({
      state: row.state,
      overdue: row.overdue,
      readyAt: row.version.readyAt,
      approvedAt: row.approvedAt,
    })),
    board.header.notReady,
  );
  return { header, rows, asOf };
}

/** A burst of events (a live review's notes) is read once, a moment after it starts. */
const GATHER_MS = 250;

interface CachedBoard {
  key: QueryKey;
  board: RoundsBoard;
  /** Read as "My work" with only my cuts (a project's board reads every cut). */
  mine: boolean;
  /** A project's board; null for "My work". */
  projectId: string | null;
}

/** The boards in the cache, with how each is read. */
function cachedBoards(queryClient: QueryClient): CachedBoard[] {
  return queryClient
    .getQueriesData<RoundsBoard>({ queryKey: roundsBoardKeys.all })
    .flatMap(([key, board]) => {
      if (!board) return [];
      const [, scope, which] = key as readonly unknown[];
      const cached: CachedBoard =
        scope === 'project'
          ? { key, board, mine: false, projectId: String(which) }
          : { key, board, mine: which === true, projectId: null };
      return [cached];
    });
}

interface Gathering {
  boards: ReturnType<typeof setTimeout> | null;
  rows: ReturnType<typeof setTimeout> | null;
  assetIds: Set<string>;
  /** The newest read asked for each cut: an older answer arriving late is not applied. */
  asked: Map<string, number>;
  reads: number;
}

const gatherings = new WeakMap<QueryClient, Gathering>();

function gatheringOf(queryClient: QueryClient): Gathering {
  let gathering = gatherings.get(queryClient);
  if (!gathering) {
    gathering = { boards: null, rows: null, assetIds: new Set(), asked: new Map(), reads: 0 };
    gatherings.set(queryClient, gathering);
  }
  return gathering;
}

function refetchBoards(queryClient: QueryClient) {
  const gathering = gatheringOf(queryClient);
  if (gathering.boards) return;
  gathering.boards = setTimeout(() => {
    gathering.boards = null;
    void queryClient.invalidateQueries({ queryKey: roundsBoardKeys.all });
  }, GATHER_MS);
}

function refetchRow(queryClient: QueryClient, assetId: string) {
  const gathering = gatheringOf(queryClient);
  gathering.assetIds.add(assetId);
  if (gathering.rows) return;
  gathering.rows = setTimeout(() => {
    gathering.rows = null;
    const assetIds = [...gathering.assetIds];
    gathering.assetIds.clear();
    void readRows(queryClient, gathering, assetIds);
  }, GATHER_MS);
}

async function readRows(queryClient: QueryClient, gathering: Gathering, assetIds: string[]) {
  const read = (gathering.reads += 1);
  for (const assetId of assetIds) gathering.asked.set(assetId, read);
  const scopes = new Set(cachedBoards(queryClient).map((cached) => cached.mine));
  try {
    for (const mine of scopes) {
      const fresh = await getBoardRows(assetIds, mine);
      // A cut read again since is left to that read.
      const current = assetIds.filter((assetId) => gathering.asked.get(assetId) === read);
      for (const cached of cachedBoards(queryClient)) {
        if (cached.mine !== mine) continue;
        const rows = fresh.rows.filter(
          (row) =>
            current.includes(row.assetId) &&
            (cached.projectId === null || row.projectId === cached.projectId),
        );
        queryClient.setQueryData<RoundsBoard>(cached.key, withRows(cached.board, current, rows, fresh.asOf));
      }
    }
  } catch {
    refetchBoards(queryClient);
  }
}

function applyToBoards(queryClient: QueryClient, approval: VersionApproval) {
  for (const { key, board } of cachedBoards(queryClient)) {
    queryClient.setQueryData<RoundsBoard>(key, withRowApproval(board, approval));
  }
}

/** Events that change nothing the board shows. */
const ignored = new Set<AssetEventType>(['comment.reactions', 'round.reminder', 'live.session']);
/** Events that change what the board holds (cuts, versions, the not-ready count): read it again. */
const reshaping = new Set<AssetEventType>([
  'asset.created',
  'asset.deleted',
  'asset.restored',
  'asset.moved',
  'version.created',
  'version.updated',
  'version.deleted',
]);

export function registerRoundsBoardEvents(registry: CacheUpdateRegistry): void {
  for (const type of assetEventTypes) {
    if (ignored.has(type)) continue;
    registry.onEvent(type, (queryClient, event) => {
      if (event.type === 'decision.recorded' && event.payload !== null) {
        applyToBoards(queryClient, (event.payload as { approval: VersionApproval }).approval);
      }
      if (event.type === 'round.due' && event.payload !== null) {
        queryClient.setQueryData<RoundDue>(dueDateKeys.version(event.payload.versionId), event.payload);
      }
      if (reshaping.has(type)) refetchBoards(queryClient);
      else refetchRow(queryClient, event.assetId);
    });
  }
  registry.onProjectJoined((queryClient) => refetchBoards(queryClient)).onReconnected(refetchBoards);
}
