import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A fresh directory per test file, removed afterwards. */
export function useTempDir(prefix: string): { path: () => string } {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `cutroom-media-${prefix}-`));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });
  return { path: () => dir };
}

export function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
