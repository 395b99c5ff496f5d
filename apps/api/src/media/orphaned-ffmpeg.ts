import { promises as fs } from 'node:fs';

/**
 * A worker killed with SIGKILL leaves its ffmpeg running, still writing into the version's
 * folder. Before a version is processed again on this machine, stop any ffmpeg whose parent is
 * gone (re-parented to init) and whose command line names that folder. Linux only; elsewhere
 * the per-attempt output folders keep an orphan from touching the new attempt's files.
 */
export async function killOrphanedFfmpeg(versionDir: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await fs.readdir('/proc');
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const cmdline = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
      if (!cmdline[0]?.includes('ffmpeg') || !cmdline.some((arg) => arg.includes(versionDir))) continue;
      const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== 1 && isAlive(parent)) continue;
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // the process ended while we looked, or is not ours to read
    }
  }
  return killed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
