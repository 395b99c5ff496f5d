import { parseProgressBlock, ProgressStreamParser } from './progress';

const BLOCK = `frame=120
fps=60.00
stream_0_0_q=28.0
bitrate= 512.3kbits/s
total_size=262144
out_time_us=5005000
out_time_ms=5005000
out_time=00:00:05.005000
dup_frames=0
drop_frames=0
speed=2.51x
progress=continue`;

describe('ffmpeg -progress parsing', () => {
  it('reads frame, time, speed and percent of the expected frames', () => {
    expect(parseProgressBlock(BLOCK, { frames: 240 })).toEqual({
      frame: 120,
      outTimeSeconds: 5.005,
      speed: 2.51,
      percent: 50,
      done: false,
    });
  });

  it('clamps percent to 0–100 and reports 100 at the end', () => {
    expect(parseProgressBlock(BLOCK, { frames: 100 }).percent).toBe(100);
    expect(parseProgressBlock(BLOCK.replace('continue', 'end'), { frames: 1000 })).toMatchObject({
      percent: 100,
      done: true,
    });
    expect(
      parseProgressBlock('frame=0\nout_time_us=-23000\nprogress=continue', { frames: 10 }),
    ).toMatchObject({
      percent: 0,
      outTimeSeconds: 0,
    });
  });

  it('uses the duration when there are no frames (audio only) and tolerates N/A', () => {
    const audioOnly = 'frame=0\nout_time_us=2500000\nspeed=N/A\nprogress=continue';
    expect(parseProgressBlock(audioOnly, { durationSeconds: 10 })).toMatchObject({
      percent: 25,
      speed: null,
    });
    expect(parseProgressBlock('out_time_us=N/A\nprogress=continue', {})).toMatchObject({
      frame: 0,
      outTimeSeconds: 0,
      percent: 0,
    });
  });

  it('splits a stream arriving in arbitrary chunks into blocks', () => {
    const parser = new ProgressStreamParser({ frames: 240 });
    const stream = `${BLOCK}\n${BLOCK.replace('frame=120', 'frame=240').replace('continue', 'end')}\n`;
    const reports = [];
    for (let i = 0; i < stream.length; i += 7) reports.push(...parser.push(stream.slice(i, i + 7)));
    expect(reports.map((report) => [report.frame, report.percent, report.done])).toEqual([
      [120, 50, false],
      [240, 100, true],
    ]);
  });
});
