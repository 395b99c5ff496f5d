import type { Version } from '@cutroom/contracts';

/** The versions a compare view can play: videos that finished processing, newest first. */
export function playableVideos(versions: readonly Version[]): Version[] {
  return versions
    .filter((version) => version.status === 'ready' && version.media?.kind === 'video')
    .sort((x, y) => y.number - x.number);
}

/**
 * The two versions to compare: those the link names when it names playable ones, else B is the
 * newest and A the one before B. Null with fewer than two.
 */
export function defaultPair(
  videos: readonly Version[],
  aId: string | null,
  bId: string | null,
): { a: Version; b: Version } | null {
  if (videos.length < 2) return null;
  const named = (id: string | null) => videos.find((version) => version.id === id);
  const b = named(bId) ?? videos[0];
  const a = named(aId) ?? videos.find((version) => version.number < b.number) ?? videos.find((v) => v !== b);
  return a ? { a, b } : null;
}

/**
 * The compare view of a cut's two versions. It opens with A on `at.a` (B on its match), or with B
 * on `at.b` (A on the picture B shows there, once the frame map is read): the review page's frame
 * is B's, as the version on screen is B.
 */
export function compareLink(
  assetId: string,
  aId: string,
  bId: string,
  at: { a?: number; b?: number } = {},
): string {
  const frame = at.a !== undefined && at.a > 0 ? `&frame=${at.a}` : '';
  const bFrame = at.b !== undefined && at.b > 0 ? `&bframe=${at.b}` : '';
  return `/assets/${assetId}/compare?a=${aId}&b=${bId}${frame}${bFrame}`;
}

/**
 * Back from the compare view to the review page of B (the version the review page opened it on),
 * on the frame B shows: leaving compare does not lose the place.
 */
export function reviewLinkFromCompare(assetId: string, bNumber: number, bFrame: number): string {
  const frame = bFrame > 0 ? `&frame=${bFrame}` : '';
  return `/assets/${assetId}?version=${bNumber}${frame}`;
}

/**
 * The compare view's address once it stands on A's `aFrame`: the frame it shows (none for 0), and
 * no `bframe` (it only says where the view opened). Null when the address says so already.
 */
export function compareQueryShowing(query: URLSearchParams, aFrame: number): URLSearchParams | null {
  const next = new URLSearchParams(query);
  next.delete('bframe');
  if (aFrame > 0) next.set('frame', String(aFrame));
  else next.delete('frame');
  return next.toString() === query.toString() ? null : next;
}
