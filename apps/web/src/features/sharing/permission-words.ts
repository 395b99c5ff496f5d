import type { LinkPermission } from '@cutroom/contracts';

const verbs: Record<LinkPermission, string> = {
  view: 'watch',
  comment: 'comment',
  approve: 'approve or ask for changes',
  download: 'download the originals',
};

/** "You can watch, comment and approve or ask for changes." — what a link lets its guests do. */
export function describePermissions(permissions: readonly LinkPermission[]): string {
  const words = (['view', 'comment', 'approve', 'download'] as const)
    .filter((p) => p === 'view' || permissions.includes(p))
    .map((p) => verbs[p]);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `You can ${list}.`;
}
