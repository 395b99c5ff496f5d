export type TimecodeErrorCode =
  | 'INVALID_FRAME_RATE'
  | 'DROP_FRAME_NOT_ALLOWED'
  | 'INVALID_FRAME'
  | 'INVALID_SECONDS'
  | 'MALFORMED_TIMECODE'
  | 'TIMECODE_OUT_OF_RANGE'
  | 'DROPPED_TIMECODE';

/** Bad input to the time maths; `code` says which kind, `message` is a sentence a person can act on. */
export class TimecodeError extends Error {
  override readonly name = 'TimecodeError';

  constructor(
    readonly code: TimecodeErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
