import type { ActivityItem } from '@cutroom/contracts';
import { Link } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { RelativeTime } from '../../lib/RelativeTime';
import { describeActivity, newestItemId } from './activity-item';
import { useActivityFeed, useMarkActivityRead } from './activity-queries';

function ActivityRow({
  item,
  onOpen,
  onMarkRead,
}: {
  item: ActivityItem;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const view = describeActivity(item);
  return (
    <li
      className={`activity-item${item.read ? '' : ' activity-unread'}`}
      data-testid="activity-item"
      data-kind={item.kind}
      data-read={item.read}
    >
      <Link className="activity-link" to={view.href} onClick={onOpen}>
        <span className="activity-headline">
          {!item.read && (
            <>
              <span className="activity-dot" aria-hidden="true" />
              <span className="visually-hidden">Unread: </span>
            </>
          )}
          {view.headline}
        </span>
        <span className="activity-where">{view.where}</span>
        {item.excerpt !== null && <span className="activity-excerpt">“{item.excerpt}”</span>}
        <RelativeTime className="activity-time" iso={item.createdAt} />
      </Link>
      {!item.read && (
        <button
          type="button"
          className="link-button activity-mark"
          data-testid="mark-read"
          aria-label={`Mark read: ${view.headline}`}
          onClick={onMarkRead}
        >
          Mark read
        </button>
      )}
    </li>
  );
}

/** My feed: mentions, replies, decisions and new versions, newest first, each a link to where it happened. */
export function ActivityFeed({
  id,
  unread,
  onNavigate,
}: {
  id: string;
  unread: number;
  onNavigate: () => void;
}) {
  const feed = useActivityFeed(true);
  const markRead = useMarkActivityRead();
  // Fixed while the panel is open: "5 min ago" needs no ticking clock for a glance.
  const pages = feed.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const newest = newestItemId(pages);

  return (
    <div className="activity-panel" id={id} role="region" aria-label="Activity" data-testid="activity-panel">
      <div className="activity-panel-head">
        <h2>Activity</h2>
        <button
          type="button"
          className="link-button"
          data-testid="mark-all-read"
          disabled={unread === 0 || newest === null || markRead.isPending}
          onClick={() => newest !== null && markRead.mutate({ upTo: newest })}
        >
          Mark all read
        </button>
      </div>
      {feed.isPending && <p role="status">Loading activity…</p>}
      {(feed.error ?? markRead.error) && (
        <p className="form-alert" role="alert">
          {describeError(feed.error ?? markRead.error)}
        </p>
      )}
      {feed.data && items.length === 0 && (
        <p className="activity-empty">
          Nothing yet. Mentions of you, replies to your notes, decisions and new versions show up here.
        </p>
      )}
      <ol className="activity-list" aria-label="Activity items">
        {items.map((item) => (
          <ActivityRow
            key={item.id}
            item={item}
            onOpen={() => {
              if (!item.read) markRead.mutate({ itemId: item.id });
              onNavigate();
            }}
            onMarkRead={() => markRead.mutate({ itemId: item.id })}
          />
        ))}
      </ol>
      {feed.hasNextPage && (
        <button
          type="button"
          className="button button-small activity-more"
          disabled={feed.isFetchingNextPage}
          onClick={() => void feed.fetchNextPage()}
        >
          {feed.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </button>
      )}
    </div>
  );
}
