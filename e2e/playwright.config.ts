import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, installedChromium, NO_BROWSER_MESSAGE } from '../scripts/chromium.cjs';

// The browser `npm test`'s set-up step found (CHROMIUM_PATH, else a standard location); never a downloaded one.
const chromium = installedChromium();
if (!chromium) throw new Error(NO_BROWSER_MESSAGE);

// The whole stack in Chromium: the built api (with its in-process media worker) on embedded Postgres,
// serving the built web app. `npm run build` first; global setup starts the server on a free port.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI, where the machine is shared: a test that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './support/global-setup.ts',
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium' }],
});
