/**
 * The 10,000 most common passwords of 8 or more characters (shorter ones are refused anyway),
 * most common first, lower-cased: from the frequency list of leaked passwords that zxcvbn-ts ships
 * in @zxcvbn-ts/language-common 4.1.3 (MIT, © 2012-2016 Dan Wheeler and Dropbox, Inc., 2021
 * zxcvbn-ts), keeping entries of printable ASCII without spaces. Attackers try these first.
 */
import commonPasswords from './common-passwords.json';

export const COMMON_PASSWORD_MESSAGE =
  'is one of the most common passwords, which are the first ones guessed: choose another (a few unrelated words make a strong one)';
export const EMAIL_PASSWORD_MESSAGE = 'must not be your email address or the part of it before the @';

let common: Set<string> | undefined;

/** Whether the password is on the shipped list of common passwords, whatever its case or surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(commonPasswords);
  return common.has(password.trim().toLowerCase());
}

/** Whether the password is the account's e-mail address, or its local part, whatever its case. */
export function isEmailPassword(password: string, email: string): boolean {
  const given = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  return given === address || (at > 0 && given === address.slice(0, at));
}
