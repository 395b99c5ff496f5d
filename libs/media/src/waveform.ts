/** Audio peaks for drawing a waveform: min/max pairs, each in −1…1. */
export interface WaveformPeaks {
  version: 1;
  /** Samples (at sampleRate, mono) summarised by each min/max pair. */
  samplesPerPeak: number;
  sampleRate: number;
  /** Interleaved [min0, max0, min1, max1, …], rounded to 1/1000. */
  peaks: number[];
}

function level(sample: number): number {
  return Math.round((sample / 32768) * 1000) / 1000;
}

/** Min/max per bucket of `samplesPerPeak` samples; the last bucket may be shorter. */
export function computePeaks(samples: Int16Array, samplesPerPeak: number): number[] {
  const accumulator = new PeakAccumulator(samplesPerPeak);
  accumulator.pushSamples(samples);
  return accumulator.finish();
}

/** Builds peaks from 16-bit little-endian PCM arriving in chunks of any size (odd ones too). */
export class PeakAccumulator {
  private readonly peaks: number[] = [];
  private min = 32767;
  private max = -32768;
  private count = 0;
  private carry: number | null = null;

  constructor(readonly samplesPerPeak: number) {
    if (!Number.isInteger(samplesPerPeak) || samplesPerPeak < 1) {
      throw new RangeError(`samplesPerPeak must be a positive integer, not ${samplesPerPeak}`);
    }
  }

  /** Raw s16le bytes. */
  push(bytes: Uint8Array): void {
    let offset = 0;
    if (this.carry !== null && bytes.length > 0) {
      this.add((((bytes[0] << 8) | this.carry) << 16) >> 16);
      this.carry = null;
      offset = 1;
    }
    for (; offset + 1 < bytes.length; offset += 2) {
      this.add((((bytes[offset + 1] << 8) | bytes[offset]) << 16) >> 16);
    }
    if (offset < bytes.length) this.carry = bytes[offset];
  }

  pushSamples(samples: Int16Array): void {
    for (const sample of samples) this.add(sample);
  }

  private add(sample: number): void {
    if (sample < this.min) this.min = sample;
    if (sample > this.max) this.max = sample;
    this.count += 1;
    if (this.count === this.samplesPerPeak) this.flush();
  }

  private flush(): void {
    if (this.count === 0) return;
    this.peaks.push(level(this.min), level(this.max));
    this.min = 32767;
    this.max = -32768;
    this.count = 0;
  }

  finish(): number[] {
    this.flush();
    return this.peaks;
  }
}
