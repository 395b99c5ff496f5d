import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum HealthErrorCode {
  /** METRICS_TOKEN is not set: the endpoint does not exist for anyone. */
  MetricsOff = 'metrics_off',
  /** No bearer token, or not METRICS_TOKEN. */
  MetricsTokenWrong = 'metrics_token_wrong',
}

const kinds: Record<HealthErrorCode, ErrorKind> = {
  [HealthErrorCode.MetricsOff]: 'not_found',
  [HealthErrorCode.MetricsTokenWrong]: 'unauthenticated',
};

export class HealthException extends DomainException {
  constructor(code: HealthErrorCode, message: string) {
    super(kinds[code], code, message);
  }
}
