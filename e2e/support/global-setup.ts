import { startServer } from './server';

/** One server for the run; tests read its address from CUTROOM_E2E_URL. Returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  process.env.CUTROOM_E2E_URL = server.baseUrl;
  return () => server.stop();
}
