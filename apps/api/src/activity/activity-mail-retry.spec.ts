import { isPermanentMailError, sendWithRetry } from './activity-mail-retry.js';

function smtpError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error('smtp'), fields);
}

describe('isPermanentMailError', () => {
  it('a refusal for good or wrong settings is permanent', () => {
    expect(isPermanentMailError(smtpError({ code: 'EENVELOPE', responseCode: 550 }))).toBe(true);
    expect(isPermanentMailError(smtpError({ code: 'EMESSAGE', responseCode: 554 }))).toBe(true);
    expect(isPermanentMailError(smtpError({ code: 'EAUTH', responseCode: 535 }))).toBe(true);
    expect(isPermanentMailError(smtpError({ code: 'EAUTH' }))).toBe(true);
  });

  it('a dropped connection, a timeout, "try later" and 503 are worth another attempt', () => {
    expect(isPermanentMailError(smtpError({ code: 'ESOCKET' }))).toBe(false);
    expect(isPermanentMailError(smtpError({ code: 'ETIMEDOUT' }))).toBe(false);
    expect(isPermanentMailError(smtpError({ code: 'EENVELOPE', responseCode: 451 }))).toBe(false);
    expect(isPermanentMailError(smtpError({ code: 'EPROTOCOL', responseCode: 503 }))).toBe(false);
    expect(isPermanentMailError(new Error('anything else'))).toBe(false);
    expect(isPermanentMailError('not even an error')).toBe(false);
  });

  it("believes nodemailer's own verdict when it gives one", () => {
    expect(isPermanentMailError(smtpError({ responseCode: 550, permanent: false }))).toBe(false);
    expect(isPermanentMailError(smtpError({ responseCode: 421, permanent: true }))).toBe(true);
  });
});

describe('sendWithRetry', () => {
  const options = () => {
    const slept: number[] = [];
    const retries: number[] = [];
    return {
      slept,
      retries,
      options: {
        delaysMs: [10, 20, 30],
        sleep: async (ms: number) => void slept.push(ms),
        onRetry: (_error: unknown, attempt: number) => void retries.push(attempt),
        shouldGoOn: () => true,
      },
    };
  };

  it('sends once when the first attempt succeeds', async () => {
    const run = options();
    const send = jest.fn().mockResolvedValue('sent');
    await expect(sendWithRetry(send, run.options)).resolves.toBe('sent');
    expect(send).toHaveBeenCalledTimes(1);
    expect(run.slept).toEqual([]);
  });

  it('waits longer before each retry of a passing failure, and succeeds when the server does', async () => {
    const run = options();
    const send = jest
      .fn()
      .mockRejectedValueOnce(smtpError({ code: 'ESOCKET' }))
      .mockRejectedValueOnce(smtpError({ responseCode: 451 }))
      .mockResolvedValue('sent');
    await expect(sendWithRetry(send, run.options)).resolves.toBe('sent');
    expect(run.slept).toEqual([10, 20]);
    expect(run.retries).toEqual([1, 2]);
  });

  it('gives up with the last error once the delays run out', async () => {
    const run = options();
    const last = smtpError({ code: 'ETIMEDOUT', message: 'fourth' });
    const send = jest
      .fn()
      .mockRejectedValueOnce(smtpError({ code: 'ESOCKET' }))
      .mockRejectedValueOnce(smtpError({ code: 'ESOCKET' }))
      .mockRejectedValueOnce(smtpError({ code: 'ESOCKET' }))
      .mockRejectedValueOnce(last);
    await expect(sendWithRetry(send, run.options)).rejects.toBe(last);
    expect(send).toHaveBeenCalledTimes(4);
    expect(run.slept).toEqual([10, 20, 30]);
  });

  it('does not retry a permanent refusal', async () => {
    const run = options();
    const refused = smtpError({ responseCode: 550 });
    const send = jest.fn().mockRejectedValue(refused);
    await expect(sendWithRetry(send, run.options)).rejects.toBe(refused);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stops retrying when the process is stopping', async () => {
    const run = options();
    let goOn = true;
    const send = jest.fn().mockRejectedValue(smtpError({ code: 'ESOCKET' }));
    const stopped = sendWithRetry(send, {
      ...run.options,
      sleep: async () => {
        goOn = false;
      },
      shouldGoOn: () => goOn,
    });
    await expect(stopped).rejects.toMatchObject({ code: 'ESOCKET' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
