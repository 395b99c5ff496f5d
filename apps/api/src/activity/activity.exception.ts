import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum ActivityErrorCode {
  ItemNotFound = 'activity_item_not_found',
}

const kinds: Record<ActivityErrorCode, ErrorKind> = {
  [ActivityErrorCode.ItemNotFound]: 'not_found',
};

export class ActivityException extends DomainException {
  constructor(code: ActivityErrorCode, message: string) {
    super(kinds[code], code, message);
  }
}
