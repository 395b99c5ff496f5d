import { addMemberBodySchema, registerBodySchema } from '@cutroom/contracts';
import { ApiRequestError } from './api-client';
import { formErrorsFor, groupFieldErrors, validateWithContract } from './form-errors';

describe('checking a form against the contract before sending it', () => {
  it('names each wrong input with the message the API would have given', () => {
    const checked = validateWithContract(registerBodySchema, {
      email: 'not-an-email',
      password: 'short',
      displayName: ' ',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const errors = groupFieldErrors(checked.fields, ['displayName', 'email', 'password'] as const);
    expect(errors.byField).toEqual({
      email: 'must be an email address',
      password: 'must be at least 8 characters',
      displayName: 'must not be empty',
    });
    expect(errors.form).toBeNull();
  });

  it('sends the normalised values the API will store', () => {
    const checked = validateWithContract(addMemberBodySchema, {
      email: '  Ana@Example.COM ',
      role: 'editor',
    });
    expect(checked).toEqual({ ok: true, body: { email: 'ana@example.com', role: 'editor' } });
  });
});

describe('showing what the server refused', () => {
  const inputs = ['email', 'role'] as const;

  it('puts each field error beside its input', () => {
    const error = new ApiRequestError({
      status: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      fields: [{ path: 'role', message: 'must be one of owner, editor, reviewer, viewer' }],
    });
    expect(formErrorsFor(error, inputs)).toEqual({
      byField: { role: 'must be one of owner, editor, reviewer, viewer' },
      form: null,
    });
  });

  it('keeps errors for inputs the form does not have, so nothing is silently lost', () => {
    const error = new ApiRequestError({
      status: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      fields: [{ path: 'nickname', message: 'is not allowed' }],
    });
    expect(formErrorsFor(error, inputs)).toEqual({ byField: {}, form: 'nickname: is not allowed' });
  });

  it('shows "no account uses that email" beside the email input', () => {
    const error = new ApiRequestError({
      status: 404,
      error: 'Not Found',
      code: 'no_such_account',
      message: 'No account uses that email',
    });
    const inputFor = (refused: ApiRequestError) => (refused.code === 'no_such_account' ? 'email' : undefined);
    expect(formErrorsFor(error, inputs, inputFor)).toEqual({
      byField: { email: 'No account uses that email' },
      form: null,
    });
  });

  it('shows anything else, such as a wrong password, for the whole form', () => {
    const error = new ApiRequestError({
      status: 401,
      error: 'Unauthorized',
      message: 'Email or password is wrong',
    });
    expect(formErrorsFor(error, ['email', 'password'] as const)).toEqual({
      byField: {},
      form: 'Email or password is wrong',
    });
  });

  it('shows nothing before anything failed', () => {
    expect(formErrorsFor(null, inputs)).toEqual({ byField: {}, form: null });
  });
});
