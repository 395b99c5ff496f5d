import { parseStoryboardVtt, storyboardCueAt } from './storyboard';

const track = 'https://cutroom.example/api/versions/v1/media/storyboard.vtt';

const vtt = `WEBVTT

1
00:00:00.000 --> 00:00:02.000
storyboard/sprite_0.jpg#xywh=0,0,160,90

2
00:00:02.000 --> 00:00:04.000
storyboard/sprite_0.jpg#xywh=160,0,160,90

00:01:04.000 --> 01:00:06.500
storyboard/sprite_1.jpg#xywh=0,90,160,90
`;

describe('storyboard thumbnails', () => {
  it('reads each cue with its sprite rectangle, resolved against the track', () => {
    const cues = parseStoryboardVtt(vtt, track);
    expect(cues).toHaveLength(3);
    expect(cues[1]).toEqual({
      start: 2,
      end: 4,
      url: 'https://cutroom.example/api/versions/v1/media/storyboard/sprite_0.jpg',
      x: 160,
      y: 0,
      width: 160,
      height: 90,
    });
    expect(cues[2]).toMatchObject({ start: 64, end: 3606.5, y: 90 });
  });

  it('skips cues it cannot read and keeps the rest', () => {
    const cues = parseStoryboardVtt(
      'WEBVTT\r\n\r\n00:00.000 --> 00:02.000\r\nsprite.jpg\r\n\r\n00:02.000 --> 00:04.000\r\nsprite.jpg#xywh=0,0,10,10\r\n',
      track,
    );
    expect(cues).toHaveLength(1);
    expect(cues[0].start).toBe(2);
  });

  it('finds the thumbnail for a moment', () => {
    const cues = parseStoryboardVtt(vtt, track);
    expect(storyboardCueAt(cues, 0)?.x).toBe(0);
    expect(storyboardCueAt(cues, 3.9)?.x).toBe(160);
    expect(storyboardCueAt(cues, 100)?.y).toBe(90);
    expect(storyboardCueAt([], 1)).toBeUndefined();
  });
});
