import type { ActivityItem, ActivityPage } from '@cutroom/contracts';

export interface ActivityView {
  /** "Rosa Reviewer mentioned you", "Orla Owner uploaded v2". */
  headline: string;
  /** Where: the cut, its version and project. */
  where: string;
  /** The app address of what it is about: the cut at its version and frame. */
  href: string;
}

function versionSuffix(item: ActivityItem): string {
  return item.version ? ` v${item.version.number}` : '';
}

/** What happened, in words a person reads in the bell's list; the excerpt is shown apart, as text. */
export function describeActivity(item: ActivityItem): ActivityView {
  const actor = item.actor?.displayName ?? 'Someone';
  const headline = (() => {
    switch (item.kind) {
      case 'mention':
        return `${actor} mentioned you`;
      case 'reply':
        return `${actor} replied`;
      case 'comment':
        return `${actor} left a note`;
      case 'decision':
        return item.decision === 'changes_requested'
          ? `${actor} requested changes on${versionSuffix(item)}`
          : `${actor} approved${versionSuffix(item)}`;
      case 'version':
        return `${actor} uploaded${versionSuffix(item) || ' a new version'}`;
      case 'reminder':
        return `Your decision is due on${versionSuffix(item) || ' this cut'}`;
      case 'session':
        return `${actor} held a live session`;
    }
  })();
  return {
    headline,
    where: `${item.asset.name}${versionSuffix(item)} · ${item.project.name}`,
    href: activityHref(item),
  };
}

/** `/assets/:id?version=N&frame=F`: the review page opens on the version and frame it is about. */
export function activityHref(item: Pick<ActivityItem, 'asset' | 'version' | 'frame'>): string {
  const query = new URLSearchParams();
  if (item.version) query.set('version', String(item.version.number));
  if (item.version && item.frame !== null) query.set('frame', String(item.frame));
  const search = query.toString();
  return `/assets/${encodeURIComponent(item.asset.id)}${search ? `?${search}` : ''}`;
}

/** The bell's badge: nothing for none, "99+" past what fits. */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/** Item ids are increasing integers (as strings, past what a double holds exactly). */
export function compareItemIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The newest item shown, to mark read everything up to it (and nothing that arrived unseen). */
export function newestItemId(pages: readonly Pick<ActivityPage, 'items'>[]): string | null {
  let newest: string | null = null;
  for (const page of pages)
    for (const item of page.items)
      if (newest === null || compareItemIds(item.id, newest) > 0) newest = item.id;
  return newest;
}

/** The feed's pages with items marked read: one by id, or all up to and including `upTo`. */
export function markPagesRead<T extends Pick<ActivityPage, 'items'>>(
  pages: readonly T[],
  target: { itemId: string } | { upTo: string | 'all' },
): T[] {
  const isRead = (item: ActivityItem) =>
    'itemId' in target
      ? item.id === target.itemId
      : target.upTo === 'all' || compareItemIds(item.id, target.upTo) <= 0;
  return pages.map((page) => ({
    ...page,
    items: page.items.map((item) => (!item.read && isRead(item) ? { ...item, read: true } : item)),
  }));
}
