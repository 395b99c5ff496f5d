import { apiErrorSchema, uploadMetadataSchema } from '@cutroom/contracts';
import { openApiSchema } from '../common/validation/zod-route.decorators.js';

const tusResumable = {
  name: 'Tus-Resumable',
  in: 'header',
  required: true,
  schema: { type: 'string', enum: ['1.0.0'] },
};
const uploadId = { name: 'uploadId', in: 'path', required: true, schema: { type: 'string' } };
const error = {
  description: 'Refused, in the one error shape (tus refusals too)',
  content: { 'application/json': { schema: openApiSchema(apiErrorSchema) } },
};

/**
 * The tus 1.0.0 endpoints (https://tus.io/protocols/resumable-upload) are served outside Nest's
 * router; this describes them in the same OpenAPI document.
 */
export function tusOpenApiPaths(): Record<string, unknown> {
  return {
    '/api/uploads': {
      post: {
        tags: ['uploads'],
        summary: 'Start a resumable upload (tus creation). Editors and owners only.',
        description: `Upload-Metadata is tus's comma-separated "key base64value" list with these keys: ${JSON.stringify(
          openApiSchema(uploadMetadataSchema, 'input'),
        )}. A new asset is created when projectId is given; otherwise the file becomes the next version of assetId.`,
        security: [{ bearer: [] }, { cookie: [] }],
        parameters: [
          tusResumable,
          { name: 'Upload-Length', in: 'header', required: true, schema: { type: 'integer', minimum: 0 } },
          { name: 'Upload-Metadata', in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: {
          201: { description: 'Created; the Location header is the upload URL to PATCH bytes to' },
          400: error,
          401: error,
          403: error,
          404: error,
          412: error,
          413: error,
          507: error,
        },
      },
    },
    '/api/uploads/{uploadId}': {
      head: {
        tags: ['uploads'],
        summary: 'How many bytes the server holds (Upload-Offset): resume from there.',
        parameters: [tusResumable, uploadId],
        responses: {
          200: { description: 'Upload-Offset and Upload-Length headers' },
          401: error,
          404: error,
        },
      },
      patch: {
        tags: ['uploads'],
        summary: 'Append bytes at Upload-Offset (Content-Type: application/offset+octet-stream).',
        parameters: [
          tusResumable,
          uploadId,
          { name: 'Upload-Offset', in: 'header', required: true, schema: { type: 'integer', minimum: 0 } },
        ],
        requestBody: {
          content: { 'application/offset+octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: {
          204: { description: 'Stored; the new Upload-Offset is returned' },
          400: error,
          401: error,
          403: error,
          404: error,
          409: error,
          413: error,
          507: error,
        },
      },
      delete: {
        tags: ['uploads'],
        summary: 'Cancel an unfinished upload; its version leaves the stack.',
        parameters: [tusResumable, uploadId],
        responses: { 204: { description: 'Cancelled' }, 401: error, 404: error },
      },
    },
  };
}
