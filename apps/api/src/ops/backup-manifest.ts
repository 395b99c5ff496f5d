import { z } from 'zod';

/**
 * What a backup folder holds and how to check it: `manifest.json` (written last, so a folder
 * without one is an unfinished backup) lists every other file with its size and sha256.
 *
 *   manifest.json
 *   database/<table>.jsonl.gz   one JSON array of column texts per row, taken in one snapshot
 *   media/versions/<id>/original             every complete upload the snapshot knows
 *   media/versions/<id>/{hls,poster.jpg,…}   renditions, with --with-renditions
 *   media/uploads/<upload id>{,.json}        uploads under way: what had arrived, to resume
 *   secrets/server-secret       the installation's secret (review-link and invitation addresses)
 */
export const BACKUP_FORMAT = 'cutroom-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

const SHA256 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A relative path inside a backup: plain names joined by `/`, never `..`, never absolute. */
const SAFE_PATH =
  /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;
const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

// Every refusal says what is wrong in words: a person reading it never sees a pattern.
const safePath = z
  .string()
  .regex(
    SAFE_PATH,
    "must be a plain relative path (no '..', no leading '/', letters, digits, '.', '_', '-')",
  );
const sqlName = z.string().regex(SQL_NAME, 'must be a lowercase table or column name');

const fileSchema = z.object({
  path: safePath,
  bytes: z.number().int().min(0),
  sha256: z.string().regex(SHA256, 'must be a sha256 in 64 lowercase hex digits'),
});

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  database: z.object({
    serverVersion: z.string(),
    embedded: z.boolean(),
    migrations: z.array(z.string()).min(1),
    tables: z.array(
      z.object({
        name: sqlName,
        file: safePath,
        columns: z.array(sqlName).min(1),
        rows: z.number().int().min(0),
      }),
    ),
    sequences: z.array(
      z.object({ name: sqlName, lastValue: z.string().regex(/^-?\d+$/, 'must be a whole number') }),
    ),
  }),
  media: z.object({
    withRenditions: z.boolean(),
    originals: z.number().int().min(0),
    /** Versions whose original was erased (a deleted cut's retention ended) between snapshot and copy. */
    erased: z.array(z.string().regex(UUID, 'must be a version id (a UUID)')),
    /** Uploads under way at the snapshot whose bytes so far were copied (they resume after a restore). */
    uploadsInProgress: z.number().int().min(0),
  }),
  /**
   * The server secret that review-link and invitation addresses are derived from. Cutroom reads it
   * from DATA_DIR/secrets only (no setting replaces it), so the backup carries that folder. Absent
   * from backups made before they did: a restore of one makes a new secret.
   */
  secrets: z.object({ from: z.literal('DATA_DIR/secrets'), files: z.number().int().min(0) }).optional(),
  files: z.array(fileSchema),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupFile = z.infer<typeof fileSchema>;

/** The manifest, or a sentence saying why this is not a backup this build can read. */
export function parseManifest(text: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${MANIFEST_FILE} is not JSON: the backup is damaged.`);
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== BACKUP_FORMAT)
    throw new Error(`${MANIFEST_FILE} is not a Cutroom backup's manifest.`);
  if (format.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new Error(
      `This backup has format ${String(format.formatVersion)}; this Cutroom reads format ${BACKUP_FORMAT_VERSION}. Restore it with the Cutroom that made it.`,
    );
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${MANIFEST_FILE} is damaged: ${parsed.error.issues
        .slice(0, 5)
        .map((issue) => describeIssue(json, issue.path, issue.message))
        .join('; ')}`,
    );
  const seen = new Set<string>();
  for (const file of parsed.data.files) {
    if (seen.has(file.path))
      throw new Error(`${MANIFEST_FILE} lists ${file.path} twice: the backup is damaged.`);
    seen.add(file.path);
  }
  return parsed.data;
}

/** `files[3].path "../x" must be …`: where in the manifest, the value found there, and what is wrong. */
function describeIssue(json: unknown, at: readonly PropertyKey[], message: string): string {
  const where = at
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
  let value: unknown = json;
  for (const key of at) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[key];
  const shown =
    typeof value === 'string'
      ? ` ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`
      : '';
  return `${where}${shown} ${message}`;
}

/** What was found on disk for one listed file; undefined when it is missing. */
export interface FoundFile {
  bytes: number;
  sha256: string;
}

/** One line per file that is missing, of another size, or whose content changed. Empty: all good. */
export function checksumProblems(
  files: readonly BackupFile[],
  found: (path: string) => FoundFile | undefined,
): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const actual = found(file.path);
    if (!actual) problems.push(`${file.path}: missing`);
    else if (actual.bytes !== file.bytes)
      problems.push(`${file.path}: ${actual.bytes} bytes, the manifest says ${file.bytes}`);
    else if (actual.sha256 !== file.sha256) problems.push(`${file.path}: sha256 differs from the manifest`);
  }
  return problems;
}

/**
 * Where a backup's file goes under DATA_DIR, or undefined if it is not one to copy there (the
 * database files): a version's files, an upload under way, or a file of the secrets folder.
 */
export function restoreTarget(backupPath: string): string | undefined {
  if (!SAFE_PATH.test(backupPath)) return undefined;
  const parts = backupPath.split('/');
  if (parts[0] === 'secrets' && parts.length === 2) return backupPath;
  if (parts[0] === 'media' && parts[1] === 'uploads' && parts.length === 3) return backupPath;
  if (parts[0] === 'media' && parts[1] === 'versions' && UUID.test(parts[2] ?? '') && parts.length >= 4)
    return backupPath;
  return undefined;
}

/**
 * Why this build cannot create the schema a backup had, or undefined when it can: the backup's
 * migrations must be this build's, or an older prefix of them (the next start applies the rest).
 */
export function migrationProblem(theirs: readonly string[], ours: readonly string[]): string | undefined {
  const unknown = theirs.filter((name) => !ours.includes(name));
  if (unknown.length > 0)
    return `This backup was made by a newer Cutroom (its schema has ${unknown.length} migration(s) this build does not know, newest ${unknown.at(-1)}). Restore it with that version or a newer one.`;
  if (theirs.some((name, i) => ours[i] !== name))
    return "This backup's migrations are not the ones this build applies, in its order: it cannot be restored here.";
  return undefined;
}
