import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SECRETS_FOLDER } from '../common/secrets/secret-file.js';
import type { BackupFile } from './backup-manifest.js';
import { copyHashing, listFiles } from './file-hashing.js';
import { isPublishedRendition, originalPath, type OriginalToCopy, uploadPaths } from './snapshot-media.js';

// The files a backup copies from DATA_DIR into its folder, each hashed as it is copied.

const isGone = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The originals a snapshot claims, each checked against the sha256 its row recorded at upload.
 * Returns the copied files and the versions whose original was erased after the snapshot.
 */
export async function copyOriginals(
  dataDir: string,
  out: string,
  originals: readonly OriginalToCopy[],
): Promise<{ files: BackupFile[]; erased: string[] }> {
  const files: BackupFile[] = [];
  const erased: string[] = [];
  for (const original of originals) {
    const relative = originalPath(original.versionId);
    let copied;
    try {
      copied = await copyHashing(path.join(dataDir, relative), path.join(out, relative));
    } catch (error) {
      if (!isGone(error)) throw error;
      // Deleting a version or erasing a deleted cut removes its folder: it happened after the snapshot.
      erased.push(original.versionId);
      continue;
    }
    if (copied.sha256 !== original.sha256)
      throw new Error(
        `${relative} does not match the sha256 recorded when it was uploaded: the file on disk is damaged. The backup stops here; check the disk.`,
      );
    files.push({ path: relative, ...copied });
  }
  return { files, erased };
}

/** Uploads under way: what arrived so far, so their uploaders resume on a restored instance. */
export async function copyUploads(
  dataDir: string,
  out: string,
  uploadIds: readonly string[],
): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const uploadId of uploadIds) {
    const { data, info } = uploadPaths(uploadId);
    try {
      const copiedInfo = await copyHashing(path.join(dataDir, info), path.join(out, info));
      const copiedData = await copyHashing(path.join(dataDir, data), path.join(out, data));
      files.push({ path: info, ...copiedInfo }, { path: data, ...copiedData });
    } catch (error) {
      // Finished (or cancelled) since the snapshot: its row in the backup stays `uploading`.
      if (!isGone(error)) throw error;
      await fs.rm(path.join(out, info), { force: true });
    }
  }
  return files;
}

/** The published renditions, posters, storyboards and waveforms of these versions. */
export async function copyRenditions(
  dataDir: string,
  out: string,
  versionIds: readonly string[],
): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const versionId of versionIds) {
    const dir = path.join(dataDir, 'media', 'versions', versionId);
    for (const relative of await listFiles(dir).catch(() => [] as string[])) {
      if (!isPublishedRendition(relative)) continue;
      const target = `media/versions/${versionId}/${relative}`;
      try {
        files.push({
          path: target,
          ...(await copyHashing(path.join(dir, relative), path.join(out, target))),
        });
      } catch (error) {
        // A rendition replaced while copying (a rebuild publishing) is skipped: it can be rebuilt.
        if (!isGone(error)) throw error;
      }
    }
  }
  return files;
}

/**
 * DATA_DIR's secrets folder (the server secret review-link and invitation addresses derive from),
 * so a restored instance shows and opens the same addresses. None yet: nothing was derived from it.
 */
export async function copySecrets(dataDir: string, out: string): Promise<BackupFile[]> {
  const dir = path.join(dataDir, SECRETS_FOLDER);
  const names = await listFiles(dir).catch((error: unknown) => {
    if (isGone(error)) return [] as string[];
    throw error;
  });
  const files: BackupFile[] = [];
  for (const name of names.filter((file) => !file.includes('/'))) {
    const target = `${SECRETS_FOLDER}/${name}`;
    files.push({ path: target, ...(await copyHashing(path.join(dir, name), path.join(out, target))) });
  }
  return files;
}
