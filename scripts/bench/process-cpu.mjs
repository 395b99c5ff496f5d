// CPU time spent by a process tree, read from /proc (Linux): what a benchmark's server and its
// database cost per operation, which a shared, noisy machine changes far less than latency.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Every live process: its parent and CPU milliseconds (user + system) so far. */
function processTable() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After the command name in parentheses: state, ppid, …, utime (12th), stime (13th), and the
    // same of its children that exited (14th, 15th): a database connection closed meanwhile still counts.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (from, to) => fields.slice(from, to).reduce((sum, field) => sum + Number(field), 0);
    const ownMs = (ticks(11, 13) * 1000) / ticksPerSecond;
    const cpuMs = (ticks(11, 15) * 1000) / ticksPerSecond;
    table.set(Number(entry), { ppid: Number(fields[1]), cpuMs, ownMs });
  }
  return table;
}

function treeCpuMs(table, rootPid) {
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop();
    total += table.get(pid)?.cpuMs ?? 0;
    for (const [child, row] of table) if (row.ppid === pid) pending.push(child);
  }
  return total;
}

/**
 * A reading of the server's CPU (`serverPid` and its children) and of the rest of this process's
 * children (an embedded Postgres the benchmark started) but for the trees of `otherPids` (another
 * server it runs beside). Subtract two readings for the cost between. Null where /proc is not there.
 */
export function cpuReading(serverPid, otherPids = []) {
  if (!existsSync('/proc/self/stat')) return null;
  const table = processTable();
  const server = treeCpuMs(table, serverPid);
  const others = otherPids.reduce((sum, pid) => sum + treeCpuMs(table, pid), 0);
  const children = treeCpuMs(table, process.pid) - (table.get(process.pid)?.ownMs ?? 0);
  return { server, database: children - server - others };
}

/** A reading of the whole machine's CPU time from /proc/stat: busy and all, in ticks; null elsewhere. */
export function machineReading() {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are the machine waiting.
  const all = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { busy: all - fields[3] - fields[4], all };
}

/** How many of the machine's `cores` were busy on average between two machine readings. */
export function coresBusy(before, after, cores) {
  if (!before || !after || after.all === before.all) return null;
  return (cores * (after.busy - before.busy)) / (after.all - before.all);
}

/**
 * CPU milliseconds per operation between two readings, as printable text. `database`: 'ours' (an
 * embedded Postgres this process started, measured), 'elsewhere' (at DATABASE_URL, not measured)
 * or 'none' (a server without one).
 */
export function cpuPerOperation(before, after, operations, database, unit = 'post') {
  if (!before || !after || operations === 0) return `CPU per ${unit}: not measured (no /proc)`;
  const server = (after.server - before.server) / operations;
  const db = (after.database - before.database) / operations;
  if (database === 'ours')
    return `CPU per ${unit}: server ${server.toFixed(2)} + database ${db.toFixed(2)} = ${(server + db).toFixed(2)} ms`;
  if (database === 'elsewhere')
    return `CPU per ${unit}: server ${server.toFixed(2)} ms (the database at DATABASE_URL is not measured)`;
  return `CPU per ${unit}: ${server.toFixed(2)} ms`;
}
