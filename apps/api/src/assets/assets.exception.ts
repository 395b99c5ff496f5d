import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum AssetsErrorCode {
  AssetNotFound = 'asset_not_found',
  VersionNotFound = 'version_not_found',
  NotAllowed = 'not_allowed',
  NotFailed = 'version_not_failed',
  OnlyVersion = 'only_version',
  NotDeleted = 'asset_not_deleted',
  SameProject = 'same_project',
  TargetNotFound = 'project_not_found',
  TargetNotAllowed = 'target_not_allowed',
  StillProcessing = 'still_processing',
  MovedMeanwhile = 'moved_meanwhile',
}

const kinds: Record<AssetsErrorCode, ErrorKind> = {
  [AssetsErrorCode.AssetNotFound]: 'not_found',
  [AssetsErrorCode.VersionNotFound]: 'not_found',
  [AssetsErrorCode.NotAllowed]: 'forbidden',
  [AssetsErrorCode.NotFailed]: 'conflict',
  [AssetsErrorCode.OnlyVersion]: 'conflict',
  [AssetsErrorCode.NotDeleted]: 'not_found',
  [AssetsErrorCode.SameProject]: 'conflict',
  [AssetsErrorCode.TargetNotFound]: 'not_found',
  [AssetsErrorCode.TargetNotAllowed]: 'forbidden',
  [AssetsErrorCode.StillProcessing]: 'conflict',
  [AssetsErrorCode.MovedMeanwhile]: 'conflict',
};

const messages: Record<AssetsErrorCode, string> = {
  [AssetsErrorCode.AssetNotFound]: 'No such asset, or you cannot see it.',
  [AssetsErrorCode.VersionNotFound]: 'No such version, or you cannot see it.',
  [AssetsErrorCode.NotAllowed]: 'Your role in this project does not allow that.',
  [AssetsErrorCode.NotFailed]: 'Only a version whose processing failed can be retried.',
  [AssetsErrorCode.NotDeleted]: 'No such cut in Recently deleted.',
  [AssetsErrorCode.SameProject]: 'The cut is already in that project.',
  [AssetsErrorCode.TargetNotFound]: 'No such project, or you are not a member of it.',
  [AssetsErrorCode.TargetNotAllowed]:
    'Your role in the project you chose does not allow adding cuts: only its owners and editors can.',
  [AssetsErrorCode.StillProcessing]:
    'A version of this cut is still uploading or processing: move it once that has finished.',
  [AssetsErrorCode.MovedMeanwhile]:
    'Someone moved this cut to another project meanwhile: look for it there before moving it again.',
  [AssetsErrorCode.OnlyVersion]:
    'This is the only version of the cut: delete the cut instead, or upload another version first.',
};

export class AssetsException extends DomainException {
  constructor(code: AssetsErrorCode) {
    super(kinds[code], code, messages[code]);
  }
}
