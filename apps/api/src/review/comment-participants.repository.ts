import type { EntityManager } from 'typeorm';

/** Who takes part in comments, for the activity feed's rules; access is the caller's to check. */

/** A comment's thread as it stood when it was written: its parent's author, and who had replied before it. */
export async function threadFacts(
  manager: EntityManager,
  commentId: string,
): Promise<{ parentAuthorId: string | null; earlierReplierIds: string[] } | undefined> {
  const [row]: { parent_author_id: string | null; earlier: string[] }[] = await manager.query(
    `SELECT p.author_id AS parent_author_id,
            array(SELECT DISTINCT r.author_id FROM comments r
                  WHERE r.parent_id = c.parent_id AND r.id <> c.id AND r.created_at <= c.created_at
                    AND r.author_id IS NOT NULL) AS earlier
     FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
     WHERE c.id = $1`,
    [commentId],
  );
  return row && { parentAuthorId: row.parent_author_id, earlierReplierIds: row.earlier };
}

/** For each of these assets, everyone with an account who commented on it. */
export async function commentAuthorIds(
  manager: EntityManager,
  assetIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows: { asset_id: string; author_id: string }[] = await manager.query(
    `SELECT DISTINCT asset_id, author_id FROM comments
     WHERE asset_id = ANY ($1::uuid[]) AND author_id IS NOT NULL`,
    [assetIds],
  );
  const authors = new Map<string, string[]>();
  for (const row of rows) {
    const ofAsset = authors.get(row.asset_id);
    if (ofAsset) ofAsset.push(row.author_id);
    else authors.set(row.asset_id, [row.author_id]);
  }
  return authors;
}

/**
 * Keeps these comments from being deleted until the transaction ends, as a reference to them
 * would; returns those still there.
 */
export async function holdComments(
  manager: EntityManager,
  commentIds: readonly string[],
): Promise<Set<string>> {
  if (commentIds.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM comments WHERE id = ANY ($1::uuid[]) FOR KEY SHARE`,
    [commentIds],
  );
  return new Set(rows.map((row) => row.id));
}
