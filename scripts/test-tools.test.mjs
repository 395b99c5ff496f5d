// What npm test's set-up step decides on each kind of machine (run by `npm test` before the build).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planTestTools } from './test-tools.mjs';

const only =
  (...files) =>
  (file) =>
    files.includes(file);
const bare = { env: {}, isExecutable: only(), hasSystemFfmpeg: false, isRoot: false, hasApt: false };
const equipped = { ...bare, isExecutable: only('/usr/bin/chromium'), hasSystemFfmpeg: true };

test('uses CHROMIUM_PATH first, over a standard location', () => {
  const plan = planTestTools({
    ...equipped,
    env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
    isExecutable: only('/opt/chrome/chrome', '/usr/bin/chromium'),
  });
  assert.deepEqual(plan, { chromium: '/opt/chrome/chrome', install: [] });
});

test('finds Chromium where Debian or Ubuntu put it, and installs nothing when all is there', () => {
  assert.deepEqual(planTestTools(equipped), { chromium: '/usr/bin/chromium', install: [] });
  const ubuntu = planTestTools({
    ...equipped,
    isExecutable: only('/usr/bin/chromium-browser'),
    isRoot: true,
    hasApt: true,
  });
  assert.deepEqual(ubuntu, { chromium: '/usr/bin/chromium-browser', install: [] });
});

test('a CHROMIUM_PATH that is not there stops the run, even where it could install', () => {
  const plan = planTestTools({ ...bare, env: { CHROMIUM_PATH: '/nowhere' }, isRoot: true, hasApt: true });
  assert.match(plan.stop, /^CHROMIUM_PATH is \/nowhere, which is not an executable/);
});

test('as root with apt, installs what is missing: Chromium and the system ffmpeg', () => {
  assert.deepEqual(planTestTools({ ...bare, isRoot: true, hasApt: true }).install, ['chromium', 'ffmpeg']);
  const withBrowser = planTestTools({ ...equipped, hasSystemFfmpeg: false, isRoot: true, hasApt: true });
  assert.deepEqual(withBrowser, { chromium: '/usr/bin/chromium', install: ['ffmpeg'] });
});

test('without root (or apt), stops with one sentence naming what to install or set', () => {
  assert.equal(
    planTestTools(bare).stop,
    'npm test needs Chromium (browser tests) and a system ffmpeg (media tests): install them ' +
      '(Debian/Ubuntu: `apt-get install chromium ffmpeg`, or run npm test as root where apt-get exists and it installs them), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
  for (const machine of [
    { ...bare, isRoot: true, hasSystemFfmpeg: true },
    { ...bare, hasApt: true, hasSystemFfmpeg: true },
  ]) {
    assert.match(
      planTestTools(machine).stop,
      /^npm test needs Chromium \(browser tests\): install it .* or set CHROMIUM_PATH/,
    );
  }
  assert.equal(
    planTestTools({ ...equipped, hasSystemFfmpeg: false }).stop,
    'npm test needs a system ffmpeg (media tests): install it ' +
      '(Debian/Ubuntu: `apt-get install ffmpeg`, or run npm test as root where apt-get exists and it installs it).',
  );
});
