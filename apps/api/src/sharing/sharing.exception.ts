import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum SharingErrorCode {
  LinkNotFound = 'link_not_found',
  LinkExpired = 'link_expired',
  PasswordRequired = 'password_required',
  WrongPassword = 'wrong_password',
  NotAGuest = 'not_a_guest',
  AssetsElsewhere = 'assets_elsewhere',
  ExpiryInPast = 'expiry_in_past',
  LinkNotCopyable = 'link_not_copyable',
  LinkSecretChanged = 'link_secret_changed',
}

const kinds: Record<SharingErrorCode, ErrorKind> = {
  [SharingErrorCode.LinkNotFound]: 'not_found',
  [SharingErrorCode.LinkExpired]: 'gone',
  [SharingErrorCode.PasswordRequired]: 'unauthenticated',
  [SharingErrorCode.WrongPassword]: 'unauthenticated',
  [SharingErrorCode.NotAGuest]: 'not_found',
  [SharingErrorCode.AssetsElsewhere]: 'invalid',
  [SharingErrorCode.ExpiryInPast]: 'invalid',
  [SharingErrorCode.LinkNotCopyable]: 'conflict',
  [SharingErrorCode.LinkSecretChanged]: 'conflict',
};

const messages: Record<SharingErrorCode, string> = {
  [SharingErrorCode.LinkNotFound]: 'This review link does not exist or has been turned off.',
  [SharingErrorCode.LinkExpired]: 'This review link has expired. Ask the person who sent it for a new one.',
  [SharingErrorCode.PasswordRequired]: 'This review link needs a password.',
  [SharingErrorCode.WrongPassword]: 'That password is not right for this review link.',
  [SharingErrorCode.NotAGuest]: 'You are not visiting through a review link.',
  [SharingErrorCode.AssetsElsewhere]: 'Some of those assets are not in this project.',
  [SharingErrorCode.ExpiryInPast]: 'The expiry must be in the future.',
  [SharingErrorCode.LinkNotCopyable]:
    'This link was made before links could be copied again: it still works for those who have it, or make a new one to share.',
  [SharingErrorCode.LinkSecretChanged]:
    "This link's address cannot be shown again because the server's secret (DATA_DIR/secrets/server-secret) changed: it still works for those who have it, or make a new one to share.",
};

export class SharingException extends DomainException {
  constructor(code: SharingErrorCode) {
    super(kinds[code], code, messages[code]);
  }
}
