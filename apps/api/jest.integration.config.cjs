// Integration tests: the real app on a random port against a real Postgres
// (DATABASE_URL, provided by scripts/test-integration.mjs). Each file gets its own database.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  // Every asset event a test receives is checked against the event schema.
  setupFilesAfterEnv: ['<rootDir>/test/support/event-check.ts'],
  // Generous: these machines are shared, and a test that waits on a busy disk is not a failing one
  // (a real hang still fails, and says where).
  testTimeout: 120000,
  maxWorkers: 2,
};
