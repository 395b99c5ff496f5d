import type { PlayerHandle } from '../player/Player';

/**
 * Starting to type a note: the frame on screen at that keystroke is the note's, read at once; playback
 * stops and the picture is put back on that frame. Null without a player (a still, or nothing to play).
 */
export function holdFrameForNote(player: PlayerHandle | null): number | null {
  if (!player) return null;
  const frame = player.playheadFrame;
  if (player.playing) {
    player.pause();
    player.seekToFrame(frame);
  }
  return frame;
}
