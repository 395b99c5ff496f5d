import { apiErrorSchema, type FieldError } from '@cutroom/contracts';
import type { ZodType } from 'zod';

const API_PREFIX = '/api';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The API answered with an error (status ≥ 400), or the request never reached it (status 0).
 * `message` is the server's sentence, meant for people; `fields` says which inputs were wrong.
 */
export class ApiRequestError extends Error {
  readonly status: number;
  /** HTTP reason phrase from the body, e.g. "Conflict"; "Network Error" when status is 0. */
  readonly error: string;
  /** The API's stable reason, e.g. `last_owner` or `email_taken`, where it gives one. */
  readonly code: string | undefined;
  readonly fields: readonly FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    error: string;
    message: string;
    code?: string;
    fields?: readonly FieldError[];
    retryAfterSeconds?: number;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.error = init.error;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
  }
}

/** A successful response whose body does not match the contract: the client and server disagree. */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly method: HttpMethod,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`Unexpected response to ${method} ${path}: ${detail}`);
    this.name = 'UnexpectedResponseError';
  }
}

export function isApiRequestError(error: unknown, status?: number): error is ApiRequestError {
  return error instanceof ApiRequestError && (status === undefined || error.status === status);
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

function fallbackMessage(status: number, statusText: string): string {
  if (status === 401) return 'You need to sign in.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  const reason = statusText ? ` ${statusText}` : '';
  if (status >= 500) return `The server had a problem (${status}${reason}). Try again in a moment.`;
  return `The request failed (${status}${reason}).`;
}

/**
 * Turns an error response into an ApiRequestError. The body is the API's `ApiError` JSON;
 * anything else (a proxy's HTML page, an empty body) still yields a readable message.
 */
export function parseErrorResponse(response: {
  status: number;
  statusText: string;
  bodyText: string;
  retryAfter: string | null;
}): ApiRequestError {
  const retryAfterSeconds = parseRetryAfter(response.retryAfter);
  let json: unknown;
  try {
    json = JSON.parse(response.bodyText);
  } catch {
    json = undefined;
  }
  const parsed = apiErrorSchema.safeParse(json);
  if (parsed.success) {
    return new ApiRequestError({
      status: response.status,
      error: parsed.data.error,
      message: parsed.data.message || fallbackMessage(response.status, response.statusText),
      code: parsed.data.code,
      fields: parsed.data.fields,
      requestId: parsed.data.requestId,
      retryAfterSeconds,
    });
  }
  return new ApiRequestError({
    status: response.status,
    error: response.statusText || 'Error',
    message: fallbackMessage(response.status, response.statusText),
    retryAfterSeconds,
  });
}

interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls `/api{path}` with the session cookie. Resolves with the body validated by `schema`,
 * or with nothing when no schema is given (204 responses). Rejects with ApiRequestError for
 * error statuses and network failures, UnexpectedResponseError for a body off the contract.
 */
export function apiRequest<T>(path: string, options: RequestOptions & { schema: ZodType<T> }): Promise<T>;
export function apiRequest(path: string, options?: RequestOptions): Promise<void>;
export async function apiRequest<T>(
  path: string,
  options: RequestOptions & { schema?: ZodType<T> } = {},
): Promise<T | void> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({
      status: 0,
      error: 'Network Error',
      message: 'Could not reach the Cutroom server. Check your connection and try again.',
    });
  }

  if (!response.ok) {
    throw parseErrorResponse({
      status: response.status,
      statusText: response.statusText,
      bodyText: await response.text().catch(() => ''),
      retryAfter: response.headers.get('Retry-After'),
    });
  }

  if (!options.schema) return;

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new UnexpectedResponseError(method, path, 'the body is not JSON');
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
    throw new UnexpectedResponseError(method, path, issues.join('; '));
  }
  return parsed.data;
}

/** One sentence to show a person for any error a request can produce. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 429 && error.retryAfterSeconds !== undefined) {
      return `${error.message} (try again in ${error.retryAfterSeconds} s)`;
    }
    return error.message;
  }
  if (error instanceof UnexpectedResponseError) {
    return 'The server sent a response this version of Cutroom does not understand. Reload the page and try again.';
  }
  return 'Something went wrong. Reload the page and try again.';
}
