import { Inject, Injectable } from '@nestjs/common';
import { type AssetEvent, type NotificationLevel, assetEventPayloadSchemas } from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { holdVersions, uploaderIds } from '../assets/version-refs.repository.js';
import type { Logger } from '../common/logging/logger.js';
import { LoggerToken } from '../config/config.provider.js';
import { eventsBetween } from '../events/event-log.js';
import { membersOfProjects } from '../projects/members.repository.js';
import { commentAuthorIds, holdComments, threadFacts } from '../review/comment-participants.repository.js';
import { assetsBehind, behindOf, ensureCursors, lockCursors, moveCursors } from './activity-cursors.js';
import { excerptOf } from './activity-excerpt.js';
import { sessionLine } from './session-summary.js';
import {
  ACTIVITY_EVENT_TYPES,
  type ActivityEventType,
  type ActivitySource,
  type Audience,
  recipientsOf,
} from './activity-rules.js';

/** Postgres channel: whose unread count changed, sent when the change commits. */
export const ACTIVITY_CHANNEL = 'cutroom_activity';
const EVENTS_PER_TRANSACTION = 200;
const KNOWN_CURSORS_LIMIT = 10_000;
// A NOTIFY payload is capped at 8000 bytes: ~40 bytes an id.
const USERS_PER_NOTICE = 150;

// The news that tells those who work on the asset: these need them read.
const WORK_NEWS = new Set<string>(['comment.created', 'decision.recorded', 'live.session']);

/** A stored event of a type the feed tells of. */
type EventRow = AssetEvent & { type: ActivityEventType };

/** An event as news: its source for the rules, and what every item about it shows. */
interface News {
  source: ActivitySource;
  audience: Omit<Audience, 'memberIds' | 'levels'>;
  actorName: string | null;
  versionId: string | null;
  commentId: string | null;
  decision: string | null;
  excerpt: string | null;
}

/** What one asset's events mean for the feed, found in a batch and stored with everyone's. */
interface Item {
  assetId: string;
  projectId: string;
  event: EventRow;
  news: News;
  recipients: { userId: string; kind: string }[];
}

/**
 * Turns the events log into each person's notifications, asset by asset, many assets a run.
 *
 * Why fan out at write time, by a cursor over the log, rather than compute feeds at read time:
 * an item must say why it is there as things stood when it happened (who had written in the
 * thread, who was already told of an edited comment), the live unread push needs the recipients
 * of each event anyway, and a read-time query over every event of every project a person is in
 * would grow with the whole history. Why not fan out inside the writing transaction: events are
 * written by several contexts (and the media worker), and the rules live here, in TypeScript.
 *
 * Exactly once across api nodes: every node hears each event's NOTIFY and calls catchUp; the
 * asset's cursor row is locked (SKIP LOCKED) while its events are fanned out and moved forward
 * in the same transaction, so one node does the work and the others go on. Whoever holds the
 * lock checks again after committing, so an event that committed while it worked is not left
 * behind, and notifications are keyed by (user, asset, seq), so nothing is stored twice. Nothing
 * is lost when no node heard a NOTIFY (all down, a dropped connection, a node killed mid-way):
 * the relay sweeps for assets whose last seq is past their cursor at start and periodically.
 *
 * Why many assets a run: a server with many rooms each hearing a note now and then would
 * otherwise pay a dozen statements per note; a run reads the events, members and who works on
 * each asset, and stores the items, in one statement each however many assets it takes.
 */
@Injectable()
export class ActivityFanout {
  /** Assets whose cursor row this process has seen made: not inserted again on every run. */
  private readonly withCursor = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  /**
   * Fans out every event of these assets not fanned out yet (by this node or another); returns
   * those found behind again after committing — another node that heard of the newer events found
   * the cursor locked and left them to us: the caller runs them again. Should the run fail, each
   * asset is tried on its own, so one that cannot be fanned out holds up no other.
   */
  async catchUp(assetIds: readonly string[]): Promise<string[]> {
    try {
      return await this.catchUpTogether(assetIds);
    } catch (error) {
      if (assetIds.length === 1) throw error;
      const behind: string[] = [];
      for (const assetId of assetIds) {
        try {
          behind.push(...(await this.catchUpTogether([assetId])));
        } catch (failed) {
          this.logger.error({ err: failed, assetId }, 'activity fan-out failed');
        }
      }
      return behind;
    }
  }

  private async catchUpTogether(assetIds: readonly string[]): Promise<string[]> {
    const unknown = assetIds.filter((assetId) => !this.withCursor.has(assetId));
    if (unknown.length > 0) {
      await ensureCursors(this.dataSource.manager, unknown);
      if (this.withCursor.size + unknown.length > KNOWN_CURSORS_LIMIT) this.withCursor.clear();
      for (const assetId of unknown) this.withCursor.add(assetId);
    }
    const done: string[] = [];
    let pending = assetIds;
    while (pending.length > 0) {
      const batch = await this.dataSource.transaction((manager) => this.fanOutBatch(manager, pending));
      done.push(...batch.all);
      pending = batch.more;
    }
    return done.length > 0 ? behindOf(this.dataSource.manager, done) : [];
  }

  /** Assets with events past their cursor: what the NOTIFYs nobody heard were about. */
  assetsBehind(limit: number): Promise<string[]> {
    return assetsBehind(this.dataSource.manager, limit);
  }

  /**
   * One batch under the cursor locks of those assets nobody else holds: `all`, those it took
   * every event of; `more`, those whose log holds more than one batch. Assets not locked (gone, or
   * another node is on them and looks again once it commits) or with nothing to do are in neither.
   */
  private async fanOutBatch(
    manager: EntityManager,
    assetIds: readonly string[],
  ): Promise<{ all: string[]; more: string[] }> {
    const positions = await lockCursors(manager, assetIds);
    // A cursor row that went missing is made again by the next run.
    const locked = new Set(positions.map((p) => p.assetId));
    for (const assetId of assetIds) if (!locked.has(assetId)) this.withCursor.delete(assetId);
    const ranges = positions
      .filter((p) => p.lastSeq > p.seq)
      .map((p) => ({ ...p, afterSeq: p.seq, upToSeq: Math.min(p.lastSeq, p.seq + EVENTS_PER_TRANSACTION) }));
    if (ranges.length === 0) return { all: [], more: [] };
    const events = (await eventsBetween(manager, ranges, ACTIVITY_EVENT_TYPES)) as EventRow[];
    const items = await this.itemsOf(manager, ranges, events);
    const told = await this.store(manager, items);
    await moveCursors(
      manager,
      ranges.map((r) => ({ assetId: r.assetId, seq: r.upToSeq })),
    );
    await notifyUnreadChanged(manager, told);
    return {
      all: ranges.filter((r) => r.upToSeq === r.lastSeq).map((r) => r.assetId),
      more: ranges.filter((r) => r.upToSeq < r.lastSeq).map((r) => r.assetId),
    };
  }

  /** Who is told of each event: the project's members as they are now, by their chosen levels. */
  private async itemsOf(
    manager: EntityManager,
    ranges: readonly { assetId: string; projectId: string }[],
    events: readonly EventRow[],
  ): Promise<Item[]> {
    if (events.length === 0) return [];
    const projectOf = new Map(ranges.map((r) => [r.assetId, r.projectId]));
    const projectIds = [...new Set(events.map((event) => projectOf.get(event.assetId) as string))];
    const members = await membersOfProjects(manager, projectIds);
    const settings: { project_id: string; user_id: string; level: NotificationLevel }[] = await manager.query(
      `SELECT project_id, user_id, level FROM notification_settings WHERE project_id = ANY ($1::uuid[])`,
      [projectIds],
    );
    const audiences = new Map(
      projectIds.map((projectId) => {
        const memberIds = new Set((members.get(projectId) ?? []).map((member) => member.userId));
        const levels = new Map(
          settings.flatMap((row) =>
            row.project_id === projectId && memberIds.has(row.user_id)
              ? [[row.user_id, row.level] as const]
              : [],
          ),
        );
        return [projectId, { memberIds, levels }];
      }),
    );
    // Who works on each asset, as it is now: read once for the batch, for the assets that need it.
    let workers: Promise<Map<string, string[]>> | undefined;
    const workersOn = async (assetId: string) => {
      workers ??= this.workersOn(manager, [
        ...new Set(events.filter((event) => WORK_NEWS.has(event.type)).map((event) => event.assetId)),
      ]);
      return (await workers).get(assetId) ?? [];
    };
    const items: Item[] = [];
    for (const event of events) {
      const news = await this.newsOf(manager, event, () => workersOn(event.assetId));
      if (!news) continue;
      const projectId = projectOf.get(event.assetId) as string;
      const recipients = recipientsOf(news.source, { ...audiences.get(projectId)!, ...news.audience });
      if (recipients.length > 0) items.push({ assetId: event.assetId, projectId, event, news, recipients });
    }
    return items;
  }

  /** What the event means for the feed, or nothing when it no longer means anything. */
  private async newsOf(
    manager: EntityManager,
    event: EventRow,
    workersOn: () => Promise<string[]>,
  ): Promise<News | undefined> {
    const source = { type: event.type, actorId: event.actorId };
    if (event.type === 'comment.created' || event.type === 'comment.updated') {
      // The log is data: read through the event type's own schema (contracts), skipped if it does not fit.
      const parsed = assetEventPayloadSchemas[event.type].safeParse(event.payload);
      if (!parsed.success) return undefined;
      const { comment } = parsed.data;
      // Only a reply has a thread to read (a note deleted since is passed over when it is stored).
      const facts = comment.parentId
        ? await threadFacts(manager, comment.id)
        : { parentAuthorId: null, earlierReplierIds: [] };
      // Deleted since: its items would go with it anyway.
      if (!facts) return undefined;
      // Nobody has been told of a comment before its own creation is fanned out (the log's order).
      const told: { user_id: string }[] =
        event.type === 'comment.created'
          ? []
          : await manager.query(`SELECT user_id FROM notifications WHERE comment_id = $1`, [comment.id]);
      return {
        source: { ...source, mentions: comment.mentions, parentId: comment.parentId },
        audience: {
          parentAuthorId: facts.parentAuthorId,
          earlierReplierIds: facts.earlierReplierIds,
          alreadyToldIds: new Set(told.map((row) => row.user_id)),
          assetWorkerIds: event.type === 'comment.created' ? await workersOn() : [],
        },
        actorName: comment.author?.displayName ?? null,
        versionId: comment.versionId,
        commentId: comment.id,
        decision: null,
        // The feed shows the comment as it reads now; this is not needed.
        excerpt: null,
      };
    }
    if (event.type === 'decision.recorded') {
      const parsed = assetEventPayloadSchemas['decision.recorded'].safeParse(event.payload);
      if (!parsed.success) return undefined;
      const { decision } = parsed.data;
      return {
        source,
        audience: { assetWorkerIds: await workersOn() },
        actorName: decision.decidedBy?.displayName ?? null,
        versionId: decision.versionId,
        commentId: null,
        decision: decision.decision,
        excerpt: excerptOf(decision.note),
      };
    }
    if (event.type === 'round.reminder') {
      const parsed = assetEventPayloadSchemas['round.reminder'].safeParse(event.payload);
      if (!parsed.success) return undefined;
      const { versionId, dueAt, stage } = parsed.data;
      return {
        source: { ...source, remind: parsed.data.userIds },
        audience: {},
        actorName: null,
        versionId,
        commentId: null,
        decision: null,
        excerpt: dueLine(dueAt, stage),
      };
    }
    if (event.type === 'live.session') {
      const parsed = assetEventPayloadSchemas['live.session'].safeParse(event.payload);
      if (!parsed.success) return undefined;
      const log = parsed.data;
      return {
        source: { ...source, present: log.entries.map((entry) => entry.user.id) },
        audience: { assetWorkerIds: await workersOn() },
        actorName: log.startedBy?.displayName ?? null,
        versionId: log.frames.at(-1)?.versionId ?? null,
        commentId: null,
        decision: null,
        excerpt: sessionLine(log),
      };
    }
    const parsed = assetEventPayloadSchemas['version.created'].safeParse(event.payload);
    if (!parsed.success) return undefined;
    const { version } = parsed.data;
    return {
      source,
      audience: {},
      actorName: version.uploadedBy?.displayName ?? null,
      versionId: version.id,
      commentId: null,
      decision: null,
      excerpt: excerptOf(version.originalFilename),
    };
  }

  /** For each asset, who uploaded a version of it or commented on it (with an account: guests have none). */
  private async workersOn(manager: EntityManager, assetIds: string[]): Promise<Map<string, string[]>> {
    const uploaders = await uploaderIds(manager, assetIds);
    const authors = await commentAuthorIds(manager, assetIds);
    return new Map(
      assetIds.map((assetId) => [
        assetId,
        [...new Set([...(uploaders.get(assetId) ?? []), ...(authors.get(assetId) ?? [])])],
      ]),
    );
  }

  /** Stores one notification per recipient of each item; returns who got a new one (a retried batch adds none). */
  private async store(manager: EntityManager, items: readonly Item[]): Promise<string[]> {
    if (items.length === 0) return [];
    // Deleted since (the event stays in the log): no item to point at it. Held until commit; a
    // comment held holds its version too (deleting the version would delete the comment).
    const comments = await holdComments(manager, [
      ...new Set(items.flatMap((item) => item.news.commentId ?? [])),
    ]);
    const versions = await holdVersions(manager, [
      ...new Set(items.flatMap((item) => (item.news.commentId ? [] : (item.news.versionId ?? [])))),
    ]);
    const rows = items
      .filter(({ news }) =>
        news.commentId ? comments.has(news.commentId) : !news.versionId || versions.has(news.versionId),
      )
      .flatMap(({ assetId, projectId, event, news, recipients }) =>
        recipients.map((recipient) => ({ assetId, projectId, event, news, ...recipient })),
      );
    if (rows.length === 0) return [];
    const column = <T>(value: (row: (typeof rows)[number]) => T) => rows.map(value);
    const inserted: { user_id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, asset_id, seq, project_id, kind, actor_id, actor_name, version_id,
                                  comment_id, decision, excerpt, created_at)
       SELECT r.user_id, r.asset_id, r.seq, r.project_id, r.kind, r.actor_id, left(r.actor_name, 200), r.version_id,
              r.comment_id, r.decision, r.excerpt, r.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::uuid[],
                   $9::uuid[], $10::text[], $11::text[], $12::timestamptz[])
         AS r (user_id, asset_id, seq, project_id, kind, actor_id, actor_name, version_id, comment_id, decision,
               excerpt, created_at)
       ON CONFLICT (user_id, asset_id, seq) DO NOTHING
       RETURNING user_id`,
      [
        column((r) => r.userId),
        column((r) => r.assetId),
        column((r) => r.event.seq),
        column((r) => r.projectId),
        column((r) => r.kind),
        column((r) => r.event.actorId),
        column((r) => r.news.actorName),
        column((r) => r.news.versionId),
        column((r) => r.news.commentId),
        column((r) => r.news.decision),
        column((r) => r.news.excerpt),
        column((r) => r.event.createdAt),
      ],
    );
    return [...new Set(inserted.map((row) => row.user_id))];
  }
}

/** "Due Sat, 5 Dec 2026, 17:00 UTC": when a reminded round is due, in a line of its item. */
function dueLine(dueAt: string, stage: 'before' | 'due'): string {
  const when = new Date(dueAt).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${stage === 'due' ? 'Was due' : 'Due'} ${when} UTC`;
}

/** Tells every node, once the caller's transaction commits, whose unread count changed. */
export async function notifyUnreadChanged(manager: EntityManager, userIds: string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += USERS_PER_NOTICE) {
    await manager.query(`SELECT pg_notify($1, $2)`, [
      ACTIVITY_CHANNEL,
      JSON.stringify({ userIds: userIds.slice(i, i + USERS_PER_NOTICE) }),
    ]);
  }
}
