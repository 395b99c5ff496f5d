import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum ExportsErrorCode {
  /** A guest whose link does not allow downloads, or a role that may not export. */
  NotAllowed = 'export_not_allowed',
  /** The version has no frames yet (still processing) or none at all (sound only). */
  NoFrames = 'export_no_frames',
  /** The format cannot hold this many notes. */
  TooManyNotes = 'export_too_many_notes',
}

const kinds: Record<ExportsErrorCode, ErrorKind> = {
  [ExportsErrorCode.NotAllowed]: 'forbidden',
  [ExportsErrorCode.NoFrames]: 'conflict',
  [ExportsErrorCode.TooManyNotes]: 'invalid',
};

export class ExportsException extends DomainException {
  constructor(code: ExportsErrorCode, message: string, options?: { cause?: unknown }) {
    super(kinds[code], code, message, options);
  }
}
