/**
 * Peaks as alternating min/max pairs in −1..1. The server's waveform JSON is read defensively: `peaks`
 * or `data` (audiowaveform's name), integer samples scaled by `bits`, per-channel arrays (the first is
 * used), or plain amplitudes (mirrored into pairs).
 */
export function readWaveformPeaks(json: unknown): number[] | null {
  let values: unknown = json;
  let bits: number | undefined;
  if (values && typeof values === 'object' && !Array.isArray(values)) {
    const record = values as Record<string, unknown>;
    bits = typeof record.bits === 'number' ? record.bits : undefined;
    values = record.peaks ?? record.data ?? record.channels;
  }
  if (Array.isArray(values) && Array.isArray(values[0])) values = values[0];
  if (!Array.isArray(values) || values.length < 2) return null;
  const numbers = values.filter(
    (value): value is number => typeof value === 'number' && Number.isFinite(value),
  );
  if (numbers.length < 2) return null;

  const largest = numbers.reduce((most, value) => Math.max(most, Math.abs(value)), 0);
  const scale = largest <= 1 ? 1 : bits ? 2 ** (bits - 1) : largest;
  const scaled = numbers.map((value) => Math.max(-1, Math.min(1, value / scale)));
  if (scaled.every((value) => value >= 0)) return scaled.flatMap((amplitude) => [-amplitude, amplitude]);
  return scaled.length % 2 === 0 ? scaled : scaled.slice(0, -1);
}

/** Min/max per column, for drawing `columns` pixels wide. */
export function peaksPerColumn(peaks: readonly number[], columns: number): Array<[number, number]> {
  const pairs = peaks.length / 2;
  const result: Array<[number, number]> = [];
  if (pairs === 0 || columns <= 0) return result;
  for (let column = 0; column < columns; column += 1) {
    const from = Math.floor((column * pairs) / columns);
    const to = Math.max(from + 1, Math.floor(((column + 1) * pairs) / columns));
    let low = 0;
    let high = 0;
    for (let pair = from; pair < to && pair < pairs; pair += 1) {
      low = Math.min(low, peaks[pair * 2]);
      high = Math.max(high, peaks[pair * 2 + 1]);
    }
    result.push([low, high]);
  }
  return result;
}

/** Gain that makes the loudest peak fill the height, so quiet mixes still show their shape (at most ×20). */
export function waveformGain(peaks: readonly number[]): number {
  const loudest = peaks.reduce((most, value) => Math.max(most, Math.abs(value)), 0);
  return 1 / Math.max(0.05, loudest);
}
