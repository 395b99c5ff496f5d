import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clientEvents } from '@cutroom/contracts';
import type { Socket } from 'socket.io-client';
import { Caller, type Reply, type SignedIn, signUp } from './support/http-client.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, type ReceivedEvent, waitFor } from './support/socket-client.js';
import { useTestServer } from './support/test-server.js';
import { tusCreate } from './support/tus.js';

/**
 * The authorisation matrix for project members and strangers: every route of the OpenAPI
 * document and every socket event, for each role, a signed-in outsider and an anonymous caller.
 * Review-link guests (each permission, expired, revoked) have theirs in sharing.int-spec.ts.
 */

const PRINCIPALS = ['owner', 'editor', 'reviewer', 'viewer', 'outsider', 'anonymous'] as const;
type Principal = (typeof PRINCIPALS)[number];
type SignedInPrincipal = Exclude<Principal, 'anonymous'>;

/** The expected status, one column per principal. */
type Statuses = [
  owner: number,
  editor: number,
  reviewer: number,
  viewer: number,
  outsider: number,
  anonymous: number,
];

/** What a route template's placeholders are filled with. */
interface Ids {
  projectId: string;
  assetId: string;
  versionId: string;
  commentId: string;
  userId: string;
  linkId: string;
  itemId: string;
  emoji: string;
  file: string;
  token: string;
}

interface Row {
  /** "METHOD /api/path/{param}", exactly as the OpenAPI document names it. */
  route: string;
  /** Tells apart two rows of one route. */
  note?: string;
  expect: Statuses;
  /** Fixture ids this row uses instead of the defaults (v2, the owner's note on v2, …). */
  ids?: () => Partial<Ids>;
  body?: () => unknown;
  /**
   * A throwaway target for a principal expected to succeed, so a destructive call spends a copy,
   * never the fixture; refusals are always probed against the fixture itself.
   */
  spare?: (who: SignedIn) => Promise<Partial<Ids> & { caller?: Caller }>;
  /** Sends the request itself (tus) instead of a JSON call. */
  send?: (caller: Caller, ids: Ids) => Promise<{ status: number; body: unknown }>;
  /** Whoever holds the link's token is meant to see the project's name: that is what a link is for. */
  linkHolder?: boolean;
}

const PASSWORD = 'correct horse battery';
/** Covered by uploads.int-spec.ts: only the person who started an upload may touch it. */
const TUS_SESSION_ROUTES = [
  'HEAD /api/uploads/{uploadId}',
  'PATCH /api/uploads/{uploadId}',
  'DELETE /api/uploads/{uploadId}',
];

describe('the authorisation matrix: every member role, outsiders and anonymous callers', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  const base = () => server.api.baseUrl;
  const people = {} as Record<SignedInPrincipal, SignedIn>;
  /** Not a member either; signs in and gets added to throwaway projects. */
  let bystander: SignedIn;
  const fx = {
    projectName: `Matrix project ${randomBytes(3).toString('hex')}`,
    assetName: '',
    projectId: '',
    assetId: '',
    v1: '',
    v2: '',
    /** The owner's open note on v1: carried over into v2. */
    noteOnV1: '',
    /** The owner's note on v2. */
    noteOnV2: '',
    noteOnV1Text: `Open note on v1 ${randomBytes(3).toString('hex')}`,
    noteOnV2Text: `Note on v2 ${randomBytes(3).toString('hex')}`,
    linkId: '',
    linkToken: '',
    /** An item of the owner's activity feed. */
    ownersItemId: '',
  };

  const callerOf = (who: Principal) => (who === 'anonymous' ? new Caller(base()) : people[who].caller);
  const memberEmails = () =>
    (['owner', 'editor', 'reviewer', 'viewer'] as const).map((role) => people[role].user.email);

  /** What must never reach an outsider or an anonymous caller. */
  function leaksIn(body: unknown, linkHolder = false): string[] {
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
    const secrets = [...memberEmails(), fx.noteOnV1Text, fx.noteOnV2Text];
    if (!linkHolder) secrets.push(fx.projectName, fx.assetName);
    return secrets.filter((secret) => text.includes(secret));
  }

  async function freshSession(who: SignedIn): Promise<Caller> {
    const reply = await new Caller(base()).post('/api/auth/login', {
      email: who.user.email,
      password: PASSWORD,
    });
    expect(reply.status).toBe(200);
    return new Caller(base(), { token: reply.body.token });
  }
  const newProject = async (who: SignedIn) =>
    (await who.caller.post('/api/projects', { name: 'Throwaway' })).body.id as string;
  const newAsset = async (who: SignedIn) =>
    (await who.caller.post(`/api/projects/${fx.projectId}/assets`, { name: 'Throwaway cut' })).body
      .id as string;

  beforeAll(async () => {
    const names = [
      'Olive Owner',
      'Eddie Editor',
      'Rita Reviewer',
      'Vic Viewer',
      'Oscar Outsider',
      'Bea Bystander',
    ];
    const [owner, editor, reviewer, viewer, outsider, by] = await Promise.all(
      names.map((n) => signUp(base(), n)),
    );
    Object.assign(people, { owner, editor, reviewer, viewer, outsider });
    bystander = by;
    fx.projectId = (await owner.caller.post('/api/projects', { name: fx.projectName })).body.id;
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      const added = await owner.caller.post(`/api/projects/${fx.projectId}/members`, {
        email: people[role].user.email,
        role,
      });
      expect(added.status).toBe(201);
    }
    const first = await readyVersion(server.db, editor, fx.projectId);
    fx.assetId = first.assetId;
    fx.v1 = first.versionId;
    fx.v2 = (await readyNextVersion(server.db, editor, fx.assetId)).versionId;
    fx.assetName = (await owner.caller.get(`/api/assets/${fx.assetId}`)).body.name;
    for (const versionId of [fx.v1, fx.v2]) {
      const dir = path.join(server.dataDir, 'media', 'versions', versionId);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'poster.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    }
    const note = async (versionId: string, body: string, frame: number) => {
      const reply = await owner.caller.post(`/api/versions/${versionId}/comments`, { body, frame });
      expect(reply.status).toBe(201);
      return reply.body.id as string;
    };
    fx.noteOnV1 = await note(fx.v1, fx.noteOnV1Text, 10);
    fx.noteOnV2 = await note(fx.v2, fx.noteOnV2Text, 20);
    const link = await owner.caller.post(`/api/projects/${fx.projectId}/links`, { permissions: ['view'] });
    expect(link.status).toBe(201);
    fx.linkId = link.body.id;
    fx.linkToken = link.body.token;
    // The editor's uploads told the owner of each new version.
    fx.ownersItemId = (await waitForItems(owner))[0].id;
  });

  async function waitForItems(who: SignedIn): Promise<{ id: string }[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const items = (await who.caller.get('/api/activity')).body.items;
      if (items.length > 0) return items;
      if (Date.now() > deadline) throw new Error('no activity item for the owner');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const fixtureIds = (): Ids => ({
    projectId: fx.projectId,
    assetId: fx.assetId,
    versionId: fx.v2,
    commentId: fx.noteOnV2,
    userId: people.viewer.user.id,
    linkId: fx.linkId,
    itemId: fx.ownersItemId,
    emoji: '👍',
    file: 'poster.jpg',
    token: fx.linkToken,
  });

  /** Every id swapped for one that names nothing: an outsider must not tell the two apart. */
  const ghostIds = (ids: Ids): Ids => ({
    ...ids,
    projectId: randomUUID(),
    assetId: randomUUID(),
    versionId: randomUUID(),
    commentId: randomUUID(),
    userId: randomUUID(),
    linkId: randomUUID(),
    itemId: '999999999999',
  });

  const tusSend =
    (target: 'projectId' | 'assetId') =>
    async (caller: Caller, ids: Ids): Promise<{ status: number; body: unknown }> =>
      tusCreate(
        caller,
        10,
        target === 'projectId'
          ? { filename: 'sweep.mov', projectId: ids.projectId, assetName: 'Uploaded in the sweep' }
          : { filename: 'sweep.mov', assetId: ids.assetId },
      );

  // Every row: expect: [owner, editor, reviewer, viewer, outsider, anonymous]
  const table: Row[] = [
    // Public, and the caller's own session.
    { route: 'GET /api/health', expect: [200, 200, 200, 200, 200, 200] },
    {
      route: 'POST /api/auth/register',
      expect: [201, 201, 201, 201, 201, 201],
      body: () => ({
        email: `newcomer-${randomBytes(4).toString('hex')}@example.org`,
        password: PASSWORD,
        displayName: 'Newcomer',
      }),
    },
    {
      route: 'POST /api/auth/login',
      expect: [200, 200, 200, 200, 200, 200],
      body: () => ({ email: bystander.user.email, password: PASSWORD }),
    },
    {
      route: 'POST /api/auth/logout',
      // Signing out is idempotent: without a session there is nothing to end, and it says so with 204.
      expect: [204, 204, 204, 204, 204, 204],
      // Signs out a second session, so the principal's own stays for the rows after.
      spare: async (who) => ({ caller: await freshSession(who) }),
    },
    { route: 'GET /api/auth/me', expect: [200, 200, 200, 200, 200, 401] },

    // Projects and members.
    { route: 'GET /api/projects', expect: [200, 200, 200, 200, 200, 401] },
    {
      route: 'POST /api/projects',
      expect: [201, 201, 201, 201, 201, 401],
      body: () => ({ name: 'Side project' }),
    },
    { route: 'GET /api/projects/{projectId}', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PATCH /api/projects/{projectId}',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ name: fx.projectName }),
    },
    {
      route: 'DELETE /api/projects/{projectId}',
      expect: [204, 403, 403, 403, 404, 401],
      spare: async (who) => ({ projectId: await newProject(who) }),
    },
    { route: 'GET /api/projects/{projectId}/members', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'POST /api/projects/{projectId}/members',
      expect: [201, 403, 403, 403, 404, 401],
      body: () => ({ email: bystander.user.email, role: 'viewer' }),
      spare: async (who) => ({ projectId: await newProject(who) }),
    },
    {
      route: 'PATCH /api/projects/{projectId}/members/{userId}',
      note: ' (the viewer, to the role they have)',
      expect: [200, 403, 403, 403, 404, 401],
      body: () => ({ role: 'viewer' }),
    },
    {
      route: 'DELETE /api/projects/{projectId}/members/{userId}',
      note: ' (someone else: the owner, or for the owner a newcomer)',
      expect: [204, 403, 403, 403, 404, 401],
      ids: () => ({ userId: people.owner.user.id }),
      spare: async (who) => {
        const newcomer = await signUp(base(), 'Short Stay');
        await who.caller.post(`/api/projects/${fx.projectId}/members`, {
          email: newcomer.user.email,
          role: 'viewer',
        });
        return { userId: newcomer.user.id };
      },
    },

    // Assets and versions.
    { route: 'GET /api/projects/{projectId}/assets', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'POST /api/projects/{projectId}/assets',
      expect: [201, 201, 403, 403, 404, 401],
      body: () => ({ name: 'Extra cut' }),
    },
    { route: 'GET /api/assets/{assetId}', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PATCH /api/assets/{assetId}',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ name: fx.assetName }),
    },
    {
      route: 'DELETE /api/assets/{assetId}',
      expect: [204, 204, 403, 403, 404, 401],
      spare: async (who) => ({ assetId: await newAsset(who) }),
    },
    { route: 'GET /api/assets/{assetId}/versions', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/versions/{versionId}', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/versions/{versionId}/media/{file}', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/versions/{versionId}/original', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'POST /api/uploads',
      note: ' (a new cut in the project)',
      expect: [201, 201, 403, 403, 404, 401],
      send: tusSend('projectId'),
    },
    {
      route: 'POST /api/uploads',
      note: ' (the next version of a cut)',
      expect: [201, 201, 403, 403, 404, 401],
      send: tusSend('assetId'),
      spare: async (who) => ({ assetId: await newAsset(who) }),
    },

    // Comments: the owner's note on v2 unless said otherwise.
    { route: 'GET /api/versions/{versionId}/comments', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'POST /api/versions/{versionId}/comments',
      expect: [201, 201, 201, 403, 404, 401],
      body: () => ({ body: 'A note from the sweep', frame: 3 }),
    },
    {
      route: 'PATCH /api/comments/{commentId}',
      note: ' (the owner’s note: only its author edits)',
      expect: [200, 403, 403, 403, 404, 401],
      body: () => ({ body: fx.noteOnV2Text }),
    },
    {
      route: 'DELETE /api/comments/{commentId}',
      note: ' (the owner’s note: its author or an owner)',
      expect: [204, 403, 403, 403, 404, 401],
      spare: async (who) => ({
        commentId: (await who.caller.post(`/api/versions/${fx.v2}/comments`, { body: 'Soon gone' })).body.id,
      }),
    },
    { route: 'POST /api/comments/{commentId}/resolve', expect: [200, 200, 403, 403, 404, 401] },
    { route: 'POST /api/comments/{commentId}/reopen', expect: [200, 200, 403, 403, 404, 401] },
    {
      route: 'POST /api/comments/{commentId}/reactions',
      expect: [200, 200, 200, 403, 404, 401],
      body: () => ({ emoji: '👍' }),
    },
    { route: 'DELETE /api/comments/{commentId}/reactions/{emoji}', expect: [200, 200, 200, 403, 404, 401] },

    // Approvals and rounds.
    {
      route: 'POST /api/versions/{versionId}/decisions',
      expect: [201, 201, 201, 403, 404, 401],
      body: () => ({ decision: 'approved' }),
    },
    { route: 'GET /api/versions/{versionId}/decisions', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/versions/{versionId}/approval', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/assets/{assetId}/approval', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/projects/{projectId}/approvals', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/projects/{projectId}/approvers', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/projects/{projectId}/approvers',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ userIds: [] }),
    },
    { route: 'GET /api/assets/{assetId}/approvers', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/assets/{assetId}/approvers',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ userIds: null }),
    },
    { route: 'GET /api/versions/{versionId}/carried-over', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/versions/{versionId}/carried-over/{commentId}/addressed',
      note: ' (the owner’s open note on v1)',
      expect: [200, 200, 403, 403, 404, 401],
      ids: () => ({ commentId: fx.noteOnV1 }),
    },
    {
      route: 'DELETE /api/versions/{versionId}/carried-over/{commentId}/addressed',
      note: ' (the owner’s open note on v1)',
      expect: [200, 200, 403, 403, 404, 401],
      ids: () => ({ commentId: fx.noteOnV1 }),
    },
    { route: 'GET /api/assets/{assetId}/rounds', expect: [200, 200, 200, 200, 404, 401] },

    // Activity: each person's own feed.
    { route: 'GET /api/activity', expect: [200, 200, 200, 200, 200, 401] },
    { route: 'GET /api/activity/unread-count', expect: [200, 200, 200, 200, 200, 401] },
    {
      route: 'POST /api/activity/read',
      expect: [200, 200, 200, 200, 200, 401],
      body: () => ({ upTo: 'all' }),
    },
    {
      route: 'POST /api/activity/{itemId}/read',
      note: ' (an item of the owner’s feed)',
      expect: [200, 404, 404, 404, 404, 401],
    },

    // Review links, and the guest's side of them.
    {
      route: 'POST /api/projects/{projectId}/links',
      expect: [201, 201, 403, 403, 404, 401],
      body: () => ({ permissions: ['view'] }),
    },
    { route: 'GET /api/projects/{projectId}/links', expect: [200, 200, 403, 403, 404, 401] },
    {
      route: 'POST /api/projects/{projectId}/links/{linkId}/revoke',
      expect: [200, 200, 403, 403, 404, 401],
      spare: async (who) => ({
        linkId: (await who.caller.post(`/api/projects/${fx.projectId}/links`, { permissions: ['view'] })).body
          .id,
      }),
    },
    { route: 'GET /api/share', note: ' (members are not guests)', expect: [404, 404, 404, 404, 404, 401] },
    { route: 'GET /api/share/{token}', expect: [200, 200, 200, 200, 200, 200], linkHolder: true },
    {
      route: 'POST /api/share/{token}/guests',
      expect: [201, 201, 201, 201, 201, 201],
      body: () => ({ name: 'Passer-by' }),
      linkHolder: true,
    },
  ];

  function fill(template: string, ids: Ids): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = ids[name as keyof Ids];
      if (value === undefined) throw new Error(`no fixture id for {${name}} in ${template}`);
      return encodeURIComponent(value);
    });
  }

  async function send(row: Row, caller: Caller, ids: Ids): Promise<{ status: number; body: unknown }> {
    if (row.send) return row.send(caller, ids);
    const [method, template] = row.route.split(' ');
    const reply: Reply = await caller.request(method, fill(template, ids), row.body?.());
    return reply;
  }

  const describeBody = (body: unknown) =>
    typeof body === 'object' && body !== null
      ? JSON.stringify((body as { code?: string }).code ?? body).slice(0, 120)
      : String(body ?? '').slice(0, 60);

  /** Calls every row as `who`; returns everything that was not as the table says. */
  async function sweep(who: Principal): Promise<string[]> {
    const column = PRINCIPALS.indexOf(who);
    const problems: string[] = [];
    for (const row of table) {
      const label = `${row.route}${row.note ?? ''}`;
      const expected = row.expect[column];
      const { caller: spareCaller, ...spareIds } =
        expected < 300 && row.spare && who !== 'anonymous' ? await row.spare(people[who]) : {};
      const ids: Ids = { ...fixtureIds(), ...row.ids?.(), ...spareIds };
      const reply = await send(row, spareCaller ?? callerOf(who), ids);
      if (reply.status !== expected)
        problems.push(`${label}: expected ${expected}, got ${reply.status} ${describeBody(reply.body)}`);
      if (who === 'outsider' || who === 'anonymous') {
        const leaked = leaksIn(reply.body, row.linkHolder);
        if (leaked.length > 0) problems.push(`${label}: leaked ${leaked.join(', ')}`);
      }
      if (who === 'outsider' && expected === 404) {
        // The same answer as for ids that name nothing: the project's existence does not show.
        const ghost = await send(row, callerOf(who), ghostIds(ids));
        const shape = (r: { status: number; body: unknown }) => {
          const body = (r.body ?? {}) as { code?: string; message?: string };
          return `${r.status} ${body.code} ${body.message}`;
        };
        if (shape(reply) !== shape(ghost))
          problems.push(
            `${label}: answers "${shape(reply)}" but "${shape(ghost)}" for ids that name nothing`,
          );
      }
    }
    return problems;
  }

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

    it('a caller without a session gets 401 everywhere but health, sign-up, sign-in, sign-out and opening a link', async () => {
      expect(await sweep('anonymous')).toEqual([]);
    });

    it('an outsider is told nothing: 404 on everything of the project, never 403, never its name or people', async () => {
      expect(await sweep('outsider')).toEqual([]);
      // Not even in their own lists.
      const projects = (await people.outsider.caller.get('/api/projects')).body.projects;
      expect(projects.map((p: { id: string }) => p.id)).not.toContain(fx.projectId);
      const feed = await people.outsider.caller.get('/api/activity');
      expect(leaksIn(feed.body)).toEqual([]);
    });

    it('a viewer is refused every change but may read, watch and download everything', async () => {
      expect(await sweep('viewer')).toEqual([]);
    });

    it('a reviewer comments, reacts and decides, and changes nothing else', async () => {
      expect(await sweep('reviewer')).toEqual([]);
    });

    it('an editor runs the work — cuts, uploads, links, approvers — but neither deletes the project nor manages its people', async () => {
      expect(await sweep('editor')).toEqual([]);
    });

    it('an owner may do everything', async () => {
      expect(await sweep('owner')).toEqual([]);
    });

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

  describe('over the socket', () => {
    type Ack = 'ok' | number;
    /** What each acknowledged event answers, per signed-in principal (owner … outsider). */
    const ackTable: Record<string, [Ack, Ack, Ack, Ack, Ack]> = {
      [clientEvents.joinAsset]: ['ok', 'ok', 'ok', 'ok', 404],
      [clientEvents.joinProject]: ['ok', 'ok', 'ok', 'ok', 404],
      [clientEvents.createComment]: ['ok', 'ok', 'ok', 403, 404],
    };
    /** Ephemeral signals: relayed to the rest of the asset's room only from someone who joined it. */
    const relayed = [clientEvents.presence, clientEvents.drawing, clientEvents.typing];
    const signedIn = ['owner', 'editor', 'reviewer', 'viewer', 'outsider'] as const;

    interface Client {
      socket: Socket;
      events: ReceivedEvent[];
      /** Every ephemeral signal this socket heard, by event name. */
      heard: { event: string; payload: any }[];
    }
    const clients = {} as Record<SignedInPrincipal, Client>;

    async function open(token: string): Promise<Client> {
      const { socket, events } = await connectSocket(base(), token);
      const heard: Client['heard'] = [];
      for (const event of ['presence:changed', 'presence:left', 'draw:stroke', 'typing'])
        socket.on(event, (payload: unknown) => heard.push({ event, payload }));
      return { socket, events, heard };
    }

    afterAll(() => {
      for (const client of Object.values(clients)) client.socket.close();
    });

    it('every client event of the contract has its expectation here', () => {
      expect(Object.values(clientEvents).sort()).toEqual(
        [...Object.keys(ackTable), ...relayed, clientEvents.leaveAsset].sort(),
      );
    });

    it('a socket without a valid session is refused at the handshake', async () => {
      await expect(connectSocket(base())).rejects.toThrow('unauthorized');
      await expect(connectSocket(base(), randomBytes(32).toString('base64url'))).rejects.toThrow(
        'unauthorized',
      );
    });

    it('members join the asset and project rooms and post as their role allows; an outsider is refused with 404', async () => {
      for (const who of signedIn) clients[who] = await open(people[who].token);
      const bodies: Record<string, (who: SignedInPrincipal) => unknown> = {
        [clientEvents.joinAsset]: () => ({ assetId: fx.assetId }),
        [clientEvents.joinProject]: () => ({ projectId: fx.projectId }),
        [clientEvents.createComment]: (who) => ({
          versionId: fx.v2,
          comment: { body: `Over the socket, from the ${who}`, frame: 4 },
        }),
      };
      const problems: string[] = [];
      for (const [event, expected] of Object.entries(ackTable)) {
        for (const [column, who] of signedIn.entries()) {
          const ack = await emitWithAck(clients[who].socket, event, bodies[event](who));
          const got: Ack = ack.ok === true ? 'ok' : ack.error?.statusCode;
          if (got !== expected[column])
            problems.push(`${who} ${event}: expected ${expected[column]}, got ${got}`);
          if (who === 'outsider' && leaksIn(ack).length > 0)
            problems.push(`${event}: leaked ${leaksIn(ack)}`);
        }
      }
      expect(problems).toEqual([]);
      // The members in the room hear the comments posted over the socket; the outsider hears none.
      for (const who of ['owner', 'editor', 'reviewer'] as const) {
        await waitFor(() =>
          clients.viewer.events.some((e) => e.payload.comment?.body === `Over the socket, from the ${who}`),
        );
      }
      expect(clients.outsider.events).toEqual([]);
    });

    it('an outsider’s presence, drawing and typing never reach the room; members’ do, a viewer’s presence only', async () => {
      // The owner's second tab listens; a socket never hears its own signals.
      const listener = await open(people.owner.token);
      try {
        expect((await emitWithAck(listener.socket, clientEvents.joinAsset, { assetId: fx.assetId })).ok).toBe(
          true,
        );
        const signals = {
          [clientEvents.presence]: { assetId: fx.assetId, versionId: fx.v2, frame: 5, playing: false },
          [clientEvents.drawing]: {
            assetId: fx.assetId,
            versionId: fx.v2,
            frame: 5,
            shape: {
              id: 'stroke-1',
              kind: 'line',
              colour: '#ff3b30',
              strokeWidth: 0.01,
              from: [0, 0],
              to: [1, 1],
            },
          },
          [clientEvents.typing]: { assetId: fx.assetId, typing: true },
        };
        // The outsider speaks first, so anything of theirs would arrive before the members' last signal.
        for (const who of ['outsider', 'owner', 'editor', 'reviewer', 'viewer'] as const) {
          for (const event of relayed) clients[who].socket.emit(event, signals[event]);
        }
        const sender = (h: Client['heard'][number]) => h.payload.user?.id ?? h.payload.userId;
        const from = (who: SignedInPrincipal, event: string) =>
          listener.heard.some((h) => h.event === serverEventOf(event) && sender(h) === people[who].user.id);
        for (const who of ['owner', 'editor', 'reviewer'] as const) {
          for (const event of relayed) await waitFor(() => from(who, event));
        }
        // A viewer is seen in the room, but cannot post a note: their pen and typing reach nobody.
        await waitFor(() => from('viewer', clientEvents.presence));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(from('viewer', clientEvents.drawing)).toBe(false);
        expect(from('viewer', clientEvents.typing)).toBe(false);
        expect(listener.heard.filter((h) => sender(h) === people.outsider.user.id)).toEqual([]);
        expect(clients.outsider.heard).toEqual([]);
        expect(clients.outsider.events).toEqual([]);
      } finally {
        listener.socket.close();
      }
    });

    it('leaving a room is always answered and grants nothing', async () => {
      for (const who of signedIn) {
        expect(
          await emitWithAck(clients[who].socket, clientEvents.leaveAsset, { assetId: fx.assetId }),
        ).toEqual({
          ok: true,
        });
      }
      expect(clients.outsider.events).toEqual([]);
    });
  });
});

/** The name a relayed signal arrives under. */
function serverEventOf(clientEvent: string): string {
  return clientEvent === clientEvents.presence ? 'presence:changed' : clientEvent;
}
