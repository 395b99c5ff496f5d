import type { LiveRefusal } from '@cutroom/policy';
import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum SessionsErrorCode {
  NoSession = 'live_session_not_found',
  AlreadyRunning = 'live_session_running',
  NotJoined = 'asset_not_joined',
  WrongVersion = 'live_version_not_of_asset',
  WrongCompareVersion = 'live_compare_version_not_of_asset',
  FrameOutOfRange = 'live_frame_out_of_range',
  GuestCannotStart = 'guest_cannot_start',
  CannotView = 'cannot_view',
  NotHost = 'not_host',
  NotInSession = 'not_in_session',
  GuestCannotHost = 'guest_cannot_host',
  HostRoleFixed = 'host_role_fixed',
  CannotAnnotate = 'cannot_annotate',
  NotAnnotator = 'not_annotator',
}

const kinds: Record<SessionsErrorCode, ErrorKind> = {
  [SessionsErrorCode.NoSession]: 'not_found',
  [SessionsErrorCode.AlreadyRunning]: 'conflict',
  [SessionsErrorCode.NotJoined]: 'conflict',
  [SessionsErrorCode.WrongVersion]: 'invalid',
  [SessionsErrorCode.WrongCompareVersion]: 'invalid',
  [SessionsErrorCode.FrameOutOfRange]: 'invalid',
  [SessionsErrorCode.GuestCannotStart]: 'forbidden',
  [SessionsErrorCode.CannotView]: 'forbidden',
  [SessionsErrorCode.NotHost]: 'forbidden',
  [SessionsErrorCode.NotInSession]: 'conflict',
  [SessionsErrorCode.GuestCannotHost]: 'forbidden',
  [SessionsErrorCode.HostRoleFixed]: 'conflict',
  [SessionsErrorCode.CannotAnnotate]: 'forbidden',
  [SessionsErrorCode.NotAnnotator]: 'forbidden',
};

const messages: Record<SessionsErrorCode, string> = {
  [SessionsErrorCode.NoSession]: 'No live session is running on this cut.',
  [SessionsErrorCode.AlreadyRunning]: 'A live session is already running on this cut: join it instead.',
  [SessionsErrorCode.NotJoined]: 'Open the cut first (asset:join), then its live session.',
  [SessionsErrorCode.WrongVersion]: 'That version is not one of this cut.',
  [SessionsErrorCode.WrongCompareVersion]: 'The version to compare with is not one of this cut.',
  [SessionsErrorCode.FrameOutOfRange]: 'That frame is past the end of the version.',
  [SessionsErrorCode.GuestCannotStart]: 'Only project members can start a live session; guests can join one.',
  [SessionsErrorCode.CannotView]: 'You cannot see this cut.',
  [SessionsErrorCode.NotHost]: 'Only the host drives the session and hands out its roles.',
  [SessionsErrorCode.NotInSession]: 'That person is not in the live session.',
  [SessionsErrorCode.GuestCannotHost]: 'A guest cannot host a live session.',
  [SessionsErrorCode.HostRoleFixed]: 'The host stays host: pass the role with Make host.',
  [SessionsErrorCode.CannotAnnotate]:
    'Only someone who may comment on this cut can annotate (a guest, through a link that lets them comment).',
  [SessionsErrorCode.NotAnnotator]: 'Only the host and annotators can point and draw for everyone.',
};

const byRefusal: Record<LiveRefusal, SessionsErrorCode> = {
  guest_cannot_start: SessionsErrorCode.GuestCannotStart,
  cannot_view: SessionsErrorCode.CannotView,
  not_host: SessionsErrorCode.NotHost,
  not_in_session: SessionsErrorCode.NotInSession,
  guest_cannot_host: SessionsErrorCode.GuestCannotHost,
  host_role_fixed: SessionsErrorCode.HostRoleFixed,
  cannot_annotate: SessionsErrorCode.CannotAnnotate,
  not_annotator: SessionsErrorCode.NotAnnotator,
};

export class SessionsException extends DomainException {
  constructor(code: SessionsErrorCode) {
    super(kinds[code], code, messages[code]);
  }

  static refusing(refusal: LiveRefusal): SessionsException {
    return new SessionsException(byRefusal[refusal]);
  }
}
