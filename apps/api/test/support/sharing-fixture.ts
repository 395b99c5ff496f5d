import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Caller, type Reply, type SignedIn } from './http-client.js';
import { readyVersion } from './review-fixture.js';
import { signUpTeam } from './team.js';
import { type TestServer, useTestServer } from './test-server.js';

export interface Guest {
  caller: Caller;
  linkId?: string;
  token: string;
  user: { id: string; displayName: string; email: string | null };
}

export const PASSWORD = 'open sesame';

export interface SharingFixture {
  server: TestServer;
  owner: SignedIn;
  editor: SignedIn;
  reviewer: SignedIn;
  viewer: SignedIn;
  outsider: SignedIn;
  projectId: string;
  /** Shown by the links the tests make. */
  shared: { assetId: string; versionId: string };
  /** In the same project, shown by no asset link. */
  hidden: { assetId: string; versionId: string };
  /** A reviewer's shared note on `shared`. */
  publicNoteId: string;
  /** An editor's internal note on `shared`. */
  internalNoteId: string;
  base(): string;
  anonymous(): Caller;
  makeLink(who: SignedIn, body: object): Promise<Reply>;
  join(token: string, name: string, extra?: object): Promise<Guest>;
  /** A guest of a new link to `shared` with these permissions (and whatever else `linkBody` sets). */
  guestWith(permissions: string[], name?: string, linkBody?: object): Promise<Guest>;
}

/**
 * For one describe block of the review-link tests: a server, a team on one project with two
 * ready cuts (each with a poster), and a shared and an internal note on the first. Read the
 * fields inside tests or hooks (they are set in beforeAll); the functions work at once.
 */
export function useSharingFixture(): SharingFixture {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  const fx = { server } as SharingFixture;
  fx.base = () => server.api.baseUrl;
  fx.anonymous = () => new Caller(fx.base());
  fx.makeLink = (who, body) => who.caller.post(`/api/projects/${fx.projectId}/links`, body);
  fx.join = async (token, name, extra = {}) => {
    const reply = await fx.anonymous().post(`/api/share/${token}/guests`, { name, ...extra });
    expect(reply.status).toBe(201);
    return {
      caller: new Caller(fx.base(), { token: reply.body.token }),
      token: reply.body.token,
      user: reply.body.user,
    };
  };
  fx.guestWith = async (permissions, name = 'Gwen', linkBody = {}) => {
    const link = await fx.makeLink(fx.editor, { assetIds: [fx.shared.assetId], permissions, ...linkBody });
    expect(link.status).toBe(201);
    return { ...(await fx.join(link.body.token, name)), linkId: link.body.id };
  };

  beforeAll(async () => {
    Object.assign(fx, await signUpTeam(fx.base(), 'Spring campaign'));
    fx.shared = await readyVersion(server.db, fx.editor, fx.projectId);
    fx.hidden = await readyVersion(server.db, fx.editor, fx.projectId);
    for (const { versionId } of [fx.shared, fx.hidden]) {
      const dir = path.join(server.dataDir, 'media', 'versions', versionId);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'poster.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    }
    fx.publicNoteId = (
      await fx.reviewer.caller.post(`/api/versions/${fx.shared.versionId}/comments`, {
        body: 'Warmer grade here',
        frame: 10,
      })
    ).body.id;
    fx.internalNoteId = (
      await fx.editor.caller.post(`/api/versions/${fx.shared.versionId}/comments`, {
        body: 'Client will hate this — fix before they notice',
        frame: 12,
        internal: true,
      })
    ).body.id;
  });
  return fx;
}
