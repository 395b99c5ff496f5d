import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { OnDemand, onDemand } from '../../lib/on-demand';
import { unreadBadge } from './activity-item';
import { useUnreadCount } from './activity-queries';
import './activity.css';

/** The feed is fetched the first time the bell is opened: most pages never show it. */
const ActivityFeed = onDemand(async () => (await import('./ActivityFeed')).ActivityFeed);

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/** The header's bell: my unread count, live, and my feed in a panel under it. */
export function ActivityBell() {
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const location = useLocation();
  const count = unread.data ?? 0;
  const badge = unreadBadge(count);

  // Following a link, pressing Escape or clicking elsewhere closes the panel.
  const [shownAt, setShownAt] = useState(location.key);
  if (shownAt !== location.key) {
    setShownAt(location.key);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="activity" ref={container}>
      <button
        type="button"
        className="activity-bell"
        data-testid="activity-bell"
        aria-label={count === 0 ? 'Activity, nothing unread' : `Activity, ${count} unread`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {badge !== null && (
          <span className="activity-count" data-testid="activity-unread">
            {badge}
          </span>
        )}
      </button>
      {open && (
        <OnDemand
          what="The activity feed"
          className="activity-panel"
          loading={
            <div className="activity-panel" id={panelId} role="status" aria-label="Activity">
              Loading…
            </div>
          }
        >
          <ActivityFeed id={panelId} unread={count} onNavigate={() => setOpen(false)} />
        </OnDemand>
      )}
    </div>
  );
}
