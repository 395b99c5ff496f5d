import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'cutroom.lock';
// A breaker that crashed inside its few milliseconds of work leaves this behind.
const STALE_BREAKER_MS = 10_000;

/** What a lock file says about the process holding it. */
export interface LockHolder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for it. */
  startTicks: number | null;
  token: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(
      `Another Cutroom server (pid ${pid}) is using DATA_DIR ${dataDir}; stop it first or choose another DATA_DIR.`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still this process's. */
  release(): Promise<void>;
}

/**
 * Claims DATA_DIR for this process, or throws DataDirInUseError when a live Cutroom holds it. A
 * lock whose process is gone (kill -9, crash, a container restarted) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    startTicks: await processStartTicks(process.pid),
    token: randomBytes(8).toString('hex'),
  };
  const text = JSON.stringify(mine);
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await fs.writeFile(file, text, { flag: 'wx', mode: 0o644 });
      const release = () => {
        process.off('exit', release);
        if (readSyncOrUndefined(file) === text) rmSync(file, { force: true });
      };
      // However the process ends (a signal handler's process.exit included), a clean exit frees it.
      process.on('exit', release);
      return { release: async () => release() };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await readLock(file);
    if (held === undefined) continue; // released meanwhile
    const holder = parseHolder(held);
    if (holder && (await isHolderAlive(holder))) throw new DataDirInUseError(holder.pid, dataDir);
    await removeStaleLock(file, held);
  }
  throw new Error(`Could not take ${file}: other processes keep claiming it. Start one server at a time.`);
}

/** Whether the process that wrote `holder` is still running (and is that same process). */
export async function isHolderAlive(holder: LockHolder): Promise<boolean> {
  // A process never locks twice: its own pid in the file is an earlier life in a fresh pid namespace.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (holder.startTicks === null) return true;
  const startTicks = await processStartTicks(holder.pid);
  return startTicks === null || startTicks === holder.startTicks;
}

export function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return undefined;
    return {
      pid: value.pid as number,
      startTicks: typeof value.startTicks === 'number' ? value.startTicks : null,
      token: String(value.token ?? ''),
    };
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; null where there is no /proc. */
export async function processStartTicks(pid: number): Promise<number | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** The file's text; a file caught between its creation and its write is read again. */
async function readLock(file: string): Promise<string | undefined> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (parseHolder(text) || attempt >= 3) return text;
    await sleep(50);
  }
}

/**
 * Deletes a dead holder's lock, under a short-lived breaker file so that two servers starting at
 * once cannot both delete it (the second would delete the first one's fresh lock).
 */
async function removeStaleLock(file: string, staleText: string): Promise<void> {
  const breaker = `${file}.break`;
  try {
    await fs.writeFile(breaker, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = await fs.stat(breaker).then(
      (stat) => Date.now() - stat.mtimeMs,
      () => 0,
    );
    if (age > STALE_BREAKER_MS) await fs.rm(breaker, { force: true });
    else await sleep(50);
    return;
  }
  try {
    if ((await fs.readFile(file, 'utf8').catch(() => undefined)) === staleText) await fs.rm(file);
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

function readSyncOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
