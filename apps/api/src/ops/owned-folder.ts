import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface ClaimedFolder {
  dir: string;
  /** Removes what this command put there: the folder itself if it made it, else what it holds. */
  undo(): Promise<void>;
}

/**
 * Takes an empty (or missing) folder for a command's output, creating it (and any missing parent)
 * with `mode` if given. The caller has checked that it is empty, so everything in it on `undo` is
 * this command's own.
 */
export async function claimEmptyFolder(dir: string, mode?: number): Promise<ClaimedFolder> {
  const existed = await fs.stat(dir).then(
    () => true,
    () => false,
  );
  await fs.mkdir(dir, { recursive: true, mode });
  if (mode !== undefined) await fs.chmod(dir, mode);
  return {
    dir,
    async undo() {
      if (!existed) return fs.rm(dir, { recursive: true, force: true });
      for (const entry of await fs.readdir(dir).catch(() => [] as string[]))
        await fs.rm(path.join(dir, entry), { recursive: true, force: true });
    },
  };
}
