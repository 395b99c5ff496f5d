import { exportFormats } from '@cutroom/contracts';
import { postNotes } from './support/export-fixture.js';
import { Caller } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { signUpTeam, type Team } from './support/team.js';
import { useTestServer } from './support/test-server.js';

/** Who may take notes out, and which: members all of them, guests only with downloads and never internal ones. */
describe('who may export notes', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let team: Team;
  let shared: { assetId: string; versionId: string };

  const markerFormats = exportFormats.filter((format) => format !== 'pdf' && format !== 'stills');
  /** How each format writes frame 2 (a shared note) and frame 50 (the internal one). */
  const placesOf: Record<string, [string, string]> = {
    edl: ['00:01:00;02', '00:01:01;20'],
    avid: ['00:01:00;02', '00:01:01;20'],
    csv: ['00:01:00;02', '00:01:01;20'],
    json: ['00:01:00;02', '00:01:01;20'],
    xmeml: ['<in>2</in>', '<in>50</in>'],
    fcpxml: ['start="3003/50s"', 'start="77077/1250s"'],
  };

  async function guest(permissions: string[]): Promise<Caller> {
    const link = await team.editor.caller.post(`/api/projects/${team.projectId}/links`, {
      assetIds: [shared.assetId],
      permissions,
    });
    expect(link.status).toBe(201);
    const joined = await new Caller(server.api.baseUrl).post(`/api/share/${link.body.token}/guests`, {
      name: 'Gwen',
    });
    expect(joined.status).toBe(201);
    return new Caller(server.api.baseUrl, { token: joined.body.token });
  }

  beforeAll(async () => {
    team = await signUpTeam(server.api.baseUrl, 'Spring campaign');
    shared = await readyVersion(server.db, team.editor, team.projectId, 300);
    // What the probe stores for a 29.97 drop-frame source starting at 00:00:59;28.
    await server.db.query(
      `UPDATE versions SET media = media || '{"fpsNum": 30000, "fpsDen": 1001, "startTimecode": "00:00:59;28", "dropFrame": true}'::jsonb WHERE id = $1`,
      [shared.versionId],
    );
    await postNotes(team.editor.caller, team.reviewer.caller, shared.versionId);
  });

  it('every member role may export, internal threads included', async () => {
    for (const who of [team.owner, team.editor, team.reviewer, team.viewer]) {
      const reply = await who.caller.get(`/api/versions/${shared.versionId}/export/csv`);
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('Client will hate this cut');
      expect(reply.body).toContain('Keep it between us');
    }
  });

  it('someone outside the project does not learn the version exists', async () => {
    const reply = await team.outsider.caller.get(`/api/versions/${shared.versionId}/export/csv`);
    expect(reply.status).toBe(404);
    expect(
      (await new Caller(server.api.baseUrl).get(`/api/versions/${shared.versionId}/export/csv`)).status,
    ).toBe(401);
  });

  it('a guest whose link does not allow downloads is refused every format, with the reason', async () => {
    const viewer = await guest(['view', 'comment', 'approve']);
    for (const format of exportFormats) {
      const reply = await viewer.get(`/api/versions/${shared.versionId}/export/${format}`);
      expect(reply.status).toBe(403);
      expect(reply.body.message).toMatch(/does not allow downloads/);
    }
  });

  it('a guest with downloads gets the shared notes and never an internal thread or its reply', async () => {
    const downloader = await guest(['view', 'download']);
    for (const format of markerFormats) {
      for (const query of ['', '?internal=true']) {
        const reply = await downloader.request(
          'GET',
          `/api/versions/${shared.versionId}/export/${format}${query}`,
        );
        expect(reply.status).toBe(200);
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        expect(text).toContain('Logo flashes too early');
        const [frame2, frame50] = placesOf[format];
        expect(text).toContain(frame2);
        expect(text).not.toContain(frame50);
        expect(text).not.toContain('Client will hate this cut');
        expect(text).not.toContain('Keep it between us');
      }
    }
  });

  it('a version still processing says so instead of exporting nothing', async () => {
    await server.db.query(`UPDATE versions SET media = NULL, status = 'processing' WHERE id = $1`, [
      shared.versionId,
    ]);
    try {
      const reply = await team.editor.caller.get(`/api/versions/${shared.versionId}/export/edl`);
      expect(reply.status).toBe(409);
      expect(reply.body.message).toMatch(/still being processed/);
    } finally {
      await server.db.query(
        `UPDATE versions SET status = 'ready', media = '{"kind":"video","fpsNum":30000,"fpsDen":1001,"frameCount":300,"durationSeconds":10.01,"width":1920,"height":1080,"startTimecode":"00:00:59;28","dropFrame":true,"variableFrameRate":false}' WHERE id = $1`,
        [shared.versionId],
      );
    }
  });
});
