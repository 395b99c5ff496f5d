import type { Invitation } from '@cutroom/contracts';

/** The mail that brings an invited address to its sign-up form. Everything anyone typed is escaped in HTML. */
export function composeInvitationMail(
  invitation: Pick<Invitation, 'email' | 'role' | 'invitedBy' | 'link' | 'expiresAt'>,
  projectName: string,
) {
  const inviter = oneLine(invitation.invitedBy?.displayName) ?? 'Someone';
  const project = oneLine(projectName) ?? 'a project';
  const until = invitation.expiresAt.slice(0, 10);
  const headline = `${inviter} invited you to ${project} on Cutroom`;
  const text = [
    'Hi,',
    '',
    `${headline}, as ${invitation.role}.`,
    'Create your account to join it:',
    `  ${invitation.link}`,
    '',
    `The invitation is open until ${until}.`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(headline)}, as ${escapeHtml(invitation.role)}.</p>`,
    `<p><a href="${escapeHtml(invitation.link)}">Create your account to join it</a></p>`,
    `<p style="color:#666;font-size:smaller">The invitation is open until ${escapeHtml(until)}.</p>`,
    '</body></html>',
  ].join('\n');
  return { to: invitation.email, subject: headline, text, html };
}

function oneLine(text: string | null | undefined): string | null {
  const line = text?.replace(/\s+/g, ' ').trim().slice(0, 200);
  return line ? line : null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
