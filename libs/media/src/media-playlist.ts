/** A rendition's media playlist: what we read from ffmpeg and what we publish. */
export interface MediaPlaylist {
  /** The EXT-X-MAP init segment. */
  mapUri: string | null;
  segments: MediaSegment[];
  /** ffmpeg wrote EXT-X-ENDLIST: it has finished this output. */
  ended: boolean;
}

export interface MediaSegment {
  durationSeconds: number;
  uri: string;
}

export type PublishedPlaylistType = 'EVENT' | 'VOD';

const SAFE_URI = /^[A-Za-z0-9._-]+$/;

/**
 * Reads ffmpeg's playlist. ffmpeg 4.1 rewrites it in place, so a reader can catch
 * it half-written: only entries whose lines are complete are kept.
 */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const lines = complete.split(/\r?\n/).map((line) => line.trim());
  const playlist: MediaPlaylist = { mapUri: null, segments: [], ended: false };
  let pendingDuration: number | null = null;
  for (const line of lines) {
    if (!line) continue;
    if (line.startsWith('#EXT-X-MAP:')) {
      const uri = /URI="([^"]*)"/.exec(line)?.[1];
      if (uri && SAFE_URI.test(uri)) playlist.mapUri = uri;
    } else if (line.startsWith('#EXTINF:')) {
      const duration = Number(line.slice('#EXTINF:'.length).split(',')[0]);
      pendingDuration = Number.isFinite(duration) && duration > 0 ? duration : null;
    } else if (line === '#EXT-X-ENDLIST') {
      playlist.ended = true;
    } else if (!line.startsWith('#')) {
      if (pendingDuration !== null && SAFE_URI.test(line)) {
        playlist.segments.push({ durationSeconds: pendingDuration, uri: line });
      }
      pendingDuration = null;
    }
  }
  return playlist;
}

/**
 * Writes the playlist players read: EVENT while segments are still appearing
 * (players poll it and may start playing), VOD with EXT-X-ENDLIST once complete.
 * The target duration must not change while the playlist grows, so it comes from the plan.
 */
export function writeMediaPlaylist(
  playlist: MediaPlaylist,
  options: { type: PublishedPlaylistType; targetDurationSeconds: number },
): string {
  if (!playlist.mapUri) throw new Error('An fMP4 playlist needs its init segment (EXT-X-MAP)');
  if (options.type === 'VOD' && !playlist.ended) {
    throw new Error('Only a finished playlist can be published as VOD');
  }
  const longest = Math.max(0, ...playlist.segments.map((segment) => Math.round(segment.durationSeconds)));
  const target = Math.max(1, Math.round(options.targetDurationSeconds), longest);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    `#EXT-X-PLAYLIST-TYPE:${options.type}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="${playlist.mapUri}"`,
  ];
  for (const segment of playlist.segments) {
    lines.push(`#EXTINF:${segment.durationSeconds.toFixed(6)},`, segment.uri);
  }
  if (options.type === 'VOD') lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
