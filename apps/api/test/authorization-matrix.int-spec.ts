import { Caller } from './support/http-client.js';
import { useMatrix } from './support/matrix-fixture.js';
import { routeTable, TUS_SESSION_ROUTES } from './support/matrix-routes.js';
import { sweep } from './support/matrix-sweep.js';

/**
 * The authorisation matrix for project members and strangers: every route of the OpenAPI
 * document for each role, a signed-in outsider and an anonymous caller (the socket's events are in
 * authorization-matrix-socket.int-spec.ts). Review-link guests (each permission, expired, revoked)
 * have theirs in sharing-guest-access.int-spec.ts.
 */
describe('the authorisation matrix: every member role, outsiders and anonymous callers', () => {
  const m = useMatrix();
  const { fx, people, base, leaksIn } = m;
  const table = routeTable(m);
  // A sweep is one request per route (about 150, some with a fixture of their own): minutes on a
  // shared machine's bad day, against the 60 s meant for one scenario.
  const SWEEP_TIME = 240_000;

  describe('over REST', () => {
    it('the table has a row for every route of the OpenAPI document, and for nothing else', async () => {
      const doc = (await new Caller(base()).get('/api/docs-json')).body;
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
        ([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
      );
      expect(documented).toEqual(expect.arrayContaining(TUS_SESSION_ROUTES));
      const swept = documented.filter((route) => !TUS_SESSION_ROUTES.includes(route));
      expect([...new Set(table.map((row) => row.route))].sort()).toEqual(swept.sort());
      expect(swept.length).toBeGreaterThan(50);
    });

    it(
      'a caller without a session gets 401 everywhere but health, sign-up, sign-in, sign-out and opening a link',
      async () => {
        expect(await sweep(m, table, 'anonymous')).toEqual([]);
      },
      SWEEP_TIME,
    );

    it(
      'an outsider is told nothing: 404 on everything of the project, never 403, never its name or people',
      async () => {
        expect(await sweep(m, table, 'outsider')).toEqual([]);
        // Not even in their own lists.
        const projects = (await people.outsider.caller.get('/api/projects')).body.projects;
        expect(projects.map((p: { id: string }) => p.id)).not.toContain(fx.projectId);
        const feed = await people.outsider.caller.get('/api/activity');
        expect(leaksIn(feed.body)).toEqual([]);
      },
      SWEEP_TIME,
    );

    it(
      'a viewer is refused every change but may read, watch and download everything',
      async () => {
        expect(await sweep(m, table, 'viewer')).toEqual([]);
      },
      SWEEP_TIME,
    );

    it(
      'a reviewer comments, reacts and decides, and changes nothing else',
      async () => {
        expect(await sweep(m, table, 'reviewer')).toEqual([]);
      },
      SWEEP_TIME,
    );

    it(
      'an editor runs the work — cuts, uploads, links, approvers — but neither deletes the project nor manages its people',
      async () => {
        expect(await sweep(m, table, 'editor')).toEqual([]);
      },
      SWEEP_TIME,
    );

    it(
      'an owner may do everything',
      async () => {
        expect(await sweep(m, table, 'owner')).toEqual([]);
      },
      SWEEP_TIME,
    );

    it('after the whole sweep the fixture is as it was: no refusal changed anything', async () => {
      const owner = people.owner.caller;
      const project = await owner.get(`/api/projects/${fx.projectId}`);
      expect(project.body).toMatchObject({ name: fx.projectName, memberCount: 4 });
      const members = (await owner.get(`/api/projects/${fx.projectId}/members`)).body.members;
      expect(members.map((m: { user: { id: string }; role: string }) => [m.role, m.user.id])).toEqual(
        (['owner', 'editor', 'reviewer', 'viewer'] as const).map((role) => [role, people[role].user.id]),
      );
      expect((await owner.get(`/api/assets/${fx.assetId}`)).body).toMatchObject({ name: fx.assetName });
      const versions = (await owner.get(`/api/assets/${fx.assetId}/versions`)).body.versions;
      expect(versions.map((v: { id: string }) => v.id)).toEqual([fx.v2, fx.v1]);
      const onV1 = (await owner.get(`/api/versions/${fx.v1}/comments`)).body.comments;
      expect(onV1.find((c: { id: string }) => c.id === fx.noteOnV1)).toMatchObject({ resolved: false });
      const onV2 = (await owner.get(`/api/versions/${fx.v2}/comments`)).body.comments;
      expect(onV2.find((c: { id: string }) => c.id === fx.noteOnV2)).toMatchObject({
        body: fx.noteOnV2Text,
        resolved: false,
      });
      const links = (await owner.get(`/api/projects/${fx.projectId}/links`)).body.links;
      expect(links.find((l: { id: string }) => l.id === fx.linkId)).toMatchObject({ status: 'active' });
    });
  });
});
