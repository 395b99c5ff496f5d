import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readAudioCodec, readAvcCodec } from './mp4-codecs';

// Init segments written by ffmpeg 5.1's HLS muxer (fMP4).
const init = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '__fixtures__/init', name)));

describe('codec strings from an fMP4 init segment', () => {
  it('reads High profile level 3.0 from x264 veryfast', () => {
    expect(readAvcCodec(init('h264-high-veryfast.mp4'))).toBe('avc1.64001e');
  });

  it('reads Constrained Baseline (with its constraint flags) from x264 ultrafast', () => {
    expect(readAvcCodec(init('h264-ultrafast.mp4'))).toBe('avc1.42c01e');
  });

  it('reads AAC-LC as mp4a.40.2', () => {
    expect(readAudioCodec(init('aac-lc.mp4'))).toBe('mp4a.40.2');
  });

  it('finds no video codec in an audio init segment and survives garbage', () => {
    expect(readAvcCodec(init('aac-lc.mp4'))).toBeNull();
    expect(readAudioCodec(init('h264-ultrafast.mp4'))).toBeNull();
    expect(readAvcCodec(new Uint8Array([0, 0, 0, 99, 1, 2, 3]))).toBeNull();
    expect(readAvcCodec(new Uint8Array(0))).toBeNull();
  });
});
