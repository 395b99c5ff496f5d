import { composeInvitationMail } from './invitation-mail.js';

describe('composeInvitationMail', () => {
  const invitation = {
    email: 'nia@example.com',
    role: 'editor' as const,
    invitedBy: { id: '6f1c8a44-0a52-4bb5-9d1c-2c8f4b0a9e11', displayName: 'Olga <Owner>' },
    link: 'https://review.example.com/invite/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    expiresAt: '2026-12-18T10:00:00.000Z',
  };

  it('says who invited whom to what, with the link and until when', () => {
    const mail = composeInvitationMail(invitation, 'Feature\nfilm');
    expect(mail.to).toBe('nia@example.com');
    expect(mail.subject).toBe('Olga <Owner> invited you to Feature film on Cutroom');
    expect(mail.text).toContain(`as editor.\nCreate your account to join it:\n  ${invitation.link}`);
    expect(mail.text).toContain('open until 2026-12-18');
    expect(mail.html).toContain('Olga &#60;Owner&#62;');
    expect(mail.html).not.toContain('<Owner>');
  });
});
