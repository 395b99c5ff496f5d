import { Caller, type SignedIn } from './support/http-client.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { signUpTeam } from './support/team.js';
import { useTestServer } from './support/test-server.js';

interface Card {
  id: string;
  openNoteCount: number;
  lastActivityAt: string;
  latestVersion: { number: number; media: { frameCount: number; fpsNum: number; fpsDen: number } | null };
}

describe('what a cut card shows: open notes, last activity, duration', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let projectId: string;
  let busy: { assetId: string; versionId: string };
  let quiet: { assetId: string; versionId: string };

  const cards = async (who: SignedIn): Promise<Map<string, Card>> => {
    const reply = await who.caller.get(`/api/projects/${projectId}/assets`);
    expect(reply.status).toBe(200);
    return new Map((reply.body.assets as Card[]).map((card) => [card.id, card]));
  };
  const note = async (who: SignedIn, versionId: string, body: object) => {
    const reply = await who.caller.post(`/api/versions/${versionId}/comments`, body);
    expect(reply.status).toBe(201);
    return reply.body as { id: string; createdAt: string };
  };

  beforeAll(async () => {
    ({ owner, editor, reviewer, projectId } = await signUpTeam(server.api.baseUrl, 'Cards'));
    quiet = await readyVersion(server.db, editor, projectId, 240);
    busy = await readyVersion(server.db, editor, projectId, 480);
  });

  it('counts the open threads of the newest version only: not replies, not resolved ones, not older rounds', async () => {
    const old = await note(reviewer, busy.versionId, { body: 'v1: trim the head', frame: 5 });
    expect((await cards(owner)).get(busy.assetId)?.openNoteCount).toBe(1);

    const next = await readyNextVersion(server.db, editor, busy.assetId, 480);
    expect((await cards(owner)).get(busy.assetId)?.openNoteCount).toBe(0);
    const first = await note(reviewer, next.versionId, { body: 'Sky too warm', frame: 10 });
    await note(owner, next.versionId, { body: 'Team only: alt ending', frame: 20, internal: true });
    const done = await note(reviewer, next.versionId, { body: 'Logo small', frame: 30 });
    await note(editor, next.versionId, { body: 'On it', parentId: first.id });
    expect((await owner.caller.post(`/api/comments/${done.id}/resolve`)).status).toBe(200);
    expect((await owner.caller.post(`/api/comments/${old.id}/resolve`)).status).toBe(200);

    const card = (await cards(reviewer)).get(busy.assetId);
    // "Sky too warm" and the internal note: the team sees both.
    expect(card?.openNoteCount).toBe(2);
    expect(card?.latestVersion.number).toBe(2);
    // The duration comes with the card: frames at the version's own rate.
    expect(card?.latestVersion.media).toMatchObject({ frameCount: 480, fpsNum: 24000, fpsDen: 1001 });
    expect((await cards(owner)).get(quiet.assetId)?.openNoteCount).toBe(0);
  });

  it('last activity is the newest thing that happened to the cut, live with each note', async () => {
    const before = await cards(owner);
    const latest = await note(reviewer, quiet.versionId, { body: 'Music dips', frame: 100 });
    const after = await cards(owner);
    expect(after.get(quiet.assetId)?.lastActivityAt).toBe(latest.createdAt);
    expect(Date.parse(after.get(quiet.assetId)?.lastActivityAt ?? '')).toBeGreaterThan(
      Date.parse(before.get(quiet.assetId)?.lastActivityAt ?? ''),
    );
    // The other cut did not move.
    expect(after.get(busy.assetId)?.lastActivityAt).toBe(before.get(busy.assetId)?.lastActivityAt);
    // A single cut reads the same as its card.
    const one = await owner.caller.get(`/api/assets/${quiet.assetId}`);
    expect(one.body).toMatchObject({ openNoteCount: 1, lastActivityAt: latest.createdAt });
  });

  it('a guest’s card counts no internal note and does not move when the team writes one', async () => {
    const link = await editor.caller.post(`/api/projects/${projectId}/links`, {
      assetIds: [busy.assetId],
      permissions: ['view', 'comment'],
    });
    expect(link.status).toBe(201);
    const joined = await new Caller(server.api.baseUrl).post(`/api/share/${link.body.token}/guests`, {
      name: 'Gwen',
    });
    expect(joined.status).toBe(201);
    const guest = new Caller(server.api.baseUrl, { token: joined.body.token });
    const shared = async (): Promise<Card> => {
      const home = await guest.get('/api/share');
      expect(home.status).toBe(200);
      return (home.body.assets as Card[])[0];
    };

    const seen = await shared();
    expect(seen.openNoteCount).toBe(1);
    const versionId = (await editor.caller.get(`/api/assets/${busy.assetId}/versions`)).body.versions[0].id;
    await note(owner, versionId, { body: 'Team only: budget', frame: 40, internal: true });
    const later = await shared();
    expect(later.openNoteCount).toBe(1);
    expect(later.lastActivityAt).toBe(seen.lastActivityAt);
    expect((await guest.get(`/api/assets/${busy.assetId}`)).body).toMatchObject({
      openNoteCount: 1,
      lastActivityAt: seen.lastActivityAt,
    });
    // The team's card counts it, and moved.
    const team = (await cards(owner)).get(busy.assetId);
    expect(team?.openNoteCount).toBe(3);
    expect(Date.parse(team?.lastActivityAt ?? '')).toBeGreaterThan(Date.parse(seen.lastActivityAt));
  });
});
