import type { TestDatabase } from './test-database.js';

/**
 * Everything the migrations define in the public schema, read from the catalog as sorted text
 * lines (one per object), so two snapshots compare with toEqual and a difference names the object.
 * TypeORM's own bookkeeping table (`migrations`) is left out.
 */
export interface SchemaSnapshot {
  relations: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  functions: string[];
  triggers: string[];
  views: string[];
  sequences: string[];
  types: string[];
  extensions: string[];
}

const OURS = `n.nspname = 'public'`;
// `c` is the table (or, for sequences, the sequence) an object belongs to.
const NOT_BOOKKEEPING = `c.relname NOT IN ('migrations', 'migrations_id_seq')`;

const queries: Record<keyof SchemaSnapshot, string> = {
  relations: `
    SELECT c.relname || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text AS line
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${OURS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${NOT_BOOKKEEPING}`,
  columns: `
    SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
           || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
           || CASE a.attidentity WHEN '' THEN '' ELSE ' identity=' || a.attidentity::text END
           || CASE a.attgenerated WHEN '' THEN '' ELSE ' generated=' || a.attgenerated::text END
           || ' #' || (SELECT count(*) FROM pg_attribute p
                       WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped
                         AND p.attnum <= a.attnum) AS line
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE ${OURS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
      AND ${NOT_BOOKKEEPING}`,
  indexes: `
    SELECT pg_get_indexdef(i.indexrelid) AS line
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${OURS} AND ${NOT_BOOKKEEPING}`,
  constraints: `
    SELECT coalesce(c.relname, '(domain)') || ' ' || k.conname || ': ' || pg_get_constraintdef(k.oid)
           || CASE WHEN k.condeferrable THEN ' deferrable' ELSE '' END AS line
    FROM pg_constraint k
    JOIN pg_namespace n ON n.oid = k.connamespace
    LEFT JOIN pg_class c ON c.oid = k.conrelid
    WHERE ${OURS} AND (c.relname IS NULL OR ${NOT_BOOKKEEPING})`,
  functions: `
    SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || '): '
           || pg_get_functiondef(p.oid) AS line
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE ${OURS}`,
  triggers: `
    SELECT pg_get_triggerdef(t.oid) AS line
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${OURS} AND NOT t.tgisinternal`,
  views: `
    SELECT c.relname || ': ' || pg_get_viewdef(c.oid) AS line
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${OURS} AND c.relkind IN ('v', 'm')`,
  sequences: `
    SELECT c.relname || ' ' || format_type(s.seqtypid, NULL) || ' start=' || s.seqstart
           || ' increment=' || s.seqincrement || coalesce(' owned by ' || o.relname || '.' || a.attname, '') AS line
    FROM pg_sequence s
    JOIN pg_class c ON c.oid = s.seqrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_depend dep ON dep.objid = c.oid AND dep.deptype IN ('a', 'i') AND dep.refobjsubid > 0
    LEFT JOIN pg_class o ON o.oid = dep.refobjid
    LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
    WHERE ${OURS} AND ${NOT_BOOKKEEPING}`,
  // Enums, domains and free-standing composites: a table's or view's own row type is not counted.
  types: `
    SELECT t.typname || ' type=' || t.typtype::text AS line
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_class c ON c.oid = t.typrelid
    WHERE ${OURS} AND t.typelem = 0 AND (t.typrelid = 0 OR c.relkind = 'c')`,
  // plpgsql comes with every database; anything else was installed by us (or by TypeORM).
  extensions: `SELECT extname AS line FROM pg_extension WHERE extname <> 'plpgsql'`,
};

export async function readSchema(db: Pick<TestDatabase, 'query'>): Promise<SchemaSnapshot> {
  const snapshot = {} as SchemaSnapshot;
  for (const [part, sql] of Object.entries(queries) as [keyof SchemaSnapshot, string][]) {
    const rows = await db.query<{ line: string }>(sql);
    snapshot[part] = rows.map((row) => row.line.replace(/\s+/g, ' ').trim()).sort();
  }
  return snapshot;
}

export const emptySchema: SchemaSnapshot = {
  relations: [],
  columns: [],
  indexes: [],
  constraints: [],
  functions: [],
  triggers: [],
  views: [],
  sequences: [],
  types: [],
  extensions: [],
};
