// An ESLint rule (no dependencies) that holds each api context to its own tables: SQL text in a
// context's files (string and template literals) may name only the tables, views and functions
// that context owns. Another context's data is reached through its repository or service; the few
// reads that genuinely need a join across contexts are listed, file by file, with their reason.
// The ownership itself is declared in scripts/lint/api-tables.mjs.
import path from 'node:path';

// A table is named after these keywords (SQL keywords are written in capitals in this codebase).
const TABLE_REFERENCE =
  /\b(DELETE\s+FROM|FROM|JOIN|USING|INTO|UPDATE|TRUNCATE|TABLE)\s+(?:ONLY\s+|LATERAL\s+)?([a-z_][a-z0-9_]*)/g;
const READS = new Set(['FROM', 'JOIN', 'USING']);

/**
 * Options: `{ root, owners, sharedReads, exceptions }`. `root` is apps/api/src (absolute).
 * `owners[context]` lists the tables (views, functions) that context owns. `sharedReads[table]` is
 * the reason any context may read (FROM/JOIN) that table — never write it. `exceptions['context/file']`
 * (file without extension) is `{ tables: [...], reason }`: foreign tables that one file may name.
 * Names that no context owns (CTEs, catalog tables, functions like `now`) are not checked.
 */
export const tableOwnership = {
  meta: {
    type: 'problem',
    docs: { description: "A context's SQL names only the tables it owns." },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      foreignTable:
        '"{{table}}" belongs to "{{owner}}", not "{{from}}": go through {{owner}}\'s repository or service (or list a reasoned exception in scripts/lint/api-tables.mjs).',
    },
  },
  create(context) {
    const { root, owners, sharedReads = {}, exceptions = {} } = context.options[0];
    const relative = path.relative(root, context.filename);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return {};
    const parts = relative.split(path.sep);
    const from = parts.length > 1 ? parts[0] : '.';
    const fileKey = parts.join('/').replace(/\.[cm]?[jt]sx?$/, '');
    const ownerOf = new Map(Object.entries(owners).flatMap(([name, tables]) => tables.map((t) => [t, name])));
    const excepted = new Set(exceptions[fileKey]?.tables ?? []);

    function check(node, text) {
      const reported = new Set();
      for (const match of text.matchAll(TABLE_REFERENCE)) {
        const [, keyword, table] = match;
        const owner = ownerOf.get(table);
        if (!owner || owner === from || excepted.has(table) || reported.has(table)) continue;
        if (READS.has(keyword) && Object.hasOwn(sharedReads, table)) continue;
        reported.add(table);
        context.report({ node, messageId: 'foreignTable', data: { table, owner, from } });
      }
    }

    return {
      Literal: (node) => typeof node.value === 'string' && check(node, node.value),
      // Interpolations become a neutral placeholder: `FROM ${table}` names nothing we can check.
      TemplateLiteral: (node) =>
        check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' $_ ')),
    };
  },
};
