// First step of `npm test`: make sure the machine has what the tests drive — Chromium for the browser
// tests, and a system ffmpeg for the media suites' system-binary pass — before any build or test runs,
// so a missing browser stops the run in seconds, not after ten minutes of other suites.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import chromiumLookup from './chromium.cjs';

const { findChromium, isExecutableFile } = chromiumLookup;

/** The one sentence a run stops with when it cannot get what it needs, e.g. ['chromium', 'ffmpeg']. */
export function missingToolsMessage(missing) {
  const what = missing
    .map((name) => (name === 'chromium' ? 'Chromium (browser tests)' : 'a system ffmpeg (media tests)'))
    .join(' and ');
  const them = missing.length > 1 ? 'them' : 'it';
  const orSet = missing.includes('chromium')
    ? ', or set CHROMIUM_PATH to a Chromium or Chrome executable'
    : '';
  return (
    `npm test needs ${what}: install ${them} (Debian/Ubuntu: \`apt-get install ${missing.join(' ')}\`, ` +
    `or run npm test as root where apt-get exists and it installs ${them})${orSet}.`
  );
}

/**
 * What to do before the tests, from what the machine has. Pure.
 * @returns {{ stop: string } | { chromium: string | null, install: string[] }}
 */
export function planTestTools({ env, isExecutable, hasSystemFfmpeg, isRoot, hasApt }) {
  const chromium = findChromium(env, isExecutable);
  if (env.CHROMIUM_PATH && !chromium) {
    // An explicit path that is wrong is a mistake to report, not a reason to install something else.
    return {
      stop: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not an executable: point it at Chromium or Chrome, or unset it.`,
    };
  }
  // The npm-shipped ffmpeg is no stand-in: its ffprobe crashes on MPEG-TS, which the media suites feed it.
  const missing = [...(chromium ? [] : ['chromium']), ...(hasSystemFfmpeg ? [] : ['ffmpeg'])];
  if (missing.length === 0) return { chromium, install: [] };
  if (isRoot && hasApt) return { chromium, install: missing };
  return { stop: missingToolsMessage(missing) };
}

function onPath(name) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && isExecutableFile(path.join(dir, name)));
}

function machine() {
  return {
    env: process.env,
    isExecutable: isExecutableFile,
    hasSystemFfmpeg: onPath('ffmpeg') && onPath('ffprobe'),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt: onPath('apt-get'),
  };
}

function aptInstall(packages) {
  console.log(`test set-up: installing ${packages.join(' and ')} with apt-get (running as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      console.error(
        `test set-up: \`apt-get ${args.join(' ')}\` failed; install ${packages.join(' and ')} yourself.`,
      );
      process.exit(1);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const plan = planTestTools(machine());
  if ('stop' in plan) {
    console.error(plan.stop);
    process.exit(1);
  }
  if (plan.install.length > 0) aptInstall(plan.install);
  const after = planTestTools(machine());
  if ('stop' in after || after.install.length > 0) {
    console.error(
      'stop' in after
        ? after.stop
        : `test set-up: ${after.install.join(' and ')} still missing after apt-get.`,
    );
    process.exit(1);
  }
  console.log(`test set-up: browser tests use ${after.chromium}; media tests use the system ffmpeg`);
}
