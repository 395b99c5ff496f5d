import { COMMON_PASSWORDS_TEXT } from './common-passwords';

export const COMMON_PASSWORD_MESSAGE =
  'is one of the most common passwords, which are the first ones guessed: choose another (a few unrelated words make a strong one)';
export const EMAIL_PASSWORD_MESSAGE = 'must not be your email address or the part of it before the @';

let common: Set<string> | undefined;

/** Whether the password is on the shipped list of common passwords, whatever its case or surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean));
  return common.has(password.trim().toLowerCase());
}

/** Whether the password is the account's e-mail address, or its local part, whatever its case. */
export function isEmailPassword(password: string, email: string): boolean {
  const given = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  return given === address || (at > 0 && given === address.slice(0, at));
}
