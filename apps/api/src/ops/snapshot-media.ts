import type { BackupFile } from './backup-manifest.js';

// Which media files a database snapshot accounts for: the originals its `versions` rows say are
// whole (with the sha256 each recorded at upload), the uploads still under way, and which files
// of a version's folder are published renditions.

/** A dumped table: its columns, and each row as Postgres's text of each value (null for NULL). */
export interface DumpedRows {
  columns: readonly string[];
  rows: readonly (readonly (string | null)[])[];
}

export interface OriginalToCopy {
  versionId: string;
  sha256: string;
  bytes: number;
}

/**
 * The originals a snapshot's `versions` rows claim are whole: a version gets its sha256 in the
 * same transaction that queues it, after its file was moved in place; a version still
 * `uploading` claims nothing yet (its bytes are an upload in progress, not backed up).
 */
export function originalsClaimed(versions: DumpedRows): OriginalToCopy[] {
  const at = (name: string) => {
    const index = versions.columns.indexOf(name);
    if (index < 0) throw new Error(`the versions table has no ${name} column`);
    return index;
  };
  const [id, status, sha256, size] = [at('id'), at('status'), at('sha256'), at('size_bytes')];
  return versions.rows
    .filter((row) => row[status] !== 'uploading' && row[sha256] !== null)
    .map((row) => ({
      versionId: String(row[id]),
      sha256: String(row[sha256]),
      bytes: Number(row[size]),
    }));
}

export const originalPath = (versionId: string) => `media/versions/${versionId}/original`;

/**
 * The uploads a snapshot's `versions` rows show under way (`uploading`, by tus upload id). Their
 * bytes so far are a prefix of the file (tus appends), so copied they resume after a restore.
 */
export function uploadsInProgress(versions: DumpedRows): string[] {
  const status = versions.columns.indexOf('status');
  const uploadId = versions.columns.indexOf('upload_id');
  if (status < 0 || uploadId < 0) throw new Error('the versions table has no status or upload_id column');
  return versions.rows
    .filter((row) => row[status] === 'uploading' && row[uploadId] !== null)
    .map((row) => String(row[uploadId]))
    .filter((id) => /^[A-Za-z0-9_-]+$/.test(id));
}

export const uploadPaths = (uploadId: string) => ({
  data: `media/uploads/${uploadId}`,
  info: `media/uploads/${uploadId}.json`,
});

/**
 * Whether a file under a version's folder (relative to it) is a published rendition worth
 * copying: not the original, not an attempt still being written (`hls.partial*`), not a
 * replaced copy on its way out (`*.old`), not a half-written file (`*.partial`).
 */
export function isPublishedRendition(relative: string): boolean {
  const [top] = relative.split('/');
  if (top === 'original' || top.startsWith('hls.partial')) return false;
  if (top.endsWith('.old')) return false;
  return !relative.endsWith('.partial') && !/\.\d+\.partial$/.test(relative);
}

/**
 * One line per original that does not agree with the sha256 its version recorded at upload: a
 * claimed original the backup lacks (unless it was erased while the backup ran), one whose hash
 * differs from its row, or an original no version claims. Empty: all good.
 */
export function originalProblems(
  files: readonly BackupFile[],
  claimed: readonly OriginalToCopy[],
  erased: readonly string[],
): string[] {
  const problems: string[] = [];
  const listed = new Map(files.map((file) => [file.path, file]));
  const expected = new Set<string>();
  for (const original of claimed) {
    const at = originalPath(original.versionId);
    expected.add(at);
    const file = listed.get(at);
    if (!file) {
      if (!erased.includes(original.versionId))
        problems.push(`${at}: its version's original is not in the backup`);
    } else if (file.sha256 !== original.sha256)
      problems.push(`${at}: does not match the sha256 its version recorded at upload`);
  }
  for (const file of files)
    if (/^media\/versions\/[^/]+\/original$/.test(file.path) && !expected.has(file.path))
      problems.push(`${file.path}: no version in the backup has this original`);
  return problems;
}
