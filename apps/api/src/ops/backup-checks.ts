import path from 'node:path';
import { type BackupManifest, checksumProblems, type FoundFile } from './backup-manifest.js';
import { readDumpedRows } from './dump-rows.js';
import { hashFile, NotARegularFile, pathWithoutLinks } from './file-hashing.js';
import { originalProblems, originalsClaimed } from './snapshot-media.js';

/**
 * Everything wrong with a backup folder, one line each, found before a restore writes anything:
 * a listed file missing, not a regular file (a symbolic link is never followed), or not the size
 * and sha256 the manifest lists; then an original that is not the file its version recorded at upload.
 */
export async function backupProblems(from: string, manifest: BackupManifest): Promise<string[]> {
  const found = new Map<string, FoundFile>();
  const unreadable = new Map<string, string>();
  for (const file of manifest.files) {
    try {
      found.set(file.path, await hashFile(await pathWithoutLinks(from, file.path)));
    } catch (error) {
      if (error instanceof NotARegularFile)
        unreadable.set(
          file.path,
          error.file === path.join(from, file.path)
            ? `${error.what}, not a regular file (a restore never follows links)`
            : `its folder ${path.relative(from, error.file)} is ${error.what} (a restore never follows links)`,
        );
      else if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        unreadable.set(file.path, `cannot be read (${(error as Error).message})`);
    }
  }
  const problems = [
    ...[...unreadable].map(([file, why]) => `${file}: ${why}`),
    ...checksumProblems(
      manifest.files.filter((file) => !unreadable.has(file.path)),
      (file) => found.get(file),
    ),
  ];
  if (problems.length > 0) return problems;
  const versions = manifest.database.tables.find((table) => table.name === 'versions');
  if (!versions) return ['database: the backup has no versions table, so it is not a Cutroom backup'];
  const rows = await readDumpedRows(path.join(from, versions.file), versions.columns);
  return originalProblems(manifest.files, originalsClaimed(rows), manifest.media.erased);
}
