import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { recordDecisionBodySchema } from './approvals';
import { createAssetBodySchema, renameAssetBodySchema, uploadMetadataSchema } from './assets';
import { loginBodySchema } from './auth';
import { registerBodySchema } from './registration';
import { createReviewLinkBodySchema } from './review-link-changes';
import { createProjectBodySchema, renameProjectBodySchema } from './projects';
import { drawingStrokeSchema } from './realtime';
import { createCommentBodySchema, reactionBodySchema, updateCommentBodySchema } from './review';
import { joinReviewLinkBodySchema } from './sharing';
import { TEXT_CONTROL_MESSAGE, TEXT_LINE_BREAK_MESSAGE, TEXT_SURROGATE_MESSAGE, textProblem } from './text';

const NUL = 'a\u0000b';
const LONE_HIGH = 'a\uD800b';
const LONE_LOW = '\uDC00b';

describe('text a person can type', () => {
  it('keeps every real character, emoji (surrogate pairs) included, and line breaks where a text has lines', () => {
    for (const kind of ['line', 'multiline', 'secret'] as const) {
      expect(textProblem('Écran 2 — plan 😀 ß 日本', kind)).toBeUndefined();
    }
    expect(textProblem('first line\n\tsecond line\r\n', 'multiline')).toBeUndefined();
    expect(textProblem('tab\there', 'secret')).toBeUndefined();
  });

  it('refuses NUL everywhere, and lone surrogates, however they sit', () => {
    for (const kind of ['line', 'multiline', 'secret'] as const) {
      expect(textProblem(NUL, kind)).toBeDefined();
      expect(textProblem(LONE_HIGH, kind)).toBe(TEXT_SURROGATE_MESSAGE);
      expect(textProblem(LONE_LOW, kind)).toBe(TEXT_SURROGATE_MESSAGE);
      expect(textProblem('end\uD83D', kind)).toBe(TEXT_SURROGATE_MESSAGE);
    }
  });

  it('refuses line breaks and other controls in one-line texts, and controls but not breaks in bodies', () => {
    expect(textProblem('Ana\nSmith', 'line')).toBe(TEXT_LINE_BREAK_MESSAGE);
    expect(textProblem('bell\u0007', 'line')).toBe(TEXT_LINE_BREAK_MESSAGE);
    expect(textProblem('bell\u0007', 'multiline')).toBe(TEXT_CONTROL_MESSAGE);
    expect(textProblem('del\u007f', 'multiline')).toBe(TEXT_CONTROL_MESSAGE);
  });
});

const text = (overrides: Record<string, unknown>) => ({ version: 1, ...overrides });
const textShape = (fields: Record<string, unknown>) => ({
  id: 's1',
  kind: 'text',
  colour: '#ff3b30',
  strokeWidth: 0.004,
  at: [0.5, 0.5],
  text: 'look here',
  size: 0.05,
  ...fields,
});

/** Every text field of every request schema, with a body that is valid but for that field. */
const cases: [string, ZodType, (bad: string) => unknown, string][] = [
  ['comment body', createCommentBodySchema, (bad) => ({ body: bad }), 'body'],
  [
    'comment clientId',
    createCommentBodySchema,
    (bad) => ({ body: 'ok', clientId: `${bad}-client-id` }),
    'clientId',
  ],
  ['edited comment body', updateCommentBodySchema, (bad) => ({ body: bad }), 'body'],
  [
    'text drawn on a frame',
    createCommentBodySchema,
    (bad) => ({ body: 'ok', frame: 1, annotation: text({ shapes: [textShape({ text: bad })] }) }),
    'annotation.shapes.0.text',
  ],
  [
    'shape id',
    createCommentBodySchema,
    (bad) => ({ body: 'ok', frame: 1, annotation: text({ shapes: [textShape({ id: bad })] }) }),
    'annotation.shapes.0.id',
  ],
  ['reaction', reactionBodySchema, (bad) => ({ emoji: `👍${bad}` }), 'emoji'],
  ['decision note', recordDecisionBodySchema, (bad) => ({ decision: 'approved', note: bad }), 'note'],
  ['project name', createProjectBodySchema, (bad) => ({ name: bad }), 'name'],
  ['project rename', renameProjectBodySchema, (bad) => ({ name: bad }), 'name'],
  ['asset name', createAssetBodySchema, (bad) => ({ name: bad }), 'name'],
  ['asset rename', renameAssetBodySchema, (bad) => ({ name: bad }), 'name'],
  [
    'upload filename',
    uploadMetadataSchema,
    (bad) => ({ filename: `${bad}.mov`, projectId: randomUUID() }),
    'filename',
  ],
  [
    'upload asset name',
    uploadMetadataSchema,
    (bad) => ({ filename: 'a.mov', projectId: randomUUID(), assetName: bad }),
    'assetName',
  ],
  [
    'upload filetype',
    uploadMetadataSchema,
    (bad) => ({ filename: 'a.mov', assetId: randomUUID(), filetype: bad }),
    'filetype',
  ],
  [
    'display name',
    registerBodySchema,
    (bad) => ({ email: 'a@b.co', password: 'long enough pass', displayName: bad }),
    'displayName',
  ],
  [
    'new password',
    registerBodySchema,
    (bad) => ({ email: 'a@b.co', password: `${bad} long enough`, displayName: 'Ana' }),
    'password',
  ],
  ['sign-in password', loginBodySchema, (bad) => ({ email: 'a@b.co', password: bad }), 'password'],
  ['link label', createReviewLinkBodySchema, (bad) => ({ label: bad }), 'label'],
  ['link password', createReviewLinkBodySchema, (bad) => ({ password: `${bad}word` }), 'password'],
  ['guest name', joinReviewLinkBodySchema, (bad) => ({ name: bad }), 'name'],
  ['guest password', joinReviewLinkBodySchema, (bad) => ({ name: 'Ana', password: bad }), 'password'],
  [
    'text of a drawing in progress',
    drawingStrokeSchema,
    (bad) => ({ assetId: randomUUID(), versionId: randomUUID(), frame: 0, shape: textShape({ text: bad }) }),
    'shape.text',
  ],
];

describe('every text field of a request', () => {
  it.each(cases)('%s refuses NUL and lone surrogates, naming the field', (_name, schema, body, path) => {
    expect(schema.safeParse(body('fine')).success).toBe(true);
    for (const bad of [NUL, LONE_HIGH, LONE_LOW]) {
      const parsed = schema.safeParse(body(bad));
      expect(parsed.success).toBe(false);
      const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
      expect(paths).toContain(path);
    }
  });
});
