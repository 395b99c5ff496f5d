import type { ApiError } from '@cutroom/contracts';
import { reasonPhrases } from '../common/http/reason-phrases.js';

interface TusRefusal {
  /** How tus-node words it (its plain-text body), matched at the start. */
  tus: RegExp;
  code: string;
  message: (context: TusErrorContext) => string;
}

export interface TusErrorContext {
  maxUploadBytes: string;
  /** The headers tus-node named in `Invalid <headers>`. */
  invalidHeaders?: string;
}

const RESUME = 'Ask the server how much it has (HEAD) and resume from there.';

/** tus-node's own refusals, in words a person (or tus-js-client's caller) can act on. */
const REFUSALS: TusRefusal[] = [
  {
    tus: /^Maximum size exceeded/,
    code: 'upload_too_large',
    message: ({ maxUploadBytes }) => `The file is too large: this server accepts up to ${maxUploadBytes}.`,
  },
  {
    tus: /^upload's size exceeded/,
    code: 'upload_size_exceeded',
    message: () => 'More bytes were sent than the upload declared (Upload-Length).',
  },
  {
    tus: /^Upload-Offset conflict/,
    code: 'upload_offset_conflict',
    message: () => `The bytes sent do not start where the upload stands. ${RESUME}`,
  },
  {
    tus: /^Upload-Offset header required/,
    code: 'upload_offset_required',
    message: () => 'Say where these bytes start with an Upload-Offset header.',
  },
  {
    tus: /^Content-Type header required/,
    code: 'upload_content_type_required',
    message: () => 'Send upload bytes as Content-Type: application/offset+octet-stream.',
  },
  {
    tus: /^Upload-Length or Upload-Defer-Length header required/,
    code: 'upload_length_required',
    message: () => 'Say how large the file is with an Upload-Length header.',
  },
  {
    tus: /^Upload-Metadata is invalid/,
    code: 'bad_upload_metadata',
    message: () =>
      'The Upload-Metadata header must be comma-separated "key base64value" pairs, each key once.',
  },
  {
    tus: /^Tus-Resumable Required/,
    code: 'tus_resumable_required',
    message: () => 'This is a tus 1.0.0 endpoint: send the Tus-Resumable: 1.0.0 header.',
  },
  {
    tus: /^Invalid /,
    code: 'invalid_tus_headers',
    message: ({ invalidHeaders }) => `These upload headers are not valid: ${invalidHeaders}.`,
  },
  {
    tus: /^The file for this url was not found|^Not found/,
    code: 'upload_not_found',
    message: () => 'No such upload, or it is not yours.',
  },
  {
    tus: /^The file for this url no longer exists/,
    code: 'upload_gone',
    message: () => 'This upload has been removed from the server. Start it again.',
  },
  {
    tus: /^Cannot terminate an already completed upload/,
    code: 'upload_complete',
    message: () => 'This upload is already complete: delete the version instead.',
  },
  {
    tus: /^Request aborted due to lock acquired/,
    code: 'upload_busy',
    message: () => `Another request is writing to this upload. ${RESUME}`,
  },
  {
    tus: /extension is not \(yet\) supported/,
    code: 'tus_extension_unsupported',
    message: () => 'This server does not support that tus extension (concatenation, parallel uploads).',
  },
];

/**
 * A tus-node error answer (status and plain-text body) as the API's one JSON error shape. Its
 * status stays as it is: tus clients decide whether to retry or resume from it.
 */
export function tusErrorBody(status: number, text: string, context: TusErrorContext): ApiError {
  const said = text.trim();
  const error = reasonPhrases[status] ?? 'Error';
  if (status >= 500 && status !== 501) {
    return { statusCode: status, error, message: 'Something went wrong on our side. It has been logged.' };
  }
  const refusal = REFUSALS.find((candidate) => candidate.tus.test(said));
  if (!refusal) return { statusCode: status, error, message: said || 'The upload request was refused.' };
  const invalidHeaders = said
    .replace(/^Invalid /, '')
    .split(' ')
    .join(', ');
  return {
    statusCode: status,
    error,
    message: refusal.message({ ...context, invalidHeaders }),
    code: refusal.code,
  };
}
