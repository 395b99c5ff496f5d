import path from 'node:path';

/** Files a version exposes, relative to its folder: nothing else can be asked for. */
const SERVABLE = [
  /^master\.m3u8$/,
  /^[a-z0-9_]{1,32}\/(index\.m3u8|init\.mp4|seg_\d{1,6}\.m4s)$/,
  /^poster\.jpg$/,
  /^storyboard\/thumbnails\.vtt$/,
  /^storyboard\/sprite_\d{1,5}\.jpg$/,
  /^waveform\.json$/,
];

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
  '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json',
};

export interface ServableFile {
  relative: string;
  contentType: string;
  /** Playlists change while a version is still processing; everything else never changes. */
  mutable: boolean;
  /** HLS files live under `hls/` (or `hls.partial/` while processing); the rest beside it. */
  inHls: boolean;
}

/** Checks a requested media path against the whitelist; undefined means 404. */
export function servableFile(requested: string): ServableFile | undefined {
  if (!SERVABLE.some((pattern) => pattern.test(requested))) return undefined;
  const ext = path.extname(requested);
  return {
    relative: requested,
    contentType: CONTENT_TYPES[ext],
    mutable: ext === '.m3u8',
    inHls: ext === '.m3u8' || ext === '.m4s' || ext === '.mp4',
  };
}

/** A Content-Disposition that survives any file name (RFC 6266 / 5987). */
export function attachmentHeader(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * How to answer a `Range` header for a file of `size` bytes (RFC 9110 §14.2): `partial` serves
 * the ranges, `whole` the entire file (no header, another unit, bad syntax, or a suffix at least
 * as long as the file), `unsatisfiable` is a 416: no range in the set starts inside the file.
 */
export function rangeAnswer(
  header: string | undefined,
  size: number,
  options: { ifRange?: boolean } = {},
): 'partial' | 'whole' | 'unsatisfiable' {
  const set = header === undefined ? undefined : /^\s*bytes=(.*)$/i.exec(header)?.[1];
  if (set === undefined) return 'whole';
  const specs = set.split(',').map((spec) => /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(spec));
  if (specs.some((spec) => !spec || (spec[1] === '' && spec[2] === ''))) return 'whole';
  let satisfiable = false;
  for (const [, first, last] of specs as RegExpExecArray[]) {
    if (first === '') {
      const suffix = Number(last);
      if (suffix >= size && suffix > 0) return 'whole';
      if (suffix > 0) satisfiable = true;
    } else {
      if (last !== '' && Number(last) < Number(first)) return 'whole';
      if (Number(first) < size) satisfiable = true;
    }
  }
  // A client whose copy may have changed (If-Range) gets the whole file rather than a 416.
  if (!satisfiable) return options.ifRange ? 'whole' : 'unsatisfiable';
  return 'partial';
}
