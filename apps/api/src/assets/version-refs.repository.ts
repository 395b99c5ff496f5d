import type { EntityManager } from 'typeorm';

/** Reads of `versions` for contexts that refer to them (activity, sessions); access is the caller's to check. */

/** For each of these assets, everyone with an account who uploaded a version of it. */
export async function uploaderIds(
  manager: EntityManager,
  assetIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows: { asset_id: string; uploaded_by: string }[] = await manager.query(
    `SELECT DISTINCT asset_id, uploaded_by FROM versions
     WHERE asset_id = ANY ($1::uuid[]) AND uploaded_by IS NOT NULL`,
    [assetIds],
  );
  return groupBy(
    rows,
    (row) => row.asset_id,
    (row) => row.uploaded_by,
  );
}

/**
 * Keeps these versions from being deleted until the transaction ends, as a reference to them
 * would; returns those still there.
 */
export async function holdVersions(
  manager: EntityManager,
  versionIds: readonly string[],
): Promise<Set<string>> {
  if (versionIds.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM versions WHERE id = ANY ($1::uuid[]) FOR KEY SHARE`,
    [versionIds],
  );
  return new Set(rows.map((row) => row.id));
}

/** Each version's number, by id (versions gone since are left out). */
export async function versionNumbers(
  manager: EntityManager,
  versionIds: readonly string[],
): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows: { id: string; number: number }[] = await manager.query(
    `SELECT id, number FROM versions WHERE id = ANY ($1::uuid[])`,
    [versionIds],
  );
  return new Map(rows.map((row) => [row.id, row.number]));
}

function groupBy<T>(rows: T[], key: (row: T) => string, value: (row: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}
