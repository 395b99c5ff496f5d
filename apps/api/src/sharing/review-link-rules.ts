import { GUEST_SUFFIX, REVIEW_LINK_LABEL_MAX, type ReviewLinkStatus } from '@cutroom/contracts';

/** Revoked wins over expired: a revoked link is gone for good, an expired one could be remade. */
export function linkStatus(
  link: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): ReviewLinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** How a guest's name reads everywhere: "Ana (guest)", so nobody takes them for a member. */
export function guestDisplayName(name: string): string {
  const trimmed = name.trim();
  return trimmed.endsWith(GUEST_SUFFIX) ? trimmed : `${trimmed}${GUEST_SUFFIX}`;
}

/** A label for a link made without one: what it shows, within the label's length. */
export function defaultLinkLabel(assetNames: readonly string[] | null, projectName: string): string {
  const more = assetNames && assetNames.length > 1 ? ` and ${assetNames.length - 1} more` : '';
  const first = assetNames ? assetNames[0] : projectName;
  const room = REVIEW_LINK_LABEL_MAX - more.length;
  return (first.length > room ? `${first.slice(0, room - 1)}…` : first) + more;
}
