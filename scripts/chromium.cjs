// Where the browser tests' Chromium is: shared by npm test's set-up step and the Playwright config
// (CommonJS, because Playwright loads its TypeScript config as CommonJS).
const { accessSync, constants, statSync } = require('node:fs');

/** Where Debian, Ubuntu and Google's packages put the browser. */
const STANDARD_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

const NO_BROWSER_MESSAGE =
  'npm test needs Chromium for its browser tests: install it (Debian/Ubuntu: `apt-get install chromium`, ' +
  'or run npm test as root where apt-get exists and it installs it) or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** The browser the e2e stage drives: CHROMIUM_PATH when set, else the first standard location present. */
function findChromium(env, isExecutable) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return STANDARD_CHROMIUM_PATHS.find((file) => isExecutable(file)) ?? null;
}

/** True for a file this user may run. */
function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The browser on this machine, as findChromium sees it; null when there is none. */
function installedChromium(env = process.env) {
  return findChromium(env, isExecutableFile);
}

/** The flags every headless Chromium here runs with: no sandbox (root), no GPU, nothing fetched. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

module.exports = {
  CHROMIUM_ARGS,
  STANDARD_CHROMIUM_PATHS,
  NO_BROWSER_MESSAGE,
  findChromium,
  isExecutableFile,
  installedChromium,
};
