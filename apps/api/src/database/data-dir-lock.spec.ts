import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError, lockDataDir, processStartTicks } from './data-dir-lock.js';

const lockFile = (dir: string) => path.join(dir, 'cutroom.lock');

/** Another process that stays alive until killed, as a running server would. */
async function otherProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  return child;
}

describe('the DATA_DIR lock', () => {
  let dir: string;
  let others: ChildProcess[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-lock-'));
  });
  afterEach(() => {
    for (const child of others) child.kill('SIGKILL');
    others = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses while a live process holds it, naming its pid and the folder', async () => {
    const holder = await otherProcess();
    others.push(holder);
    const held = { pid: holder.pid, startTicks: await processStartTicks(holder.pid!), token: 'theirs' };
    writeFileSync(lockFile(dir), JSON.stringify(held));
    const refusal = await lockDataDir(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect((refusal as Error).message).toBe(
      `Another Cutroom server (pid ${holder.pid}) is using DATA_DIR ${dir}; stop it first or choose another DATA_DIR.`,
    );
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toEqual(held);
  });

  it('takes over the lock of a process that is gone (kill -9)', async () => {
    const gone = await otherProcess();
    gone.kill('SIGKILL');
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(lockFile(dir), JSON.stringify({ pid: gone.pid, startTicks: null, token: 'gone' }));
    const lock = await lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to another process (pid reuse)', async () => {
    const stranger = await otherProcess();
    others.push(stranger);
    const ticks = await processStartTicks(stranger.pid!);
    if (ticks === null) throw new Error('this test needs /proc');
    writeFileSync(lockFile(dir), JSON.stringify({ pid: stranger.pid, startTicks: ticks - 1, token: 'old' }));
    await expect(lockDataDir(dir)).resolves.toBeDefined();
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over an unreadable lock file', async () => {
    writeFileSync(lockFile(dir), 'not json');
    await expect(lockDataDir(dir)).resolves.toBeDefined();
  });

  it('does not delete a lock that is no longer its own when released', async () => {
    const lock = await lockDataDir(dir);
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, startTicks: null, token: 'someone else' }));
    await lock.release();
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).token).toBe('someone else');
  });
});
