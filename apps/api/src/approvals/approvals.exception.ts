import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum ApprovalsErrorCode {
  NotAllowed = 'not_allowed',
  VersionSuperseded = 'version_superseded',
  VersionNotWatchable = 'version_not_watchable',
  CommentNotFound = 'comment_not_found',
  NotCarriedOver = 'not_carried_over',
  NotCurrentRound = 'not_current_round',
}

const kinds: Record<ApprovalsErrorCode, ErrorKind> = {
  [ApprovalsErrorCode.NotAllowed]: 'forbidden',
  [ApprovalsErrorCode.VersionSuperseded]: 'conflict',
  [ApprovalsErrorCode.VersionNotWatchable]: 'conflict',
  [ApprovalsErrorCode.CommentNotFound]: 'not_found',
  [ApprovalsErrorCode.NotCarriedOver]: 'conflict',
  [ApprovalsErrorCode.NotCurrentRound]: 'conflict',
};

export class ApprovalsException extends DomainException {
  constructor(code: ApprovalsErrorCode, message: string) {
    super(kinds[code], code, message);
  }
}
