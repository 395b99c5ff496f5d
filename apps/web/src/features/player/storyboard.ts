/** One thumbnail of the storyboard: a rectangle of a sprite image, shown for a span of time. */
export interface StoryboardCue {
  start: number;
  end: number;
  url: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}\.\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}\.\d{1,3})/;

function vttSeconds(stamp: string): number {
  const parts = stamp.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Reads a WebVTT thumbnails track: each cue's text is a sprite URL (relative to the track) with
 * `#xywh=x,y,w,h`. Cues it cannot read are skipped, so one bad line never hides the rest.
 */
export function parseStoryboardVtt(text: string, trackUrl: string): StoryboardCue[] {
  const cues: StoryboardCue[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const timing = TIMING.exec(lines[index]);
    if (!timing) continue;
    const target = lines[index + 1]?.trim();
    if (!target) continue;
    const hash = target.indexOf('#xywh=');
    if (hash < 0) continue;
    const box = target
      .slice(hash + '#xywh='.length)
      .split(',')
      .map(Number);
    if (box.length !== 4 || box.some((value) => !Number.isFinite(value) || value < 0)) continue;
    let url: string;
    try {
      url = new URL(target.slice(0, hash), trackUrl).href;
    } catch {
      continue;
    }
    const [x, y, width, height] = box;
    cues.push({ start: vttSeconds(timing[1]), end: vttSeconds(timing[2]), url, x, y, width, height });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The thumbnail for a moment (the last cue starting at or before it). */
export function storyboardCueAt(cues: readonly StoryboardCue[], seconds: number): StoryboardCue | undefined {
  let low = 0;
  let high = cues.length - 1;
  let found: StoryboardCue | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (cues[middle].start <= seconds) {
      found = cues[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
