import { registerBodySchema } from './registration';
import {
  COMMON_PASSWORD_MESSAGE,
  EMAIL_PASSWORD_MESSAGE,
  isCommonPassword,
  isEmailPassword,
} from './password-rules';

const register = (password: string, email = 'ana.lima@studio.com') =>
  registerBodySchema.safeParse({ email, password, displayName: 'Ana' });

const passwordMessages = (password: string, email?: string) =>
  register(password, email)
    .error?.issues.filter((i) => i.path.join('.') === 'password')
    .map((i) => i.message);

describe('a new password', () => {
  it('is refused when it is one of the most common, whatever its case', () => {
    for (const password of ['password', '12345678', 'qwertyuiop', 'PassWord1', 'iloveyou', 'Sunshine']) {
      expect(isCommonPassword(password)).toBe(true);
      expect(passwordMessages(password)).toEqual([COMMON_PASSWORD_MESSAGE]);
    }
  });

  it('is refused when it is a common one with spaces around it', () => {
    for (const password of ['password ', ' password', '  12345678  ', '\tqwertyuiop\n']) {
      expect(isCommonPassword(password)).toBe(true);
      expect(passwordMessages(password)).toEqual([COMMON_PASSWORD_MESSAGE]);
    }
  });

  it('is refused when it is the e-mail address or the name before the @', () => {
    expect(passwordMessages('ana.lima@studio.com')).toEqual([EMAIL_PASSWORD_MESSAGE]);
    expect(passwordMessages('Ana.Lima@Studio.com')).toEqual([EMAIL_PASSWORD_MESSAGE]);
    expect(passwordMessages('ana.lima')).toEqual([EMAIL_PASSWORD_MESSAGE]);
    expect(isEmailPassword('ana.lima', 'ana.lima@studio.com')).toBe(true);
  });

  it('is accepted otherwise, the list holding nothing shorter than the minimum', () => {
    expect(register('correct horse battery').success).toBe(true);
    expect(register('ana.lima.studio 2026').success).toBe(true);
    expect(isCommonPassword('123456')).toBe(false);
  });
});
