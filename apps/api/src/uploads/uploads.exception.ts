import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum UploadsErrorCode {
  BadMetadata = 'bad_upload_metadata',
  TooLarge = 'upload_too_large',
  DiskFull = 'disk_full',
  UploadNotFound = 'upload_not_found',
}

const kinds: Record<UploadsErrorCode, ErrorKind> = {
  [UploadsErrorCode.BadMetadata]: 'invalid',
  [UploadsErrorCode.TooLarge]: 'too_large',
  [UploadsErrorCode.DiskFull]: 'insufficient_storage',
  [UploadsErrorCode.UploadNotFound]: 'not_found',
};

export class UploadsException extends DomainException {
  constructor(code: UploadsErrorCode, message: string, options?: { cause?: unknown }) {
    super(kinds[code], code, message, options);
  }
}
