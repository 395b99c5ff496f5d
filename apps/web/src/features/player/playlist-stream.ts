import type { QualityLevel } from './playback-snapshot';
import type { PlaybackSource } from './playback-source';

/** What a stream tells the engine while it loads and plays a version's playlist. */
export interface PlaylistStreamEvents {
  /** The renditions a person may choose between. */
  levels(levels: QualityLevel[]): void;
  /** Playable now; `positioned` is false when the start frame still has to be sought. */
  ready(positioned: boolean): void;
  activeLevel(level: number): void;
  /** More of the playlist is loaded or buffered: the playable range may have grown. */
  buffered(): void;
  /** Playback cannot go on; `message` says so to the person watching. */
  failed(message: string): void;
}

export interface PlaylistStream {
  /** −1 for automatic; absent where the browser chooses the rendition itself. */
  setLevel?(level: number): void;
  destroy(): void;
}

/** Starts streaming `url` into `source`, from `startSeconds` where the stream can start there itself. */
export type OpenPlaylistStream<Source extends PlaybackSource> = (
  source: Source,
  request: { url: string; startSeconds: number },
  events: PlaylistStreamEvents,
) => PlaylistStream;
