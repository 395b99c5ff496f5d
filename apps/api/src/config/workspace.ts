import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The checkout this code runs from: the nearest folder above it holding nx.json. */
export function findWorkspaceRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No Cutroom workspace (nx.json) above ${from}`);
    dir = parent;
  }
  return dir;
}

export function readAppVersion(): string {
  return JSON.parse(readFileSync(path.join(findWorkspaceRoot(), 'package.json'), 'utf8')).version;
}
