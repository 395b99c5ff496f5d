import { Injectable } from '@nestjs/common';
import { decisionKindSchema } from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { excerptOf } from './activity-excerpt.js';
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
// A NOTIFY payload is capped at 8000 bytes: ~40 bytes an id.
const USERS_PER_NOTICE = 150;

interface EventRow {
  seq: string;
  type: ActivityEventType;
  actor_id: string | null;
  payload: unknown;
  created_at: Date;
}

/** An event as news: its source for the rules, and what every item about it shows. */
interface News {
  source: ActivitySource;
  audience: Omit<Audience, 'memberIds'>;
  actorName: string | null;
  versionId: string | null;
  commentId: string | null;
  decision: string | null;
  excerpt: string | null;
}

const person = z.object({ displayName: z.string() }).nullable();
const commentPayload = z.object({
  comment: z.object({
    id: z.uuid(),
    versionId: z.uuid(),
    parentId: z.uuid().nullable(),
    mentions: z.array(z.uuid()),
    author: person,
  }),
});
const decisionPayload = z.object({
  decision: z.object({
    versionId: z.uuid(),
    decision: decisionKindSchema,
    note: z.string().nullable(),
    decidedBy: person,
  }),
});
const versionPayload = z.object({
  version: z.object({ id: z.uuid(), originalFilename: z.string(), uploadedBy: person }),
});

/**
 * Turns the events log into each person's notifications, asset by asset.
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
 */
@Injectable()
export class ActivityFanout {
  constructor(private readonly dataSource: DataSource) {}

  /** Fans out every event of the asset not fanned out yet (by this node or another). */
  async catchUp(assetId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO activity_cursors (asset_id) SELECT id FROM assets WHERE id = $1 ON CONFLICT DO NOTHING`,
      [assetId],
    );
    while (await this.dataSource.transaction((manager) => this.fanOutBatch(manager, assetId))) {
      // another batch, or a last look for events that committed meanwhile
    }
  }

  /** Assets with events past their cursor: what the NOTIFYs nobody heard were about. */
  async assetsBehind(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM assets a LEFT JOIN activity_cursors c ON c.asset_id = a.id
       WHERE a.last_seq > coalesce(c.seq, 0) LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** One batch under the asset's cursor lock; false when there was nothing (left) to do here. */
  private async fanOutBatch(manager: EntityManager, assetId: string): Promise<boolean> {
    const locked: unknown[] = await manager.query(
      `SELECT 1 FROM activity_cursors WHERE asset_id = $1 FOR UPDATE SKIP LOCKED`,
      [assetId],
    );
    // Gone, or another node is on it (and looks again once it commits).
    if (locked.length === 0) return false;
    const [position]: { seq: string; last_seq: string; project_id: string }[] = await manager.query(
      `SELECT c.seq, a.last_seq, a.project_id FROM activity_cursors c JOIN assets a ON a.id = c.asset_id
       WHERE c.asset_id = $1`,
      [assetId],
    );
    const from = Number(position.seq);
    const last = Number(position.last_seq);
    if (last <= from) return false;
    const upTo = Math.min(last, from + EVENTS_PER_TRANSACTION);
    const events: EventRow[] = await manager.query(
      `SELECT seq, type, actor_id, payload, created_at FROM events
       WHERE asset_id = $1 AND seq > $2 AND seq <= $3 AND type = ANY ($4::text[]) ORDER BY seq`,
      [assetId, from, upTo, ACTIVITY_EVENT_TYPES],
    );
    const told = new Set<string>();
    if (events.length > 0) {
      const memberIds = new Set(
        (
          (await manager.query(`SELECT user_id FROM project_members WHERE project_id = $1`, [
            position.project_id,
          ])) as { user_id: string }[]
        ).map((row) => row.user_id),
      );
      for (const event of events) {
        const news = await this.newsOf(manager, assetId, event);
        if (!news) continue;
        const recipients = recipientsOf(news.source, { memberIds, ...news.audience });
        if (recipients.length === 0) continue;
        for (const userId of await this.store(manager, assetId, position.project_id, event, news, recipients))
          told.add(userId);
      }
    }
    await manager.query(`UPDATE activity_cursors SET seq = $2 WHERE asset_id = $1`, [assetId, upTo]);
    await notifyUnreadChanged(manager, [...told]);
    return true;
  }

  /** What the event means for the feed, or nothing when it no longer means anything. */
  private async newsOf(manager: EntityManager, assetId: string, event: EventRow): Promise<News | undefined> {
    const source = { type: event.type, actorId: event.actor_id };
    if (event.type === 'comment.created' || event.type === 'comment.updated') {
      const parsed = commentPayload.safeParse(event.payload);
      if (!parsed.success) return undefined;
      const { comment } = parsed.data;
      const [facts]: { parent_author_id: string | null; earlier: string[]; told: string[] }[] =
        await manager.query(
          `SELECT p.author_id AS parent_author_id,
                  array(SELECT DISTINCT r.author_id FROM comments r
                        WHERE r.parent_id = c.parent_id AND r.id <> c.id AND r.created_at <= c.created_at
                          AND r.author_id IS NOT NULL) AS earlier,
                  array(SELECT n.user_id FROM notifications n WHERE n.comment_id = c.id) AS told
           FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
           WHERE c.id = $1`,
          [comment.id],
        );
      // Deleted since: its items would go with it anyway.
      if (!facts) return undefined;
      return {
        source: { ...source, mentions: comment.mentions, parentId: comment.parentId },
        audience: {
          parentAuthorId: facts.parent_author_id,
          earlierReplierIds: facts.earlier,
          alreadyToldIds: new Set(facts.told),
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
      const parsed = decisionPayload.safeParse(event.payload);
      if (!parsed.success) return undefined;
      const { decision } = parsed.data;
      const workers: { user_id: string }[] = await manager.query(
        `SELECT uploaded_by AS user_id FROM versions WHERE asset_id = $1 AND uploaded_by IS NOT NULL
         UNION SELECT author_id FROM comments WHERE asset_id = $1 AND author_id IS NOT NULL`,
        [assetId],
      );
      return {
        source,
        audience: { assetWorkerIds: workers.map((row) => row.user_id) },
        actorName: decision.decidedBy?.displayName ?? null,
        versionId: decision.versionId,
        commentId: null,
        decision: decision.decision,
        excerpt: excerptOf(decision.note),
      };
    }
    const parsed = versionPayload.safeParse(event.payload);
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

  /** Stores one item per recipient; returns who got a new one (a retried batch adds none). */
  private async store(
    manager: EntityManager,
    assetId: string,
    projectId: string,
    event: EventRow,
    news: News,
    recipients: { userId: string; kind: string }[],
  ): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, asset_id, seq, project_id, kind, actor_id, actor_name, version_id,
                                  comment_id, decision, excerpt, created_at)
       SELECT r.user_id, $1::uuid, $2::bigint, $3::uuid, r.kind, $4::uuid, left($5::text, 200), $6::uuid, $7::uuid,
              $8::text, $9::text, $10::timestamptz
       FROM unnest($11::uuid[], $12::text[]) AS r (user_id, kind)
       WHERE ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM versions WHERE id = $6))
         AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM comments WHERE id = $7))
       ON CONFLICT (user_id, asset_id, seq) DO NOTHING
       RETURNING user_id`,
      [
        assetId,
        event.seq,
        projectId,
        event.actor_id,
        news.actorName,
        news.versionId,
        news.commentId,
        news.decision,
        news.excerpt,
        event.created_at,
        recipients.map((r) => r.userId),
        recipients.map((r) => r.kind),
      ],
    );
    return rows.map((row) => row.user_id);
  }
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
