import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import { contextBoundaries } from './context-boundaries.mjs';

RuleTester.describe = describe;
RuleTester.it = it;

const root = '/repo/apps/api/src';
const contexts = {
  common: { public: ['**'] },
  assets: { public: ['assets.service'], dependsOn: { common: true } },
  review: { public: ['comments.repository'], dependsOn: { common: true, assets: true } },
  approvals: { public: ['approvals.module'], dependsOn: { review: true, assets: ['assets.service'] } },
};
const options = [{ root, contexts }];
const at = (file, code) => ({ code, filename: `${root}/${file}`, options });

new RuleTester({ languageOptions: { sourceType: 'module' } }).run('context-boundaries', contextBoundaries, {
  valid: [
    at(
      'approvals/rounds.service.js',
      `import { CommentsRepository } from '../review/comments.repository.js';`,
    ),
    at('review/comments.service.js', `import { x } from './comment-rows.js';`),
    at('review/sub/deep.js', `import { x } from '../../common/http/anything.js';`),
    at('approvals/x.js', `import { z } from 'zod';`),
  ],
  invalid: [
    {
      ...at('approvals/rounds.service.js', `import { toComment } from '../review/comment-rows.js';`),
      errors: [{ messageId: 'internal' }],
    },
    {
      ...at(
        'assets/assets.service.js',
        `import { CommentsRepository } from '../review/comments.repository.js';`,
      ),
      errors: [{ messageId: 'notANeighbour' }],
    },
    {
      ...at('approvals/x.js', `import { AssetsException } from '../assets/assets.exception.js';`),
      errors: [{ messageId: 'internal' }],
    },
    {
      ...at('review/x.js', `export * from '../approvals/approvals.module.js';`),
      errors: [{ messageId: 'notANeighbour' }],
    },
    {
      ...at('health/health.controller.js', `import { x } from '../common/x.js';`),
      errors: [{ messageId: 'unknownContext' }],
    },
  ],
});
