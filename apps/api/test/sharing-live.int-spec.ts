import { type SignedIn } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { useSharingFixture } from './support/sharing-fixture.js';

describe('review links and guests', () => {
  const fx = useSharingFixture();
  const { server, base, makeLink, join, guestWith } = fx;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let projectId: string;
  let shared: { assetId: string; versionId: string };
  let hidden: { assetId: string; versionId: string };

  beforeAll(() => {
    ({ editor, reviewer, viewer, projectId, shared, hidden } = fx);
  });

  describe('live, over the socket', () => {
    it('a guest joins only the link’s assets and never hears of an internal note', async () => {
      const guest = await guestWith(['view', 'comment'], 'Sol');
      const guestSocket = await connectSocket(base(), guest.token);
      const memberSocket = await connectSocket(base(), viewer.token);
      try {
        const joined = await emitWithAck(guestSocket.socket, 'asset:join', {
          assetId: shared.assetId,
          afterSeq: 0,
        });
        expect(joined.ok).toBe(true);
        expect(JSON.stringify(joined.events)).not.toContain('Client will hate this');
        expect(joined.events.length).toBeGreaterThan(0);
        expect(
          (await emitWithAck(guestSocket.socket, 'asset:join', { assetId: hidden.assetId })).error.statusCode,
        ).toBe(404);
        expect((await emitWithAck(guestSocket.socket, 'project:join', { projectId })).ok).toBe(false);
        await emitWithAck(memberSocket.socket, 'asset:join', { assetId: shared.assetId });

        await editor.caller.post(`/api/versions/${shared.versionId}/comments`, {
          body: 'Team only',
          internal: true,
        });
        await editor.caller.post(`/api/versions/${shared.versionId}/comments`, { body: 'For everyone' });
        await waitFor(() => memberSocket.events.some((e) => e.payload.comment?.body === 'For everyone'));
        await waitFor(() => guestSocket.events.some((e) => e.payload.comment?.body === 'For everyone'));
        expect(memberSocket.events.some((e) => e.payload.comment?.body === 'Team only')).toBe(true);
        expect(guestSocket.events.some((e) => e.payload.comment?.body === 'Team only')).toBe(false);

        const created = await emitWithAck(guestSocket.socket, 'comment:create', {
          versionId: shared.versionId,
          comment: { body: 'From the socket', frame: 3 },
        });
        expect(created.ok).toBe(true);
        expect(created.comment.author.displayName).toBe('Sol (guest)');
        await waitFor(() => memberSocket.events.some((e) => e.payload.comment?.body === 'From the socket'));
      } finally {
        guestSocket.socket.close();
        memberSocket.socket.close();
      }
    });

    it('a guest of a whole-project link follows the project live and hears of a new cut, but no internal note', async () => {
      const link = await makeLink(editor, { permissions: ['view', 'comment'] });
      const guest = await join(link.body.token, 'Pia');
      expect((await guest.caller.get('/api/share')).body.allAssets).toBe(true);
      const guestSocket = await connectSocket(base(), guest.token);
      try {
        expect((await emitWithAck(guestSocket.socket, 'project:join', { projectId })).ok).toBe(true);
        const otherProject = (await editor.caller.post('/api/projects', { name: 'Not shared' })).body.id;
        expect((await emitWithAck(guestSocket.socket, 'project:join', { projectId: otherProject })).ok).toBe(
          false,
        );
        // The new cut's upload is no news to a guest until its version is ready; its notes are.
        const added = await readyVersion(server.db, editor, projectId);
        await editor.caller.post(`/api/versions/${added.versionId}/comments`, {
          body: 'Internal aside',
          internal: true,
        });
        await editor.caller.post(`/api/versions/${added.versionId}/comments`, { body: 'Public note' });
        await waitFor(() => guestSocket.events.some((e) => e.payload.comment?.body === 'Public note'));
        expect(
          guestSocket.events.some((e) => e.assetId === added.assetId && e.type.startsWith('version.')),
        ).toBe(false);
        expect(guestSocket.events.some((e) => e.payload.comment?.body === 'Internal aside')).toBe(false);
        const home = await guest.caller.get('/api/share');
        expect(home.body.assets.map((a: { id: string }) => a.id)).toContain(added.assetId);
      } finally {
        guestSocket.socket.close();
      }
    });

    it('closes a revoked link’s guests’ sockets at once', async () => {
      const link = await makeLink(editor, { assetIds: [shared.assetId], permissions: ['view'] });
      const guest = await join(link.body.token, 'Quinn');
      const guestSocket = await connectSocket(base(), guest.token);
      try {
        expect((await emitWithAck(guestSocket.socket, 'asset:join', { assetId: shared.assetId })).ok).toBe(
          true,
        );
        await editor.caller.post(`/api/projects/${projectId}/links/${link.body.id}/revoke`);
        // Give the revocation notice a moment to reach the node, then speak in the room.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await editor.caller.post(`/api/versions/${shared.versionId}/comments`, { body: 'After the revoke' });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(guestSocket.events.some((e) => e.payload.comment?.body === 'After the revoke')).toBe(false);
        // Their session ended with the link: the socket is closed and cannot come back.
        expect(guestSocket.socket.connected).toBe(false);
        await expect(connectSocket(base(), guest.token)).rejects.toThrow('unauthorized');
      } finally {
        guestSocket.socket.close();
      }
    });

    it('a note drafted as internal is drawn and typed live for members only; guests lose what they saw when it turns internal', async () => {
      // Guests who see the team's activity: by default no draft of the team reaches a guest at all.
      const guest = await guestWith(['view', 'comment'], 'Ivy', { showTeamActivity: true });
      const otherGuest = await guestWith(['view', 'comment'], 'Ola', { showTeamActivity: true });
      const tokens = {
        drawer: editor.token,
        member: reviewer.token,
        guest: guest.token,
        otherGuest: otherGuest.token,
      };
      const heard: Record<string, { event: string; payload: any }[]> = {};
      const clients: Record<string, Awaited<ReturnType<typeof connectSocket>>> = {};
      for (const [name, token] of Object.entries(tokens)) {
        const client = await connectSocket(base(), token);
        clients[name] = client;
        heard[name] = [];
        for (const event of ['draw:stroke', 'typing'])
          client.socket.on(event, (payload: unknown) => heard[name].push({ event, payload }));
        expect((await emitWithAck(client.socket, 'asset:join', { assetId: shared.assetId })).ok).toBe(true);
      }
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const place = { assetId: shared.assetId, versionId: shared.versionId, frame: 4 };
      const box = {
        id: 'b',
        kind: 'rectangle',
        colour: '#ff3b30',
        strokeWidth: 0.004,
        from: [0.1, 0.1],
        to: [0.3, 0.3],
      };
      const last = (name: string, event: string) =>
        heard[name].filter((h) => h.event === event).at(-1)?.payload;
      const drawer = clients.drawer.socket;
      try {
        // Drafted as internal from the start: the other member sees it, the guest nothing.
        drawer.emit('draw:stroke', { ...place, internal: true, shape: box });
        drawer.emit('typing', { assetId: shared.assetId, typing: true, internal: true });
        await waitFor(() => heard.member.length === 2);
        await sleep(500);
        expect(heard.guest).toEqual([]);
        drawer.emit('typing', { assetId: shared.assetId, typing: false, internal: true });
        await waitFor(() => heard.member.length === 3);

        // A shared draft reaches everyone…
        drawer.emit('draw:stroke', { ...place, shapes: [box] });
        drawer.emit('typing', { assetId: shared.assetId, typing: true });
        await waitFor(() => heard.guest.length === 2);
        expect(last('guest', 'draw:stroke')).toMatchObject({ shapes: [box], internal: false });
        expect(last('guest', 'typing')).toMatchObject({ typing: true, internal: false });
        await waitFor(() => heard.member.length === 5);

        // …until Internal is ticked mid-draft: the guest's screen drops the drawing and the typing.
        await sleep(200);
        drawer.emit('draw:stroke', { ...place, internal: true, shapes: [box] });
        drawer.emit('typing', { assetId: shared.assetId, typing: true, internal: true });
        await waitFor(
          () => last('member', 'draw:stroke')?.internal === true && last('member', 'typing')?.internal,
        );
        expect(last('member', 'draw:stroke')).toMatchObject({ shapes: [box] });
        expect(last('member', 'typing')).toMatchObject({ typing: true });
        await waitFor(() => heard.guest.length === 4);
        await sleep(500);
        expect(heard.guest.slice(2)).toEqual([
          { event: 'draw:stroke', payload: expect.objectContaining({ shapes: [], internal: false }) },
          { event: 'typing', payload: expect.objectContaining({ typing: false, internal: false }) },
        ]);
        expect(heard.guest.some((h) => h.payload.internal)).toBe(false);

        // A guest writes no internal notes: their flag is ignored and the other guest sees their pen.
        clients.guest.socket.emit('draw:stroke', { ...place, internal: true, shape: box });
        await waitFor(() => heard.otherGuest.some((h) => h.payload.userId === guest.user.id));
        expect(heard.otherGuest.find((h) => h.payload.userId === guest.user.id)?.payload.internal).toBe(
          false,
        );
      } finally {
        for (const { socket } of Object.values(clients)) socket.close();
      }
    });
  });
});
