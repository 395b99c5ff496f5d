import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** A small real clip made with ffmpeg: 2 s of ffmpeg's test pattern at 25 fps, 50 frames. */
export function makeTestClip(directory: string, name = 'clip.mp4'): string {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, name);
  execFileSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=25',
    '-t',
    '2',
    '-pix_fmt',
    'yuv420p',
    '-c:v',
    'libx264',
    file,
  ]);
  return file;
}
