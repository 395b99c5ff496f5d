module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'timecode',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
