import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sharedReads, sqlExceptions, tableOwners } from './api-tables.mjs';

const root = path.join(import.meta.dirname, '../..');
const migrations = fs
  .readdirSync(path.join(root, 'migrations'))
  .filter((file) => /^\d+-.*\.ts$/.test(file))
  .map((file) => fs.readFileSync(path.join(root, 'migrations', file), 'utf8'))
  .join('\n');
const created = new Set(
  [
    ...migrations.matchAll(
      /CREATE\s+(?:OR\s+REPLACE\s+)?(?:UNLOGGED\s+)?(?:TABLE|VIEW|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/g,
    ),
  ].map((m) => m[1]),
);
const owned = Object.values(tableOwners).flat();

test('every table, view and function the migrations create has exactly one owning context', () => {
  assert.ok(created.has('comments') && created.has('asset_grants'), 'the migrations were read');
  assert.deepEqual(
    [...created].filter((name) => !owned.includes(name)).sort(),
    [],
    'tables without an owner',
  );
  assert.deepEqual(
    owned.filter((name, i) => owned.indexOf(name) !== i),
    [],
    'tables with two owners',
  );
  assert.deepEqual(owned.filter((name) => !created.has(name)).sort(), [], 'owned names no migration creates');
});

test('every owner is a context of apps/api/src, and every exception names a real file and says why', () => {
  const src = path.join(root, 'apps/api/src');
  for (const context of Object.keys(tableOwners)) assert.ok(fs.existsSync(path.join(src, context)), context);
  for (const [table, reason] of Object.entries(sharedReads)) {
    assert.ok(owned.includes(table) && reason.length > 20, table);
  }
  for (const [file, { tables, reason }] of Object.entries(sqlExceptions)) {
    assert.ok(fs.existsSync(path.join(src, `${file}.ts`)), `${file}.ts exists`);
    const context = file.split('/')[0];
    for (const table of tables) {
      assert.ok(
        owned.includes(table) && !tableOwners[context]?.includes(table),
        `${file}: ${table} is foreign`,
      );
    }
    assert.ok(reason.length > 20, `${file} says why`);
  }
});
