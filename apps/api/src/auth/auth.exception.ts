import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum AuthErrorCode {
  NotSignedIn = 'not_signed_in',
  BadCredentials = 'bad_credentials',
  EmailTaken = 'email_taken',
  GuestNotAllowed = 'guest_not_allowed',
}

const kinds: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.NotSignedIn]: 'unauthenticated',
  [AuthErrorCode.BadCredentials]: 'unauthenticated',
  [AuthErrorCode.EmailTaken]: 'conflict',
  [AuthErrorCode.GuestNotAllowed]: 'forbidden',
};

const messages: Record<AuthErrorCode, string> = {
  [AuthErrorCode.NotSignedIn]: 'Sign in to continue: the session is missing, expired or was ended.',
  [AuthErrorCode.BadCredentials]: 'That email and password do not match an account.',
  [AuthErrorCode.EmailTaken]: 'An account with that email already exists. Sign in instead.',
  [AuthErrorCode.GuestNotAllowed]: 'A review link does not allow that. Sign in with a Cutroom account.',
};

export class AuthException extends DomainException {
  constructor(code: AuthErrorCode) {
    super(kinds[code], code, messages[code]);
  }
}
