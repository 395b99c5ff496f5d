import { toApiError } from '../common/http/api-exception.filter.js';
import type { Logger } from '../common/logging/logger.js';

/** A socket request refused, in the REST error's terms (status, message, fields). */
export type Refusal = {
  ok: false;
  error: {
    statusCode: number;
    message: string;
    code?: string;
    fields?: { path: string; message: string }[];
  };
};

/** The ack refusing a request for this error; a server fault is logged, its detail never sent. */
export function refusalFor(error: unknown, what: string, logger: Logger): Refusal {
  const { statusCode, message, fields } = toApiError(error);
  if (statusCode >= 500) logger.error({ err: error }, `${what} failed`);
  return { ok: false, error: fields ? { statusCode, message, fields } : { statusCode, message } };
}
