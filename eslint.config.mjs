import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { sharedReads, sqlExceptions, tableOwners } from './scripts/lint/api-tables.mjs';
import { contextBoundaries } from './scripts/lint/context-boundaries.mjs';
import { tableOwnership } from './scripts/lint/table-ownership.mjs';

/**
 * The api's bounded contexts (folders of apps/api/src) and who may depend on whom. A context
 * imports another only if it is listed in its `dependsOn`, and then only that one's `public` files
 * (its Nest module, services, repositories — never its SQL, rows, entities or helpers): each
 * context owns its tables, and others reach them through its repository or service.
 * `config`, `database` and `common` are the foundation every context may use.
 */
const foundation = { config: true, database: true, common: true };
const apiContexts = {
  config: { public: ['**'] },
  // The data source registers the entities of the contexts that still have them.
  database: {
    public: ['**'],
    dependsOn: { config: true, common: true, auth: ['*.entity'], projects: ['*.entity'] },
  },
  // Route decorators and the error filter: they know who is signed in, nothing more.
  common: {
    public: ['**'],
    dependsOn: { config: true, database: true, auth: ['authenticated-user', 'session-token'] },
  },
  // The event log (`events`, assets' seq) and the NOTIFY channels: written by every context that changes an asset.
  events: {
    public: ['event-log', 'event-times', 'access-lost', 'link-notice', 'live-seats-notice'],
    dependsOn: { ...foundation },
  },
  auth: {
    public: [
      'auth.module',
      'auth-core.module',
      'auth.service',
      'auth.exception',
      'authenticated-user',
      'session-token',
      'session-cookie',
      'session-ended',
      'live-session.sql',
      'rate-limit/auth-rate-limit.guard',
      'rate-limit/auth-rate-limiter',
      '*.repository',
    ],
    dependsOn: { ...foundation },
  },
  projects: {
    public: ['projects.module', 'projects.service', 'projects.exception', '*.repository'],
    dependsOn: { ...foundation, auth: true, events: true },
  },
  assets: {
    public: [
      'assets.module',
      'assets.service',
      'assets.exception',
      '*.repository',
      'deleted-cuts',
      'asset-move',
      'removal-listeners',
    ],
    dependsOn: {
      ...foundation,
      auth: true,
      projects: true,
      events: true,
      media: ['media-storage', 'media-storage.module'],
    },
  },
  media: {
    public: [
      'media.module',
      'media-worker.module',
      'media-storage.module',
      'media-storage',
      'disk-full',
      'job-queue',
      'media-binaries',
      'frame-map.service',
      'media-rebuild.module',
      'version-rebuild.service',
    ],
    dependsOn: { ...foundation, auth: true, assets: true, events: true },
  },
  // The operator's commands (backup, restore, media:rebuild): entry points beside main.ts. The
  // dump reads tables from the catalog, never one by name; rebuilding goes through media's service.
  ops: {
    public: [],
    dependsOn: {
      ...foundation,
      app: ['app.module'],
      media: ['media-rebuild.module', 'version-rebuild.service'],
    },
  },
  uploads: {
    public: ['uploads.module', 'tus-server', 'tus-openapi'],
    dependsOn: { ...foundation, auth: true, projects: true, assets: true, media: true, events: true },
  },
  review: {
    public: ['review.module', 'comments.service', '*.repository'],
    dependsOn: { ...foundation, auth: true, projects: true, assets: true, events: true },
  },
  approvals: {
    public: ['approvals.module', 'decisions.service'],
    dependsOn: {
      ...foundation,
      auth: true,
      projects: true,
      assets: true,
      media: true,
      review: true,
      events: true,
      sharing: ['link-guests.repository'],
    },
  },
  sharing: {
    public: ['sharing.module', 'guest-access.service', '*.repository'],
    dependsOn: { ...foundation, auth: true, projects: true, assets: true, events: true },
  },
  // Live review sessions: each asset's shared transport and who hosts it, in Postgres.
  sessions: {
    public: ['sessions.module', 'live-sessions.service', 'live-session-view', 'live-seats'],
    // review: where notes were posted during a session, for its log.
    dependsOn: {
      ...foundation,
      auth: true,
      assets: true,
      events: true,
      review: ['session-notes.repository'],
    },
  },
  // Sockets: delivers the event log live, takes comments over the socket, relays live sessions.
  realtime: {
    public: ['realtime.module', 'realtime.gateway', 'rooms'],
    dependsOn: {
      ...foundation,
      auth: true,
      projects: true,
      assets: true,
      review: true,
      sharing: true,
      events: true,
      sessions: true,
    },
  },
  activity: {
    public: ['activity.module'],
    dependsOn: {
      ...foundation,
      auth: true,
      projects: true,
      assets: true,
      review: true,
      events: true,
      realtime: true,
    },
  },
  // Notes leaving the browser (markers, CSV, PDF, stills): reads comments and decisions through their services.
  exports: {
    public: ['exports.module'],
    dependsOn: {
      ...foundation,
      auth: true,
      projects: true,
      assets: true,
      review: true,
      approvals: true,
      media: true,
    },
  },
  health: { public: ['health.module'], dependsOn: { ...foundation } },
  // The composition root: every context's module, nothing inside them.
  app: {
    public: ['app.module', 'create-app'],
    dependsOn: {
      ...foundation,
      ...Object.fromEntries(
        [
          'auth',
          'projects',
          'assets',
          'media',
          'review',
          'approvals',
          'sharing',
          'realtime',
          'activity',
          'health',
          'exports',
        ].map((name) => [name, ['*.module']]),
      ),
      uploads: ['uploads.module', 'tus-server', 'tus-openapi'],
    },
  },
  // Entry points (main, worker, migrate).
  '.': { dependsOn: { ...foundation, app: true, media: ['media-worker.module'] } },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through apps/api/src/config, never process.env directly.',
        },
      ],
    },
  },
  {
    // Config parsing, scripts and tests are where the environment is legitimately read.
    files: [
      'apps/api/src/config/**',
      'apps/api/src/main.ts',
      'apps/api/src/migrate.ts',
      'apps/api/src/worker.ts',
      'apps/api/test/**',
      'scripts/**',
      'e2e/**',
      '**/*.config.*',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/api/test/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['apps/web/src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**'],
              message:
                'lib/ serves every feature and imports none: a feature registers with it (e.g. lib/realtime/cache-update-registry.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    plugins: {
      cutroom: { rules: { 'context-boundaries': contextBoundaries, 'table-ownership': tableOwnership } },
    },
    rules: {
      'cutroom/context-boundaries': [
        'error',
        { root: path.join(import.meta.dirname, 'apps/api/src'), contexts: apiContexts },
      ],
      // Each context's SQL names only its own tables (scripts/lint/api-tables.mjs).
      'cutroom/table-ownership': [
        'error',
        {
          root: path.join(import.meta.dirname, 'apps/api/src'),
          owners: tableOwners,
          sharedReads,
          exceptions: sqlExceptions,
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
