import type { Asset, VersionMedia } from '@cutroom/contracts';
import { allowsDropFrame, formatSeconds, frameToTimecode, TimecodeError } from '@cutroom/timecode';

export const ASSET_SORTS = ['activity', 'name', 'created', 'duration'] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];
export const ASSET_VIEWS = ['grid', 'list'] as const;
export type AssetView = (typeof ASSET_VIEWS)[number];

export const sortLabels: Record<AssetSort, string> = {
  activity: 'Last activity',
  name: 'Name',
  created: 'Created',
  duration: 'Duration',
};

/** A cut's length in seconds, for sorting; null when nothing has been probed yet. */
function durationSeconds(asset: Asset): number | null {
  const media = asset.latestVersion?.media;
  if (!media) return null;
  if (media.frameCount !== null && media.fpsNum && media.fpsDen) {
    return (media.frameCount * media.fpsDen) / media.fpsNum;
  }
  return media.durationSeconds;
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The cuts in the chosen order: names A–Z; newest activity, newest created and longest first.
 * Ties (and cuts without a duration, last) fall back to the name, so the order never jumps.
 */
export function sortAssets(assets: readonly Asset[], sort: AssetSort): Asset[] {
  const named = (a: Asset, b: Asset) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id);
  const newest = (a: string, b: string) => Date.parse(b) - Date.parse(a);
  return [...assets].sort((a, b) => {
    switch (sort) {
      case 'name':
        return named(a, b);
      case 'activity':
        return newest(a.lastActivityAt, b.lastActivityAt) || named(a, b);
      case 'created':
        return newest(a.createdAt, b.createdAt) || named(a, b);
      case 'duration': {
        const [x, y] = [durationSeconds(a), durationSeconds(b)];
        if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || named(a, b);
        return y - x || named(a, b);
      }
    }
  });
}

/**
 * How long a version runs: timecode at its own rate ("00:01:30:12", drop-frame ";" where it
 * applies), seconds for sound without a frame rate; null before it has been probed or for a still.
 */
export function describeDuration(media: VersionMedia | null | undefined): string | null {
  if (!media || media.kind === 'still') return null;
  if (media.frameCount !== null && media.fpsNum && media.fpsDen) {
    const rate = { fpsNum: media.fpsNum, fpsDen: media.fpsDen };
    try {
      return frameToTimecode(media.frameCount, { rate, dropFrame: media.dropFrame && allowsDropFrame(rate) });
    } catch (error) {
      // Longer than a day: timecode wraps, seconds do not.
      if (!(error instanceof TimecodeError)) throw error;
    }
  }
  return media.durationSeconds !== null ? formatSeconds(media.durationSeconds, 0) : null;
}
