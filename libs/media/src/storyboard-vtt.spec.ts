import { StoryboardLayout } from './extras-args';
import { formatVttTime, writeStoryboardVtt } from './storyboard-vtt';

const layout: StoryboardLayout = {
  fpsNum: 24000,
  fpsDen: 1001,
  frameCount: 130,
  intervalFrames: 48,
  thumbWidth: 160,
  thumbHeight: 90,
  columns: 2,
  rows: 1,
  thumbnailCount: 3,
  sheetCount: 2,
};

describe('storyboard WebVTT', () => {
  it('has one cue per thumbnail, contiguous, ending with the last frame, pointing at its tile', () => {
    expect(writeStoryboardVtt(layout)).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:02.002',
        'sprite_000.jpg#xywh=0,0,160,90',
        '',
        '00:00:02.002 --> 00:00:04.004',
        'sprite_000.jpg#xywh=160,0,160,90',
        '',
        '00:00:04.004 --> 00:00:05.422',
        'sprite_001.jpg#xywh=0,0,160,90',
        '',
      ].join('\n'),
    );
  });

  it('moves to the next row after the last column and can prefix the sprite URIs', () => {
    const text = writeStoryboardVtt({ ...layout, columns: 1, rows: 2, sheetCount: 2 }, 'storyboard/');
    expect(text).toContain('storyboard/sprite_000.jpg#xywh=0,90,160,90');
    expect(text).toContain('storyboard/sprite_001.jpg#xywh=0,0,160,90');
  });

  it('formats hours, minutes, seconds and milliseconds', () => {
    expect(formatVttTime(0)).toBe('00:00:00.000');
    expect(formatVttTime(3725.0416)).toBe('01:02:05.042');
    expect(formatVttTime(90000)).toBe('25:00:00.000');
  });
});
