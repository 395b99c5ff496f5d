import { DomainException } from './domain.exception.js';

/** A budget of attempts is spent: a 429 whose `Retry-After` says when the next attempt can pass. */
export class RateLimitedException extends DomainException {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts from this address. Wait a moment and try again.',
  ) {
    super('rate_limited', 'rate_limited', message);
  }
}
