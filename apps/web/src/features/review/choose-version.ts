import type { Version } from '@cutroom/contracts';

/** The version to open without `?version=`: the newest ready one, else the newest of all. */
export function defaultVersion(versions: readonly Version[]): Version | undefined {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return newestFirst.find((version) => version.status === 'ready') ?? newestFirst[0];
}

/** `?version=3` → 3; anything else is no choice. */
export function requestedVersionNumber(param: string | null): number | null {
  if (param === null || !/^\d{1,9}$/.test(param)) return null;
  const number = Number(param);
  return number > 0 ? number : null;
}

/** `?frame=120` → 120 (the frame a link points at); anything else is none. */
export function requestedFrame(param: string | null): number | null {
  if (param === null || !/^\d{1,9}$/.test(param)) return null;
  return Number(param);
}

export function canPlay(version: Version): boolean {
  return version.urls.master !== null && (version.status === 'ready' || version.playable);
}
