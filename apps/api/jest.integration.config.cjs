// Integration tests: the real app on a random port against a real Postgres
// (DATABASE_URL, provided by scripts/test-integration.mjs). Each file gets its own database.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  // Every asset event a test receives is checked against the event schema.
  setupFilesAfterEnv: ['<rootDir>/test/support/event-check.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
