// Shared Jest settings: TypeScript through SWC (type-checking is the build's job),
// workspace libs resolved to their sources so tests never need a build first.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    // ESM sources import siblings as './x.js'; under Jest they are TypeScript files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@cutroom/(contracts|timecode|media|policy|exports)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
