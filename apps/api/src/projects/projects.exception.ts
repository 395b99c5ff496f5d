import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum ProjectsErrorCode {
  ProjectNotFound = 'project_not_found',
  NotAllowed = 'not_allowed',
  MemberNotFound = 'member_not_found',
  NoSuchAccount = 'no_such_account',
  AlreadyMember = 'already_member',
  LastOwner = 'last_owner',
  InvitationNotFound = 'invitation_not_found',
}

const kinds: Record<ProjectsErrorCode, ErrorKind> = {
  [ProjectsErrorCode.ProjectNotFound]: 'not_found',
  [ProjectsErrorCode.NotAllowed]: 'forbidden',
  [ProjectsErrorCode.MemberNotFound]: 'not_found',
  [ProjectsErrorCode.NoSuchAccount]: 'not_found',
  [ProjectsErrorCode.AlreadyMember]: 'conflict',
  [ProjectsErrorCode.LastOwner]: 'conflict',
  [ProjectsErrorCode.InvitationNotFound]: 'not_found',
};

const messages: Record<ProjectsErrorCode, string> = {
  [ProjectsErrorCode.ProjectNotFound]: 'No such project, or you are not a member of it.',
  [ProjectsErrorCode.NotAllowed]: 'Your role in this project does not allow that.',
  [ProjectsErrorCode.MemberNotFound]: 'That person is not a member of this project.',
  [ProjectsErrorCode.NoSuchAccount]: 'No Cutroom account uses that email. Ask them to sign up first.',
  [ProjectsErrorCode.AlreadyMember]: 'That person is already a member of this project.',
  [ProjectsErrorCode.LastOwner]: 'A project needs at least one owner. Make someone else an owner first.',
  [ProjectsErrorCode.InvitationNotFound]:
    'This invitation does not exist, was already used, was revoked or has expired. Ask for a new one.',
};

export class ProjectsException extends DomainException {
  constructor(code: ProjectsErrorCode) {
    super(kinds[code], code, messages[code]);
  }
}
