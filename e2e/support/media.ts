import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';

/**
 * The api offers a waveform address for every video, and answers 404 for one without sound; the player
 * then goes without a waveform. (Tracked as an api fix: no waveform URL when there is no audio.)
 */
export const NO_AUDIO_WAVEFORM = /^404 GET \/api\/versions\/[0-9a-f-]{36}\/media\/waveform\.json$/;

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

/** Drags a file from the desktop onto `target` and drops it, as a person would. */
export async function dropFile(target: Locator, file: string, name = path.basename(file)): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle(
    ({ base64, fileName }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'video/mp4' }));
      return transfer;
    },
    { base64: readFileSync(file).toString('base64'), fileName: name },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/**
 * A standard MP4 cut short: ffmpeg writes its index (`moov`) at the end unless asked for faststart,
 * so keeping the first half leaves picture data and no index, as an interrupted copy or export does.
 */
export function makeTruncatedClip(directory: string, name = 'cut-short.mp4'): string {
  const whole = makeTestClip(directory, `whole-${name}`);
  const file = path.join(directory, name);
  const bytes = readFileSync(whole);
  writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return file;
}
