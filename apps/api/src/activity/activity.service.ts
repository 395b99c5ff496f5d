import { Injectable } from '@nestjs/common';
import type {
  ActivityItem,
  ActivityKind,
  ActivityPage,
  ActivityQuery,
  DecisionKind,
  MarkActivityReadBody,
} from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { queryRows } from '../database/query-rows.js';
import { excerptOf } from './activity-excerpt.js';
import { notifyUnreadChanged } from './activity-fanout.js';
import { ASSET_IS_LIVE, ITEM_COLUMNS, ITEM_JOINS, READER_IS_MEMBER } from './notification-items.sql.js';
import { ActivityErrorCode, ActivityException } from './activity.exception.js';

interface ItemRow {
  id: string;
  kind: ActivityKind;
  asset_id: string;
  seq: string;
  /** The project the cut is in now (see ITEM_JOINS). */
  item_project_id: string;
  project_name: string;
  asset_name: string;
  version_id: string | null;
  version_number: number | null;
  comment_id: string | null;
  comment_body: string | null;
  frame: number | null;
  decision: DecisionKind | null;
  excerpt: string | null;
  actor_id: string | null;
  /** The actor's account, when they have one (a guest has none). */
  actor_user_id: string | null;
  actor_name: string | null;
  created_at: Date;
  read_at: Date | null;
}

/**
 * A person's feed, newest first. Items are listed by id, the order they were added in, not by
 * when their event happened: an item fanned out late then shows on top as new, and "read up to
 * here" never marks read an item its reader was never shown.
 */
@Injectable()
export class ActivityService {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, query: ActivityQuery): Promise<ActivityPage> {
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.asset_id, n.seq, n.version_id, n.comment_id, n.decision, n.excerpt,
              n.actor_id, n.created_at, n.read_at, ${ITEM_COLUMNS}
       FROM notifications n ${ITEM_JOINS}
       WHERE ${READER_IS_MEMBER} AND ${ASSET_IS_LIVE} AND n.user_id = $1 AND ($2::bigint IS NULL OR n.id < $2::bigint)
       ORDER BY n.id DESC
       LIMIT $3`,
      [userId, query.before ?? null, query.limit + 1],
    );
    const items = rows.slice(0, query.limit).map(toItem);
    return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM notifications n WHERE ${READER_IS_MEMBER} AND ${ASSET_IS_LIVE} AND n.user_id = $1 AND n.read_at IS NULL`,
      [userId],
    );
    return Number(row.count);
  }

  /** Marks read every item up to and including `upTo`, or all; returns the unread count left. */
  async markRead(userId: string, body: MarkActivityReadBody): Promise<number> {
    const marked = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE notifications SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint IS NULL OR id <= $2::bigint)
       RETURNING id`,
      [userId, body.upTo === 'all' ? null : body.upTo],
    );
    if (marked.length > 0) await notifyUnreadChanged(this.dataSource.manager, [userId]);
    return this.unreadCount(userId);
  }

  async markItemRead(userId: string, itemId: string): Promise<number> {
    const found = await queryRows<{ was_unread: boolean }>(
      this.dataSource.manager,
      `UPDATE notifications n SET read_at = coalesce(n.read_at, now())
       WHERE n.id = $2 AND n.user_id = $1 AND ${READER_IS_MEMBER}
       RETURNING (SELECT o.read_at IS NULL FROM notifications o WHERE o.id = n.id) AS was_unread`,
      [userId, itemId],
    );
    if (found.length === 0) {
      throw new ActivityException(ActivityErrorCode.ItemNotFound, 'No such item in your activity.');
    }
    if (found[0].was_unread) await notifyUnreadChanged(this.dataSource.manager, [userId]);
    return this.unreadCount(userId);
  }
}

function toItem(row: ItemRow): ActivityItem {
  return {
    id: row.id,
    kind: row.kind,
    actor:
      row.actor_id || row.actor_name ? { id: row.actor_user_id, displayName: row.actor_name ?? '' } : null,
    project: { id: row.item_project_id, name: row.project_name },
    asset: { id: row.asset_id, name: row.asset_name },
    version:
      row.version_id && row.version_number !== null
        ? { id: row.version_id, number: row.version_number }
        : null,
    seq: Number(row.seq),
    commentId: row.comment_id,
    frame: row.frame,
    decision: row.decision,
    excerpt: row.comment_id ? excerptOf(row.comment_body) : row.excerpt,
    createdAt: row.created_at.toISOString(),
    read: row.read_at !== null,
  };
}
