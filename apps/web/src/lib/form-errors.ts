import type { FieldError } from '@cutroom/contracts';
import type { ZodType } from 'zod';
import { ApiRequestError, describeError } from './api-client';

/** What a form shows: one message per input it has, and one for the form as a whole. */
export interface FormErrors<Path extends string> {
  byField: Partial<Record<Path, string>>;
  form: string | null;
}

/**
 * Checks a form's values against the same contract schema the API validates with, so a
 * person sees the server's wording before anything is sent.
 */
export function validateWithContract<T>(
  schema: ZodType<T>,
  values: unknown,
): { ok: true; body: T } | { ok: false; fields: FieldError[] } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    fields: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}

/**
 * Places field errors beside the inputs they name. Errors for paths the form has no input for
 * are not dropped: they join the form-level message, prefixed with their path.
 */
export function groupFieldErrors<Path extends string>(
  fields: readonly FieldError[],
  inputPaths: readonly Path[],
): FormErrors<Path> {
  const byField: Partial<Record<Path, string>> = {};
  const unplaced: string[] = [];
  for (const field of fields) {
    const path = inputPaths.find((candidate) => candidate === field.path);
    if (path === undefined) {
      unplaced.push(field.path ? `${field.path}: ${field.message}` : field.message);
    } else if (byField[path] === undefined) {
      byField[path] = field.message;
    }
  }
  return { byField, form: unplaced.length > 0 ? unplaced.join(' ') : null };
}

/**
 * The errors to show for a failed submission. `inputFor` may send a whole-request error to one
 * input, e.g. "no account uses that email" belongs beside the email input.
 */
export function formErrorsFor<Path extends string>(
  error: unknown,
  inputPaths: readonly Path[],
  inputFor: (error: ApiRequestError) => Path | undefined = () => undefined,
): FormErrors<Path> {
  if (error === null || error === undefined) return { byField: {}, form: null };
  if (!(error instanceof ApiRequestError)) return { byField: {}, form: describeError(error) };
  if (error.fields.length > 0) {
    const grouped = groupFieldErrors(error.fields, inputPaths);
    const placedAny = Object.keys(grouped.byField).length > 0;
    return { byField: grouped.byField, form: grouped.form ?? (placedAny ? null : error.message) };
  }
  const input = inputFor(error);
  if (input !== undefined) {
    const byField: Partial<Record<Path, string>> = {};
    byField[input] = describeError(error);
    return { byField, form: null };
  }
  return { byField: {}, form: describeError(error) };
}
