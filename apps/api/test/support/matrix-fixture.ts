import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { syntheticSignatures } from '@cutroom/media';
import { Caller, type SignedIn, signUp } from './http-client.js';
import { readyNextVersion, readyVersion } from './review-fixture.js';
import { type TestServer, useTestServer } from './test-server.js';

/**
 * The fixture of the authorisation matrix (authorization-matrix*.int-spec.ts): a project with an
 * owner, an editor, a reviewer and a viewer, a signed-in outsider and a bystander; a cut with two
 * ready versions and a note on each, a review link, an invitation and an item of the owner's feed.
 */

export const PRINCIPALS = ['owner', 'editor', 'reviewer', 'viewer', 'outsider', 'anonymous'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type SignedInPrincipal = Exclude<Principal, 'anonymous'>;

/** The expected status, one column per principal. */
export type Statuses = [
  owner: number,
  editor: number,
  reviewer: number,
  viewer: number,
  outsider: number,
  anonymous: number,
];

/** What a route template's placeholders are filled with. */
export interface Ids {
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
  invitationId: string;
  /** An export format. */
  format: string;
}

export interface Row {
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

export const PASSWORD = 'correct horse battery';

export interface Matrix {
  server: TestServer;
  base: () => string;
  people: Record<SignedInPrincipal, SignedIn>;
  /** Not a member either; signs in and gets added to throwaway projects. */
  readonly bystander: SignedIn;
  fx: Fixture;
  callerOf: (who: Principal) => Caller;
  /** What must never reach an outsider or an anonymous caller. */
  leaksIn: (body: unknown, linkHolder?: boolean) => string[];
  /** A second session of the same person. */
  freshSession: (who: SignedIn) => Promise<Caller>;
  newProject: (who: SignedIn) => Promise<string>;
  newAsset: (who: SignedIn) => Promise<string>;
  /** The second version of a new two-version cut in the fixture's project. */
  newVersion: (who: SignedIn) => Promise<string>;
  fixtureIds: () => Ids;
  /** Every id swapped for one that names nothing: an outsider must not tell the two apart. */
  ghostIds: (ids: Ids) => Ids;
}

type Fixture = ReturnType<typeof emptyFixture>;

function emptyFixture() {
  return {
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
    /** An open invitation of an address with no account. */
    invitationId: '',
    invitationToken: '',
    /** Another project of the owner's, where the editor, reviewer and viewer are all editors: cuts move there. */
    moveTargetId: '',
  };
}

/** For one describe block: the server and the fixture, built in beforeAll. */
export function useMatrix(): Matrix {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  const base = () => server.api.baseUrl;
  const people = {} as Record<SignedInPrincipal, SignedIn>;
  /** Not a member either; signs in and gets added to throwaway projects. */
  let bystander: SignedIn;
  const fx = emptyFixture();

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
  const newVersion = async (who: SignedIn) => {
    const { assetId } = await readyVersion(server.db, who, fx.projectId);
    return (await readyNextVersion(server.db, who, assetId)).versionId;
  };

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
    fx.moveTargetId = (await owner.caller.post('/api/projects', { name: 'Move target' })).body.id;
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      const added = await owner.caller.post(`/api/projects/${fx.moveTargetId}/members`, {
        email: people[role].user.email,
        role: 'editor',
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
      // What processing writes beside the renditions: one 64-byte picture signature a frame.
      mkdirSync(path.join(dir, 'hls'), { recursive: true });
      writeFileSync(path.join(dir, 'hls', 'frame-signatures.gray'), syntheticSignatures(2, 120));
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
    const invited = await owner.caller.post(`/api/projects/${fx.projectId}/invitations`, {
      email: `invited-${randomBytes(4).toString('hex')}@example.com`,
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    fx.invitationId = invited.body.invitation.id;
    fx.invitationToken = invited.body.invitation.link.split('/invite/')[1];
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
    invitationId: fx.invitationId,
    format: 'csv',
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
    invitationId: randomUUID(),
  });

  return {
    server,
    base,
    people,
    get bystander() {
      return bystander;
    },
    fx,
    callerOf,
    leaksIn,
    freshSession,
    newProject,
    newAsset,
    newVersion,
    fixtureIds,
    ghostIds,
  };
}
