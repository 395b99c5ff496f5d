// What npm test's set-up step decides on each kind of machine (run by `npm test` before the build).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planTestTools } from './test-tools.mjs';

const only =
  (...files) =>
  (file) =>
    files.includes(file);
const bare = { env: {}, isExecutable: only(), hasSystemFfmpeg: false, isRoot: false, hasApt: false };

test('uses CHROMIUM_PATH first, over a standard location', () => {
  const plan = planTestTools({
    ...bare,
    env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
    isExecutable: only('/opt/chrome/chrome', '/usr/bin/chromium'),
    hasSystemFfmpeg: true,
  });
  assert.deepEqual(plan, { chromium: '/opt/chrome/chrome', install: [], notes: [] });
});

test('finds Chromium where Debian or Ubuntu put it', () => {
  assert.equal(
    planTestTools({ ...bare, isExecutable: only('/usr/bin/chromium-browser') }).chromium,
    '/usr/bin/chromium-browser',
  );
});

test('a CHROMIUM_PATH that is not there stops the run, even where it could install', () => {
  const plan = planTestTools({ ...bare, env: { CHROMIUM_PATH: '/nowhere' }, isRoot: true, hasApt: true });
  assert.match(plan.stop, /^CHROMIUM_PATH is \/nowhere, which is not an executable/);
});

test('as root with apt, installs what is missing: Chromium and the system ffmpeg', () => {
  assert.deepEqual(planTestTools({ ...bare, isRoot: true, hasApt: true }).install, ['chromium', 'ffmpeg']);
  const withBrowser = planTestTools({
    ...bare,
    isExecutable: only('/usr/bin/chromium'),
    isRoot: true,
    hasApt: true,
  });
  assert.deepEqual(withBrowser, { chromium: '/usr/bin/chromium', install: ['ffmpeg'], notes: [] });
});

test('without a browser and without root (or apt), stops with the sentence naming what to install or set', () => {
  for (const machine of [bare, { ...bare, isRoot: true }, { ...bare, hasApt: true, hasSystemFfmpeg: true }]) {
    assert.match(
      planTestTools(machine).stop,
      /^npm test needs Chromium .*install it .* or set CHROMIUM_PATH/,
    );
  }
});

test('with a browser but no system ffmpeg and no root, runs on the npm-shipped ffmpeg and says so', () => {
  const plan = planTestTools({ ...bare, isExecutable: only('/usr/bin/chromium') });
  assert.equal(plan.chromium, '/usr/bin/chromium');
  assert.deepEqual(plan.install, []);
  assert.match(plan.notes[0], /npm-shipped/);
});
