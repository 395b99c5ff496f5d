import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread is internal or shared as a whole: every reply has its thread's `internal`, enforced by
 * the database, and the stored events of history say so too, so that replaying them to a
 * review-link guest cannot tell of a reply inside an internal thread.
 */
export class ThreadVisibility1764050000013 implements MigrationInterface {
  name = 'ThreadVisibility1764050000013';

  async up(q: QueryRunner): Promise<void> {
    // Each comment's thread (the root it hangs from, at any depth).
    await q.query(`
      CREATE TEMP TABLE comment_roots AS
      WITH RECURSIVE thread AS (
        SELECT id, id AS root_id FROM comments WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, t.root_id FROM comments c JOIN thread t ON c.parent_id = t.id)
      SELECT id::text AS id, root_id::text AS root_id FROM thread`);
    // A thread with any internal note becomes internal whole: never reveal a note kept internal.
    await q.query(`
      UPDATE comments c SET internal = true FROM comment_roots t
      WHERE t.id = c.id::text AND NOT c.internal AND t.root_id IN (
        SELECT r.root_id FROM comment_roots r JOIN comments x ON x.id::text = r.id WHERE x.internal)`);
    await q.query(`ALTER TABLE comments ADD CONSTRAINT comments_id_internal_key UNIQUE (id, internal)`);
    // A reply cannot disagree with its thread; a thread's change reaches every reply with it.
    await q.query(`
      ALTER TABLE comments ADD CONSTRAINT comments_thread_visibility_fkey
        FOREIGN KEY (parent_id, internal) REFERENCES comments (id, internal) ON UPDATE CASCADE ON DELETE CASCADE`);

    // Comments known from their creation event, deleted since or not: the thread each began in.
    await q.query(`
      CREATE TEMP TABLE logged_roots AS
      SELECT DISTINCT ON (payload #>> '{comment,id}') payload #>> '{comment,id}' AS id,
             coalesce(payload #>> '{comment,parentId}', payload #>> '{comment,id}') AS root_id
      FROM events WHERE type = 'comment.created' AND payload #>> '{comment,id}' IS NOT NULL`);
    // Every stored event about a comment: where it writes the visibility, what it says, its thread.
    await q.query(`
      CREATE TEMP TABLE event_threads AS
      SELECT e.asset_id, e.seq, k.path, coalesce((e.payload #>> k.path) = 'true', false) AS said_internal,
             coalesce(t.root_id, l.root_id, k.logged_root, k.comment_id) AS root_id
      FROM events e CROSS JOIN LATERAL (
        SELECT
          CASE WHEN e.type IN ('comment.deleted', 'comment.reactions') THEN '{internal}'
               WHEN e.type IN ('comment.addressed', 'comment.unaddressed') THEN '{item,comment,internal}'
               ELSE '{comment,internal}' END::text[] AS path,
          CASE WHEN e.type IN ('comment.deleted', 'comment.reactions') THEN e.payload ->> 'commentId'
               WHEN e.type IN ('comment.addressed', 'comment.unaddressed') THEN e.payload #>> '{item,comment,id}'
               ELSE e.payload #>> '{comment,id}' END AS comment_id,
          CASE WHEN e.type = 'comment.deleted' THEN coalesce(e.payload ->> 'parentId', e.payload ->> 'commentId')
               WHEN e.type IN ('comment.addressed', 'comment.unaddressed') THEN e.payload #>> '{item,comment,id}'
               WHEN e.type <> 'comment.reactions'
                 THEN coalesce(e.payload #>> '{comment,parentId}', e.payload #>> '{comment,id}') END AS logged_root
      ) k
      LEFT JOIN comment_roots t ON t.id = k.comment_id
      LEFT JOIN logged_roots l ON l.id = k.comment_id
      WHERE e.type LIKE 'comment.%'`);
    // Internal: as the thread is now, or, for a thread deleted since, if any of its events said so.
    await q.query(`
      CREATE TEMP TABLE internal_threads AS
      SELECT x.root_id FROM event_threads x LEFT JOIN comments c ON c.id::text = x.root_id
      GROUP BY x.root_id, c.internal
      HAVING coalesce(c.internal, bool_or(x.said_internal))`);
    await q.query(`
      UPDATE events e SET payload = jsonb_set(e.payload, et.path, 'true')
      FROM event_threads et JOIN internal_threads i ON i.root_id = et.root_id
      WHERE e.asset_id = et.asset_id AND e.seq = et.seq AND NOT et.said_internal`);
    await q.query(`DROP TABLE internal_threads`);
    await q.query(`DROP TABLE logged_roots`);
    await q.query(`DROP TABLE event_threads`);
    await q.query(`DROP TABLE comment_roots`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The repaired rows and events stay as they are: undoing that would show guests internal notes again.
    await q.query(`ALTER TABLE comments DROP CONSTRAINT comments_thread_visibility_fkey`);
    await q.query(`ALTER TABLE comments DROP CONSTRAINT comments_id_internal_key`);
  }
}
