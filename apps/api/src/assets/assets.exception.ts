import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum AssetsErrorCode {
  AssetNotFound = 'asset_not_found',
  VersionNotFound = 'version_not_found',
  NotAllowed = 'not_allowed',
}

const kinds: Record<AssetsErrorCode, ErrorKind> = {
  [AssetsErrorCode.AssetNotFound]: 'not_found',
  [AssetsErrorCode.VersionNotFound]: 'not_found',
  [AssetsErrorCode.NotAllowed]: 'forbidden',
};

const messages: Record<AssetsErrorCode, string> = {
  [AssetsErrorCode.AssetNotFound]: 'No such asset, or you cannot see it.',
  [AssetsErrorCode.VersionNotFound]: 'No such version, or you cannot see it.',
  [AssetsErrorCode.NotAllowed]: 'Your role in this project does not allow that.',
};

export class AssetsException extends DomainException {
  constructor(code: AssetsErrorCode) {
    super(kinds[code], code, messages[code]);
  }
}
