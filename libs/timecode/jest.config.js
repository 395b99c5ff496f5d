module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'timecode',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
