/** One report from ffmpeg's `-progress` output, made comparable across jobs. */
export interface FfmpegProgress {
  /** Frames written to the first video output so far (0 for audio-only jobs). */
  frame: number;
  /** Media time written so far, in seconds. */
  outTimeSeconds: number;
  /** Realtime factor (1.5 = 1.5× faster than playback); null until ffmpeg knows. */
  speed: number | null;
  /** 0–100, against the expected frame count (or duration when there is no video). */
  percent: number;
  /** True on the last block (`progress=end`). */
  done: boolean;
}

export interface ProgressExpectation {
  frames?: number | null;
  durationSeconds?: number | null;
}

function finiteOr(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, value));
}

/** Reads one `key=value` block (the lines up to and including `progress=…`). */
export function parseProgressBlock(block: string, expected: ProgressExpectation = {}): FfmpegProgress {
  const fields = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const separator = line.indexOf('=');
    if (separator > 0) fields.set(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
  }
  const frame = Math.max(0, Math.trunc(finiteOr(fields.get('frame'), 0)));
  // out_time_ms is microseconds too (a historical misnomer); prefer out_time_us when present.
  const outTimeMicros = finiteOr(fields.get('out_time_us'), finiteOr(fields.get('out_time_ms'), 0));
  const outTimeSeconds = Math.max(0, outTimeMicros / 1_000_000);
  const speedMatch = /^([\d.]+)x$/.exec(fields.get('speed') ?? '');
  const speed = speedMatch ? Number(speedMatch[1]) : null;
  const done = fields.get('progress') === 'end';

  let percent = 0;
  if (done) percent = 100;
  else if (expected.frames && expected.frames > 0 && frame > 0) percent = (frame / expected.frames) * 100;
  else if (expected.durationSeconds && expected.durationSeconds > 0) {
    percent = (outTimeSeconds / expected.durationSeconds) * 100;
  }
  return { frame, outTimeSeconds, speed, percent: clampPercent(percent), done };
}

/**
 * Splits ffmpeg's progress stream (arriving in arbitrary chunks) into blocks.
 * Each block ends with a `progress=continue` or `progress=end` line.
 */
export class ProgressStreamParser {
  private pending = '';
  private block: string[] = [];

  constructor(private readonly expected: ProgressExpectation = {}) {}

  push(chunk: string): FfmpegProgress[] {
    this.pending += chunk;
    const reports: FfmpegProgress[] = [];
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      const line = this.pending.slice(0, newline).trim();
      this.pending = this.pending.slice(newline + 1);
      if (line) this.block.push(line);
      if (line.startsWith('progress=')) {
        reports.push(parseProgressBlock(this.block.join('\n'), this.expected));
        this.block = [];
      }
      newline = this.pending.indexOf('\n');
    }
    return reports;
  }
}
