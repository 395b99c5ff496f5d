import { useEffect, useState } from 'react';
import { formatDateTime, formatRelative, relativeRefreshMs } from './dates';

/** "2 min ago", kept current as time passes; the exact date and time on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setNowMs(Date.now()), relativeRefreshMs(iso, nowMs));
    return () => clearTimeout(timer);
  }, [iso, nowMs]);
  const exact = formatDateTime(iso);
  return (
    <time
      className={className}
      dateTime={iso}
      title={exact}
      aria-label={`${formatRelative(iso, nowMs)}, ${exact}`}
    >
      {formatRelative(iso, nowMs)}
    </time>
  );
}
