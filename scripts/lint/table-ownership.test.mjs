import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import { tableOwnership } from './table-ownership.mjs';

RuleTester.describe = describe;
RuleTester.it = it;

const root = '/repo/apps/api/src';
const owners = {
  auth: ['users'],
  assets: ['assets', 'versions', 'asset_grant'],
  review: ['comments'],
  events: ['events'],
};
const exceptions = {
  'events/event-log': { tables: ['assets'], reason: 'the per-asset seq lives on the asset row' },
};
const sharedReads = { users: 'lists show who did it' };
const options = [{ root, owners, sharedReads, exceptions }];
const at = (file, code) => ({ code, filename: `${root}/${file}`, options });

new RuleTester({ languageOptions: { sourceType: 'module' } }).run('table-ownership', tableOwnership, {
  valid: [
    at('review/comments.repository.js', 'q(`SELECT id FROM comments c WHERE c.version_id = $1`);'),
    at('assets/x.js', `q('UPDATE versions SET status = $1'); q('SELECT 1 FROM asset_grant($1, $2)');`),
    // CTE names, catalog tables and functions belong to nobody.
    at('review/x.js', 'q(`WITH roots AS (SELECT 1) SELECT * FROM roots, pg_database WHERE now() > $1`);'),
    // Prose is not SQL: keywords are capitals.
    at('review/x.js', `throw new Error('cannot be removed from assets you do not own');`),
    at('events/event-log.js', 'q(`UPDATE assets SET last_seq = last_seq + 1`);'),
    at('review/x.js', `q('SELECT c.id, u.name FROM comments c JOIN users u ON u.id = c.author_id');`),
    // An interpolated name cannot be checked (and is not a table reference).
    at('review/x.js', 'q(`SELECT * FROM ${table} JOIN comments ON true`);'),
  ],
  invalid: [
    {
      ...at('review/comments.service.js', 'q(`SELECT v.asset_id FROM versions v WHERE v.id = $1`);'),
      errors: [{ messageId: 'foreignTable', data: { table: 'versions', owner: 'assets', from: 'review' } }],
    },
    {
      ...at('review/x.js', `q('SELECT c.id FROM comments c JOIN versions v ON v.id = c.version_id');`),
      errors: [{ messageId: 'foreignTable', data: { table: 'versions', owner: 'assets', from: 'review' } }],
    },
    {
      // A shared read is a read only.
      ...at('sharing/x.js', 'q(`INSERT INTO users (id) VALUES ($1)`); q(`UPDATE users SET name = $1`);'),
      errors: [
        { messageId: 'foreignTable', data: { table: 'users', owner: 'auth', from: 'sharing' } },
        { messageId: 'foreignTable', data: { table: 'users', owner: 'auth', from: 'sharing' } },
      ],
    },
    {
      ...at('sharing/x.js', 'q(`DELETE FROM users WHERE guest_link_id = $1`);'),
      errors: [{ messageId: 'foreignTable', data: { table: 'users', owner: 'auth', from: 'sharing' } }],
    },
    {
      // Writes too, and each table once per literal.
      ...at('review/x.js', 'q(`INSERT INTO events (seq) SELECT seq FROM events; DELETE FROM assets`);'),
      errors: [
        { messageId: 'foreignTable', data: { table: 'events', owner: 'events', from: 'review' } },
        { messageId: 'foreignTable', data: { table: 'assets', owner: 'assets', from: 'review' } },
      ],
    },
    {
      ...at(
        'review/x.js',
        `q('SELECT g.role FROM comments c CROSS JOIN LATERAL asset_grant($1, c.asset_id) g');`,
      ),
      errors: [
        { messageId: 'foreignTable', data: { table: 'asset_grant', owner: 'assets', from: 'review' } },
      ],
    },
    {
      // An exception is for its file only, and only for the tables it lists.
      ...at('events/other.js', 'q(`UPDATE assets SET last_seq = 0`);'),
      errors: [{ messageId: 'foreignTable', data: { table: 'assets', owner: 'assets', from: 'events' } }],
    },
    {
      ...at('events/event-log.js', 'q(`SELECT 1 FROM comments`);'),
      errors: [{ messageId: 'foreignTable', data: { table: 'comments', owner: 'review', from: 'events' } }],
    },
    {
      // Entry points (files directly in src) own no tables.
      ...at('main.js', `q('TRUNCATE comments');`),
      errors: [{ messageId: 'foreignTable', data: { table: 'comments', owner: 'review', from: '.' } }],
    },
  ],
});
