import { tusErrorBody } from './tus-errors.js';

const context = { maxUploadBytes: '8.0 MiB' };
const answer = (error: { status_code: number; body: string }) =>
  tusErrorBody(error.status_code, error.body, context);

// As @tus/utils words them (an ES module jest cannot load here).
const ERRORS = {
  ERR_MAX_SIZE_EXCEEDED: { status_code: 413, body: 'Maximum size exceeded\n' },
  INVALID_OFFSET: { status_code: 409, body: 'Upload-Offset conflict\n' },
  FILE_NO_LONGER_EXISTS: { status_code: 410, body: 'The file for this url no longer exists\n' },
  UNSUPPORTED_CONCATENATION_EXTENSION: {
    status_code: 501,
    body: 'Concatenation extension is not (yet) supported. Disable parallel uploads in the tus client.\n',
  },
  FILE_WRITE_ERROR: { status_code: 500, body: 'Something went wrong receiving the file\n' },
};

describe("tus's refusals in the one error shape", () => {
  it('keeps the status tus clients act on and says what to do', () => {
    expect(answer(ERRORS.ERR_MAX_SIZE_EXCEEDED)).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The file is too large: this server accepts up to 8.0 MiB.',
      code: 'upload_too_large',
    });
    expect(answer(ERRORS.INVALID_OFFSET)).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'upload_offset_conflict',
    });
    expect(answer(ERRORS.FILE_NO_LONGER_EXISTS)).toMatchObject({ statusCode: 410, code: 'upload_gone' });
    expect(answer(ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION)).toMatchObject({
      statusCode: 501,
      code: 'tus_extension_unsupported',
    });
    expect(tusErrorBody(412, 'Tus-Resumable Required\n', context)).toMatchObject({
      statusCode: 412,
      error: 'Precondition Failed',
      code: 'tus_resumable_required',
    });
  });

  it('names the invalid headers tus found', () => {
    expect(tusErrorBody(400, 'Invalid upload-length upload-offset\n', context)).toMatchObject({
      statusCode: 400,
      code: 'invalid_tus_headers',
      message: 'These upload headers are not valid: upload-length, upload-offset.',
    });
  });

  it('never shows a server failure in its own words', () => {
    expect(answer(ERRORS.FILE_WRITE_ERROR)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. It has been logged.',
    });
    expect(tusErrorBody(418, 'short and stout', context)).toMatchObject({
      statusCode: 418,
      message: 'short and stout',
    });
  });
});
