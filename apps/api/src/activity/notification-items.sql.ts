/**
 * How a notification reads as an item (in the feed and in a mail), as SQL fragments over `n`
 * (a notifications row): the one place where activity names other contexts' tables, listed as an
 * exception in scripts/lint/api-tables.mjs. A list of items is one query: each item shows its
 * project's and asset's names, its version's number (and timing, for a mail's timecode), and its
 * comment as it reads now, and is seen only while its reader is a member of the project.
 */

/**
 * Joins for {@link ITEM_COLUMNS}: a (asset), p (its project now: a moved cut's items name the new
 * one, even one written late with the old), v (version), c and parent (comment), actor.
 */
export const ITEM_JOINS = `
  JOIN assets a ON a.id = n.asset_id
  JOIN projects p ON p.id = a.project_id
  LEFT JOIN versions v ON v.id = n.version_id
  LEFT JOIN comments c ON c.id = n.comment_id
  LEFT JOIN comments parent ON parent.id = c.parent_id
  LEFT JOIN users actor ON actor.id = n.actor_id`;

/** What an item shows besides its own columns. */
export const ITEM_COLUMNS = `p.id AS item_project_id, p.name AS project_name, a.name AS asset_name, v.number AS version_number,
  c.body AS comment_body, coalesce(c.frame, parent.frame) AS frame,
  actor.id AS actor_user_id, coalesce(actor.display_name, n.actor_name) AS actor_name`;

/** The version's timing (frame rate, start timecode), for a mail's timecodes; needs {@link ITEM_JOINS}. */
export const ITEM_TIMING = `v.media`;

/**
 * Someone sees an item only while they are a member of the project its cut is in now: checked on
 * every read, by the cut's project rather than the row's, so an item written while the cut was being
 * moved (with the project it left) never reaches someone who cannot open it.
 */
export const READER_IS_MEMBER = `EXISTS (SELECT 1 FROM assets cut JOIN project_members m ON m.project_id = cut.project_id
  WHERE cut.id = n.asset_id AND m.user_id = n.user_id)`;

/** Items of a cut in "Recently deleted" are hidden (and come back with it). */
export const ASSET_IS_LIVE = `EXISTS (SELECT 1 FROM assets live WHERE live.id = n.asset_id AND live.deleted_at IS NULL)`;
