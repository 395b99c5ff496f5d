import type { VersionMedia } from '@cutroom/contracts';
import { frameToTimecode } from '@cutroom/timecode';
import { describeConforming, describeFrameRate, labelFrame, timebaseOf } from './timebase';

const media: VersionMedia = {
  kind: 'video',
  fpsNum: 30000,
  fpsDen: 1001,
  frameCount: 1800,
  durationSeconds: 60.06,
  width: 1920,
  height: 1080,
  startTimecode: '01:00:00;00',
  dropFrame: true,
  variableFrameRate: false,
};

describe('the timebase of a version', () => {
  it('labels frames from the source start timecode, drop-frame at 29.97', () => {
    const timebase = timebaseOf(media);
    expect(labelFrame(timebase, 0, 'timecode')).toBe('01:00:00;00');
    expect(labelFrame(timebase, 1800, 'timecode')).toBe('01:01:00;02');
    expect(labelFrame(timebase, 1800, 'timecode')).toBe(
      frameToTimecode(1800, {
        rate: timebase.rate,
        dropFrame: true,
        startFrame: timebase.timecode.startFrame,
      }),
    );
  });

  it('shows frame numbers from 0 whatever the start timecode, and seconds from the first frame', () => {
    const timebase = timebaseOf(media);
    expect(labelFrame(timebase, 12, 'frame')).toBe('12');
    expect(labelFrame(timebase, 30, 'seconds')).toBe('0:01.001');
  });

  it('steps a second as the whole-number rate', () => {
    expect(timebaseOf({ ...media, fpsNum: 24000, fpsDen: 1001 }).framesPerSecond).toBe(24);
  });

  it('ignores a drop-frame flag at a rate that has no drop-frame', () => {
    const timebase = timebaseOf({ ...media, fpsNum: 25, fpsDen: 1, startTimecode: '10:00:00:00' });
    expect(timebase.timecode.dropFrame).toBe(false);
    expect(labelFrame(timebase, 25, 'timecode')).toBe('10:00:01:00');
  });

  it('still plays a version without a probed rate or with a start timecode it cannot read', () => {
    const audio = timebaseOf({
      ...media,
      kind: 'audio',
      fpsNum: null,
      fpsDen: null,
      frameCount: null,
      startTimecode: 'junk',
    });
    expect(audio.hasFrameRate).toBe(false);
    expect(audio.frameCount).toBe(Math.round(60.06 * 25));
    expect(labelFrame(audio, 0, 'timecode')).toBe('00:00:00:00');
    expect(timebaseOf(null).frameCount).toBeNull();
  });

  it('writes rates as people say them', () => {
    expect(describeFrameRate({ fpsNum: 24000, fpsDen: 1001 })).toBe('23.976 fps');
    expect(describeFrameRate({ fpsNum: 30000, fpsDen: 1001 })).toBe('29.97 fps');
    expect(describeFrameRate({ fpsNum: 25, fpsDen: 1 })).toBe('25 fps');
    expect(describeFrameRate({ fpsNum: null, fpsDen: null })).toBeNull();
  });

  it('says a variable-rate source was conformed, at which rate, and its own average', () => {
    const phone = {
      fpsNum: 30,
      fpsDen: 1,
      variableFrameRate: true,
      conformed: true,
      sourceAverageFps: 23.4637,
    };
    expect(describeConforming(phone)).toBe(
      'The source has a variable frame rate (23.46 fps on average). It was conformed to 30 fps: every frame ' +
        'appears at its own time, held until the next one, and frame numbers and timecode count at 30 fps.',
    );
    expect(describeConforming({ ...media, variableFrameRate: false })).toBeNull();
    // Processed before conforming: made constant at the average.
    expect(describeConforming({ fpsNum: 24000, fpsDen: 1001, variableFrameRate: true })).toBe(
      'The source has a variable frame rate; it was made constant at 23.976 fps for review.',
    );
  });
});
