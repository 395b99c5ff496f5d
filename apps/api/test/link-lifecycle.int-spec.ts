import { Caller, type SignedIn } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { useTestServer } from './support/test-server.js';

interface Guest {
  caller: Caller;
  token: string;
  user: { id: string; displayName: string };
}

/** A review link's life after it is made: turned off and on, running out, what stays on record. */
describe('review link lifecycle', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let projectId: string;
  let cut: { assetId: string; versionId: string };

  const base = () => server.api.baseUrl;

  async function makeLink(body: object): Promise<{ id: string; token: string }> {
    const made = await editor.caller.post(`/api/projects/${projectId}/links`, {
      assetIds: [cut.assetId],
      ...body,
    });
    expect(made.status).toBe(201);
    return { id: made.body.id, token: made.body.token };
  }

  async function join(token: string, name: string): Promise<Guest> {
    const reply = await new Caller(base()).post(`/api/share/${token}/guests`, { name });
    expect(reply.status).toBe(201);
    return {
      caller: new Caller(base(), { token: reply.body.token }),
      token: reply.body.token,
      user: reply.body.user,
    };
  }

  /** A guest's socket in the cut's room, recording when it is told its link ended. */
  async function guestInRoom(guest: Guest) {
    const connected = await connectSocket(base(), guest.token);
    const ended: { at: number; message: { linkId: string; reason: string } }[] = [];
    connected.socket.on('link:ended', (message) => ended.push({ at: Date.now(), message }));
    const joined = await emitWithAck(connected.socket, 'asset:join', { assetId: cut.assetId });
    expect(joined.ok).toBe(true);
    return { ...connected, ended };
  }

  beforeAll(async () => {
    ({ owner, editor, reviewer, projectId } = await signUpTeam(base(), 'Lifecycle'));
    cut = await readyVersion(server.db, editor, projectId);
  });

  it('turning a link off tells every open guest at once, and turning it back on lets them carry on', async () => {
    const link = await makeLink({ permissions: ['view', 'comment'] });
    const [ana, ben] = [await join(link.token, 'Ana'), await join(link.token, 'Ben')];
    const [anaSocket, benSocket] = [await guestInRoom(ana), await guestInRoom(ben)];
    const memberSocket = await connectSocket(base(), owner.token);
    let memberEnded = false;
    memberSocket.socket.on('link:ended', () => (memberEnded = true));
    try {
      const asked = Date.now();
      const off = await editor.caller.post(`/api/projects/${projectId}/links/${link.id}/revoke`);
      expect(off.body.status).toBe('revoked');
      for (const guest of [anaSocket, benSocket]) {
        await waitFor(() => guest.ended.length > 0, 1_000);
        expect(guest.ended[0].message).toEqual({ linkId: link.id, reason: 'revoked' });
        expect(guest.ended[0].at - asked).toBeLessThan(1_000);
        await waitFor(() => !guest.socket.connected, 1_000);
      }
      expect(memberEnded).toBe(false);
      expect(memberSocket.socket.connected).toBe(true);
      expect((await ana.caller.get(`/api/versions/${cut.versionId}/comments`)).status).toBe(401);
      await expect(connectSocket(base(), ana.token)).rejects.toThrow('unauthorized');

      const on = await editor.caller.post(`/api/projects/${projectId}/links/${link.id}/enable`);
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ status: 'active', revokedAt: null });
      // The same guest, the same session: their note goes through and their socket comes back.
      const note = await ana.caller.post(`/api/versions/${cut.versionId}/comments`, { body: 'Back again' });
      expect(note.status).toBe(201);
      const again = await guestInRoom(ana);
      again.socket.close();
      expect((await new Caller(base()).get(`/api/share/${link.token}`)).status).toBe(200);
    } finally {
      for (const s of [anaSocket, benSocket, memberSocket]) s.socket.close();
    }
  });

  it('only owners and editors turn a link back on, and an unknown link is 404', async () => {
    const link = await makeLink({ permissions: ['view'] });
    await editor.caller.post(`/api/projects/${projectId}/links/${link.id}/revoke`);
    expect((await reviewer.caller.post(`/api/projects/${projectId}/links/${link.id}/enable`)).status).toBe(
      403,
    );
    expect(
      (
        await owner.caller.post(
          `/api/projects/${projectId}/links/00000000-0000-4000-8000-000000000000/enable`,
        )
      ).status,
    ).toBe(404);
    expect((await owner.caller.post(`/api/projects/${projectId}/links/${link.id}/enable`)).status).toBe(200);
  });

  it('a link that runs out while a guest watches tells them it expired', async () => {
    const link = await makeLink({
      permissions: ['view'],
      expiresAt: new Date(Date.now() + 2_500).toISOString(),
    });
    const guest = await join(link.token, 'Eve');
    const watching = await guestInRoom(guest);
    try {
      await waitFor(() => watching.ended.length > 0, 6_000);
      expect(watching.ended[0].message).toEqual({ linkId: link.id, reason: 'expired' });
      await waitFor(() => !watching.socket.connected, 1_000);
    } finally {
      watching.socket.close();
    }
  });

  it('a client’s decision made while their link was live stays in the state and the history after it is turned off', async () => {
    const own = await readyVersion(server.db, editor, projectId);
    const made = await editor.caller.post(`/api/projects/${projectId}/links`, {
      assetIds: [own.assetId],
      permissions: ['view', 'approve'],
    });
    const client = await join(made.body.token, 'Carla');
    const decided = await client.caller.post(`/api/versions/${own.versionId}/decisions`, {
      decision: 'approved',
      note: 'Good to go',
    });
    expect(decided.status).toBe(201);
    await editor.caller.post(`/api/projects/${projectId}/links/${made.body.id}/revoke`);

    const state = await owner.caller.get(`/api/assets/${own.assetId}/approval`);
    expect(state.body).toMatchObject({ state: 'approved', approvedCount: 1 });
    const history = await owner.caller.get(`/api/versions/${own.versionId}/decisions`);
    expect(history.body.decisions.map((d: { id: string }) => d.id)).toEqual(
      state.body.decisions.map((d: { id: string }) => d.id),
    );
    const grid = await owner.caller.get(`/api/projects/${projectId}/approvals`);
    const card = grid.body.approvals.find((a: { assetId: string }) => a.assetId === own.assetId);
    expect(card).toMatchObject({ state: 'approved', approvedCount: 1 });
    expect(card.decisions[0].decidedBy.displayName).toBe('Carla (guest)');
    // A member deciding afterwards still sees the client's decision next to theirs.
    await editor.caller.post(`/api/versions/${own.versionId}/decisions`, { decision: 'changes_requested' });
    const after = await owner.caller.get(`/api/assets/${own.assetId}/approval`);
    expect(after.body.state).toBe('changes_requested');
    expect(
      after.body.decisions.map((d: { decidedBy: { displayName: string } }) => d.decidedBy.displayName),
    ).toEqual(['Eddie Editor', 'Carla (guest)']);
  });
});
