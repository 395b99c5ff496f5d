import { spriteFileName, StoryboardLayout } from './extras-args';

/** WebVTT time, "HH:MM:SS.mmm". */
export function formatVttTime(totalSeconds: number): string {
  const millis = Math.round(totalSeconds * 1000);
  const hours = Math.floor(millis / 3_600_000);
  const minutes = Math.floor((millis % 3_600_000) / 60_000);
  const secs = Math.floor((millis % 60_000) / 1000);
  const ms = millis % 1000;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${two(secs)}.${String(ms).padStart(3, '0')}`;
}

/**
 * The thumbnails track for scrub previews: one cue per thumbnail, from its frame
 * to the next thumbnail's, pointing at its tile (`sprite_000.jpg#xywh=x,y,w,h`).
 * Sprite URIs are relative to the VTT file unless a prefix is given.
 */
export function writeStoryboardVtt(layout: StoryboardLayout, spritePrefix = ''): string {
  const perSheet = layout.columns * layout.rows;
  const frameTime = (frame: number) => formatVttTime((frame * layout.fpsDen) / layout.fpsNum);
  const lines = ['WEBVTT', ''];
  for (let index = 0; index < layout.thumbnailCount; index += 1) {
    const startFrame = index * layout.intervalFrames;
    const endFrame = Math.min(layout.frameCount, startFrame + layout.intervalFrames);
    const tile = index % perSheet;
    const x = (tile % layout.columns) * layout.thumbWidth;
    const y = Math.floor(tile / layout.columns) * layout.thumbHeight;
    lines.push(
      `${frameTime(startFrame)} --> ${frameTime(endFrame)}`,
      `${spritePrefix}${spriteFileName(Math.floor(index / perSheet))}#xywh=${x},${y},${layout.thumbWidth},${layout.thumbHeight}`,
      '',
    );
  }
  return lines.join('\n');
}
