import { isDiskFull } from './disk-full.js';

describe('telling a full disk from other failures', () => {
  it('knows it from Node and from ffmpeg', () => {
    expect(isDiskFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('write failed'), { code: 'EDQUOT' }))).toBe(true);
    const ffmpeg = Object.assign(new Error('ffmpeg exited with code 1'), {
      stderrTail:
        '[hls @ 0x55] Failed to open file seg_00003.m4s\nav_interleaved_write_frame(): No space left on device',
    });
    expect(isDiskFull(ffmpeg)).toBe(true);
  });

  it('does not blame the disk for anything else', () => {
    expect(isDiskFull(Object.assign(new Error('denied'), { code: 'EACCES' }))).toBe(false);
    expect(isDiskFull(new Error('Invalid data found when processing input'))).toBe(false);
    expect(isDiskFull(undefined)).toBe(false);
    expect(isDiskFull('No space left on device')).toBe(false);
  });
});
