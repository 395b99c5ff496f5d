import { isRetryableConflict, retryOnConflict } from './retry-deadlock.js';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('running a transaction again after a deadlock', () => {
  it('tries again when Postgres chose this transaction as the victim', async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls += 1;
      if (calls < 3) throw deadlock();
      return 'deleted';
    });
    expect([result, calls]).toEqual(['deleted', 3]);
  });

  it('gives up after the last attempt, with the database’s own error', async () => {
    await expect(retryOnConflict(() => Promise.reject(deadlock()), 2)).rejects.toThrow('deadlock detected');
  });

  it('never repeats a transaction that failed for another reason', async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls += 1;
        throw Object.assign(new Error('duplicate'), { code: '23505' });
      }),
    ).rejects.toThrow('duplicate');
    expect(calls).toBe(1);
  });

  it('recognises the code on TypeORM’s wrapped driver error too', () => {
    expect(isRetryableConflict({ driverError: { code: '40001' } })).toBe(true);
    expect(isRetryableConflict(new Error('plain'))).toBe(false);
  });
});
