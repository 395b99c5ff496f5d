import type { SignedIn } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { signUpTeam } from './support/team.js';
import { useTestServer } from './support/test-server.js';

describe('a failed cut: retry and delete', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let editor: SignedIn;
  let reviewer: SignedIn;
  let projectId: string;
  let failed: { assetId: string; versionId: string };

  beforeAll(async () => {
    ({ editor, reviewer, projectId } = await signUpTeam(server.api.baseUrl, 'Retries'));
    failed = await readyVersion(server.db, editor, projectId);
    await server.db.query(
      `UPDATE versions SET status = 'failed', failure_reason = 'The file is cut short.' WHERE id = $1`,
      [failed.versionId],
    );
  });

  it('a reviewer may not retry; an editor puts the failed version back in the queue, with its event', async () => {
    const route = `/api/versions/${failed.versionId}/retry`;
    expect((await reviewer.caller.post(route, {})).status).toBe(403);
    const retried = await editor.caller.post(route, {});
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', failureReason: null, progress: 0 });
    const jobs = await server.db.query<{ status: string }>(
      `SELECT status FROM media_jobs WHERE version_id = $1`,
      [failed.versionId],
    );
    expect(jobs.map((job) => job.status)).toContain('queued');
    const [event] = await server.db.query<{ type: string; payload: { version: { status: string } } }>(
      `SELECT type, payload FROM events WHERE asset_id = $1 ORDER BY seq DESC LIMIT 1`,
      [failed.assetId],
    );
    expect(event).toMatchObject({ type: 'version.updated', payload: { version: { status: 'queued' } } });
  });

  it('a version that has not failed cannot be retried (409), and the answer says why', async () => {
    const again = await editor.caller.post(`/api/versions/${failed.versionId}/retry`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Only a version whose processing failed can be retried.');
  });

  it('an editor deletes the cut; it is gone for everyone', async () => {
    expect((await editor.caller.delete(`/api/assets/${failed.assetId}`)).status).toBe(204);
    expect((await reviewer.caller.get(`/api/assets/${failed.assetId}`)).status).toBe(404);
    const list = await reviewer.caller.get(`/api/projects/${projectId}/assets`);
    expect(list.body.assets.map((a: { id: string }) => a.id)).not.toContain(failed.assetId);
  });
});
