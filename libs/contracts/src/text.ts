import { z } from 'zod';

/**
 * What a person can type. Postgres refuses NUL in text (and `\u0000` in jsonb), and a lone
 * surrogate cannot be written as UTF-8: both are refused at the edge, naming the field, rather
 * than failing deep in the database. One-line fields (names, labels, filenames) refuse every
 * control character; multi-line ones (comment bodies, notes) keep tab and line breaks.
 */
export type TextKind = 'line' | 'multiline' | 'secret';

// C0 controls and DEL; a multi-line text keeps \t \n \r. Matching them is the point here.
/* eslint-disable no-control-regex */
const LINE_CONTROLS = /[\u0000-\u001f\u007f]/;
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NUL = /\u0000/;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const TEXT_CONTROL_MESSAGE = 'must not contain control characters (such as NUL, U+0000)';
export const TEXT_LINE_BREAK_MESSAGE =
  'must be one line, without tabs or control characters (such as NUL, U+0000)';
export const TEXT_SURROGATE_MESSAGE = 'must be valid Unicode text (it holds a lone UTF-16 surrogate)';

/** Why `value` cannot be stored as a text of this kind, or undefined when it can. */
export function textProblem(value: string, kind: TextKind): string | undefined {
  if (LONE_SURROGATE.test(value)) return TEXT_SURROGATE_MESSAGE;
  if (kind === 'line' && LINE_CONTROLS.test(value)) return TEXT_LINE_BREAK_MESSAGE;
  if (kind === 'multiline' && MULTILINE_CONTROLS.test(value)) return TEXT_CONTROL_MESSAGE;
  if (kind === 'secret' && NUL.test(value)) return TEXT_CONTROL_MESSAGE;
  return undefined;
}

/**
 * The check every user-typed string of a request carries, after its own trim/min/max:
 * `z.string().trim().max(100).check(safeText('line'))`. The 400 names the field.
 */
export function safeText(kind: TextKind) {
  return z.superRefine((value: string, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
