import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type FrameCodedClipOptions,
  generateFrameCodedClip,
  readFrameCodes,
  resolveMediaBinaries,
} from '@cutroom/media';
import type { SignedIn } from './http-client.js';
import { tusUpload } from './tus.js';

/** The ffmpeg the server would use: the system's, else the npm-shipped one. */
export async function testFfmpeg(): Promise<string> {
  return (await resolveMediaBinaries()).ffmpegPath;
}

/** A clip whose every frame shows its own index as black/white blocks. */
export async function frameCodedClip(
  dir: string,
  name: string,
  options: Omit<FrameCodedClipOptions, 'path' | 'ffmpegPath'>,
) {
  const file = path.join(dir, name);
  if (!existsSync(file))
    await generateFrameCodedClip({ ...options, path: file, ffmpegPath: await testFfmpeg() });
  return file;
}

export async function uploadFile(who: SignedIn, file: string, metadata: Record<string, string>) {
  return tusUpload(who.caller, readFileSync(file), { filename: path.basename(file), ...metadata });
}

/** Polls a version until it is ready or failed. */
export async function waitForVersion(who: SignedIn, versionId: string, timeoutMs = 90_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = (await who.caller.get(`/api/versions/${versionId}`)).body;
    if (version.status === 'ready' || version.status === 'failed') return version;
    if (Date.now() > deadline) throw new Error(`version still ${version.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Reads every frame code of each published rendition of a version. A version without renditions
 * fails here, so that a check over "every rendition" cannot pass over none.
 */
export async function renditionFrameCodes(
  dataDir: string,
  versionId: string,
  names: string[],
): Promise<Record<string, number[]>> {
  if (names.length === 0) throw new Error(`version ${versionId} has no renditions to read`);
  const ffmpegPath = await testFfmpeg();
  const codes: Record<string, number[]> = {};
  for (const name of names) {
    codes[name] = await readFrameCodes(
      path.join(dataDir, 'media/versions', versionId, 'hls', name, 'index.m3u8'),
      { ffmpegPath },
    );
  }
  return codes;
}

export const range = (count: number) => Array.from({ length: count }, (_, i) => i);
