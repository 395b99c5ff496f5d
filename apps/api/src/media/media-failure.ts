/**
 * A version cannot be processed, for a reason the uploader can act on ("The file ends after
 * 3.2 s of 40 s: the upload may be incomplete"). Never retried; the technical cause is logged.
 */
export class MediaFailure extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'MediaFailure';
  }
}
