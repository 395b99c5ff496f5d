import type { Socket } from 'socket.io-client';
import { itemFor } from './support/activity-feed.js';
import { type Guest, useSharingFixture } from './support/sharing-fixture.js';
import { type ReceivedEvent, connectSocket, emitWithAck, waitFor } from './support/socket-client.js';

const TEAM_NOTE = 'Approved on our side';
const INTERNAL_NOTE = 'Legal has not cleared the music yet';
const BOX = {
  id: 'b',
  kind: 'rectangle',
  colour: '#ff3b30',
  strokeWidth: 0.004,
  from: [0.1, 0.1],
  to: [0.3, 0.3],
};

/** What a review-link guest sees of the team: nothing of its workings by default, more when the link says so. */
describe('what clients see', () => {
  const fx = useSharingFixture();
  const links = () => `/api/projects/${fx.projectId}/links`;
  const opened: Socket[] = [];

  async function linkedGuests(showTeamActivity: boolean | undefined, names: string[]) {
    const body = { assetIds: [fx.shared.assetId], permissions: ['comment', 'approve'], showTeamActivity };
    const link = await fx.makeLink(fx.editor, body);
    expect(link.status).toBe(201);
    const guests: Guest[] = [];
    for (const name of names)
      guests.push({ ...(await fx.join(link.body.token, name)), linkId: link.body.id });
    return { linkId: link.body.id as string, made: link.body, guests };
  }

  /** A socket in the shared cut's room, with the presence and typing it hears. */
  async function inRoom(token: string, afterSeq?: number) {
    const client = await connectSocket(fx.base(), token);
    opened.push(client.socket);
    const heard = {
      presence: [] as { user: { id: string } }[],
      typing: [] as { user: { id: string } }[],
      strokes: [] as { userId: string }[],
    };
    client.socket.on('presence:changed', (p) => heard.presence.push(p));
    client.socket.on('typing', (t) => heard.typing.push(t));
    client.socket.on('draw:stroke', (s) => heard.strokes.push(s));
    const ack = await emitWithAck(client.socket, 'asset:join', { assetId: fx.shared.assetId, afterSeq });
    expect(ack.ok).toBe(true);
    return { ...client, heard, ack };
  }

  /** Says where the socket is and that it types; the ack of a join after them proves the server took them. */
  async function showUp(socket: Socket, frame: number) {
    const place = { assetId: fx.shared.assetId, versionId: fx.shared.versionId, frame, playing: false };
    socket.emit('presence:update', place);
    socket.emit('typing', { assetId: fx.shared.assetId, typing: true });
    socket.emit('draw:stroke', { assetId: place.assetId, versionId: place.versionId, frame, shape: BOX });
    expect((await emitWithAck(socket, 'asset:join', { assetId: fx.shared.assetId })).ok).toBe(true);
  }

  const heardFrom = (heard: { user: { id: string } }[], userId: string) =>
    heard.some((signal) => signal.user.id === userId);

  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });

  it("a default guest never sees the team's presence or typing, only their own link's guests; members see every guest; the option shows the team live", async () => {
    const { linkId, made, guests } = await linkedGuests(undefined, ['Cleo', 'Cass']);
    expect(made.showTeamActivity).toBe(false);
    const other = await linkedGuests(false, ['Olga']);
    const member = await inRoom(fx.reviewer.token);
    await showUp(member.socket, 4);

    const cleo = await inRoom(guests[0].token);
    expect(cleo.ack.presence.map((p: { user: { id: string } }) => p.user.id)).not.toContain(
      fx.reviewer.user.id,
    );
    const olga = await inRoom(other.guests[0].token);
    const cass = await inRoom(guests[1].token);
    await showUp(member.socket, 5);
    await showUp(olga.socket, 6);
    await showUp(cass.socket, 7);
    // Cass is the last to speak: once Cleo hears her, she would have heard anyone before her.
    await waitFor(
      () =>
        heardFrom(cleo.heard.presence, guests[1].user.id) &&
        heardFrom(cleo.heard.typing, guests[1].user.id) &&
        cleo.heard.strokes.some((s) => s.userId === guests[1].user.id),
    );
    expect(heardFrom(cleo.heard.presence, fx.reviewer.user.id)).toBe(false);
    expect(heardFrom(cleo.heard.typing, fx.reviewer.user.id)).toBe(false);
    expect(cleo.heard.strokes.some((s) => s.userId === fx.reviewer.user.id)).toBe(false);
    expect(heardFrom(cleo.heard.presence, other.guests[0].user.id)).toBe(false);
    // The team sees every guest.
    await waitFor(() => heardFrom(member.heard.presence, guests[1].user.id));
    expect(heardFrom(member.heard.presence, other.guests[0].user.id)).toBe(true);

    const changes: { guest: { showTeamActivity: boolean } }[] = [];
    cleo.socket.on('link:changed', (message) => changes.push(message));
    const turnedOn = await fx.editor.caller.patch(`${links()}/${linkId}`, { showTeamActivity: true });
    expect(turnedOn.status).toBe(200);
    expect(turnedOn.body.showTeamActivity).toBe(true);
    await waitFor(() => changes.length > 0, 2_000);
    expect(changes[0].guest.showTeamActivity).toBe(true);
    // At once she is given where the team is, and hears them from then on.
    await waitFor(() => heardFrom(cleo.heard.presence, fx.reviewer.user.id), 2_000);
    await showUp(member.socket, 8);
    await waitFor(() => heardFrom(cleo.heard.typing, fx.reviewer.user.id), 2_000);
    const anotherJoin = await inRoom(guests[1].token);
    expect(anotherJoin.ack.presence.map((p: { user: { id: string } }) => p.user.id)).toContain(
      fx.reviewer.user.id,
    );

    // Turned off again: the team's presence leaves her screen.
    const left: { socketId: string }[] = [];
    cleo.socket.on('presence:left', (gone) => left.push(gone));
    await fx.editor.caller.patch(`${links()}/${linkId}`, { showTeamActivity: false });
    await waitFor(() => left.some((gone) => gone.socketId === member.socket.id), 2_000);
  });

  it("turning the option off clears the team's typing and live drawing already on a guest's screen, even from someone who never said where they are", async () => {
    const { linkId, guests } = await linkedGuests(true, ['Tilda']);
    const tilda = await inRoom(guests[0].token);
    const member = await inRoom(fx.reviewer.token);
    // Typing and drawing, without a presence update first (an API client, or before the first one).
    member.socket.emit('typing', { assetId: fx.shared.assetId, typing: true });
    member.socket.emit('draw:stroke', {
      assetId: fx.shared.assetId,
      versionId: fx.shared.versionId,
      frame: 3,
      shape: BOX,
    });
    await waitFor(
      () =>
        heardFrom(tilda.heard.typing, fx.reviewer.user.id) &&
        tilda.heard.strokes.some((s) => s.userId === fx.reviewer.user.id),
    );
    const left: { socketId: string }[] = [];
    const typingNow: { user: { id: string }; typing: boolean }[] = [];
    tilda.socket.on('presence:left', (gone) => left.push(gone));
    tilda.socket.on('typing', (t) => typingNow.push(t));

    await fx.editor.caller.patch(`${links()}/${linkId}`, { showTeamActivity: false });
    // Her page drops the member's strokes by socket and their "is typing" by person.
    await waitFor(() => left.some((gone) => gone.socketId === member.socket.id), 2_000);
    await waitFor(
      () => typingNow.some((t) => t.user.id === fx.reviewer.user.id && t.typing === false),
      2_000,
    );
  });

  it('revision rounds are refused to a default guest and shown with the option, ready versions only', async () => {
    const rounds = `/api/assets/${fx.shared.assetId}/rounds`;
    const plain = await linkedGuests(false, ['Pia']);
    const refused = await plain.guests[0].caller.get(rounds);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('does not show');

    const trusted = await linkedGuests(true, ['Tess']);
    const shown = await trusted.guests[0].caller.get(rounds);
    expect(shown.status).toBe(200);
    expect(shown.body.rounds.map((r: { versionId: string }) => r.versionId)).toEqual([fx.shared.versionId]);
    // The link changed: the same guest is refused at once, without signing in again.
    await fx.editor.caller.patch(`${links()}/${trusted.linkId}`, { showTeamActivity: false });
    expect((await trusted.guests[0].caller.get(rounds)).status).toBe(403);
    expect((await fx.viewer.caller.get(rounds)).status).toBe(200);
  });

  it("a team decision's note is hidden from a default guest; its internal note never reaches any guest, live, by REST, in a replay or in the activity feed", async () => {
    const plain = await linkedGuests(false, ['Dora']);
    const trusted = await linkedGuests(true, ['Tom']);
    const member = await inRoom(fx.owner.token);
    const dora = await inRoom(plain.guests[0].token);
    const tom = await inRoom(trusted.guests[0].token);
    const seqBefore: number = dora.ack.lastSeq;

    const decided = await fx.reviewer.caller.post(`/api/versions/${fx.shared.versionId}/decisions`, {
      decision: 'approved',
      note: TEAM_NOTE,
      internalNote: INTERNAL_NOTE,
    });
    expect(decided.status).toBe(201);
    expect(decided.body.decision).toMatchObject({
      note: TEAM_NOTE,
      internalNote: INTERNAL_NOTE,
      byGuest: false,
    });

    const recorded = (events: ReceivedEvent[]) => events.find((e) => e.type === 'decision.recorded');
    const live = {
      member: await waitFor(() => recorded(member.events)),
      dora: await waitFor(() => recorded(dora.events)),
      tom: await waitFor(() => recorded(tom.events)),
    };
    expect(live.member.payload.decision.internalNote).toBe(INTERNAL_NOTE);
    expect(live.dora.payload.decision).toMatchObject({ decision: 'approved', note: null });
    expect(live.dora.payload.decision.decidedBy.id).toBe(fx.reviewer.user.id);
    expect(live.dora.payload.approval.state).toBe('approved');
    expect(live.tom.payload.decision.note).toBe(TEAM_NOTE);
    for (const event of [live.dora, live.tom]) expect(JSON.stringify(event)).not.toContain(INTERNAL_NOTE);
    expect(JSON.stringify(live.dora)).not.toContain(TEAM_NOTE);

    const reads = [
      `/api/versions/${fx.shared.versionId}/decisions`,
      `/api/versions/${fx.shared.versionId}/approval`,
      `/api/assets/${fx.shared.assetId}/approval`,
    ];
    for (const route of reads) {
      const asDora = await plain.guests[0].caller.get(route);
      const asTom = await trusted.guests[0].caller.get(route);
      const asMember = await fx.viewer.caller.get(route);
      expect([route, asDora.status, asTom.status]).toEqual([route, 200, 200]);
      expect(JSON.stringify(asDora.body)).not.toMatch(new RegExp(`${TEAM_NOTE}|${INTERNAL_NOTE}`));
      expect(JSON.stringify(asTom.body)).toContain(TEAM_NOTE);
      expect(JSON.stringify(asTom.body)).not.toContain(INTERNAL_NOTE);
      expect(JSON.stringify(asMember.body)).toContain(INTERNAL_NOTE);
    }
    const trustedRounds = await trusted.guests[0].caller.get(`/api/assets/${fx.shared.assetId}/rounds`);
    expect(JSON.stringify(trustedRounds.body)).toContain(TEAM_NOTE);
    expect(JSON.stringify(trustedRounds.body)).not.toContain(INTERNAL_NOTE);

    // Back after a drop: the replay tells the decision as the guest may see it.
    dora.socket.close();
    const back = await inRoom(plain.guests[0].token, seqBefore);
    const replayed = back.ack.events.find((e: ReceivedEvent) => e.type === 'decision.recorded');
    expect(replayed.payload.decision).toMatchObject({ decision: 'approved', note: null });
    expect(JSON.stringify(back.ack.events)).not.toMatch(new RegExp(`${TEAM_NOTE}|${INTERNAL_NOTE}`));
    const trustedBack = await inRoom(trusted.guests[0].token, seqBefore);
    expect(JSON.stringify(trustedBack.ack.events)).toContain(TEAM_NOTE);
    expect(JSON.stringify(trustedBack.ack.events)).not.toContain(INTERNAL_NOTE);

    // The uploader is told of the decision by its public note alone (the e-mail reads the same item).
    const told = await itemFor(fx.editor, (item) => item.kind === 'decision' && item.excerpt === TEAM_NOTE);
    expect(JSON.stringify(told)).not.toContain(INTERNAL_NOTE);
  });

  it("a client's own decision note shows to clients; a guest cannot add an internal note", async () => {
    const { guests } = await linkedGuests(false, ['Ada', 'Ava']);
    const decisions = `/api/versions/${fx.shared.versionId}/decisions`;
    const internal = await guests[0].caller.post(decisions, { decision: 'approved', internalNote: 'psst' });
    expect(internal.status).toBe(403);
    expect(internal.body.message).toContain('cannot add one');
    const own = await guests[0].caller.post(decisions, {
      decision: 'changes_requested',
      note: 'Shorter intro',
    });
    expect(own.status).toBe(201);
    expect(own.body.decision).toMatchObject({ note: 'Shorter intro', byGuest: true });
    expect(own.body.decision).not.toHaveProperty('internalNote');
    const seen = await guests[1].caller.get(decisions);
    expect(seen.body.decisions.find((d: { id: string }) => d.id === own.body.decision.id).note).toBe(
      'Shorter intro',
    );
  });

  it("a client's decision note reaches their own link's clients and the team, never another link's clients — by REST, live or in a replay", async () => {
    const CLIENT_NOTE = 'Approved for the Nordics cut only';
    const ours = await linkedGuests(false, ['Ines', 'Ivo']);
    const theirs = await linkedGuests(true, ['Yara']);
    const ivo = await inRoom(ours.guests[1].token);
    const yara = await inRoom(theirs.guests[0].token);
    const member = await inRoom(fx.owner.token);
    const seqBefore: number = yara.ack.lastSeq;

    const decided = await ours.guests[0].caller.post(`/api/versions/${fx.shared.versionId}/decisions`, {
      decision: 'approved',
      note: CLIENT_NOTE,
    });
    expect(decided.status).toBe(201);
    const recorded = (events: ReceivedEvent[]) =>
      events.find(
        (e) => e.type === 'decision.recorded' && e.payload.decision.id === decided.body.decision.id,
      );
    const live = {
      ivo: await waitFor(() => recorded(ivo.events)),
      yara: await waitFor(() => recorded(yara.events)),
      member: await waitFor(() => recorded(member.events)),
    };
    expect(live.ivo.payload.decision.note).toBe(CLIENT_NOTE);
    expect(live.member.payload.decision).toMatchObject({ note: CLIENT_NOTE, viaLinkId: ours.linkId });
    // Yara's link shows the team's activity: still not another client's note, nor which link it came by.
    expect(live.yara.payload.decision).toMatchObject({ decision: 'approved', note: null, byGuest: true });
    expect(JSON.stringify(live.yara)).not.toContain(CLIENT_NOTE);
    expect(JSON.stringify(live.yara)).not.toContain(ours.linkId);

    for (const route of [
      `/api/versions/${fx.shared.versionId}/decisions`,
      `/api/versions/${fx.shared.versionId}/approval`,
      `/api/assets/${fx.shared.assetId}/approval`,
      `/api/assets/${fx.shared.assetId}/rounds`,
    ]) {
      const asYara = await theirs.guests[0].caller.get(route);
      expect([route, asYara.status]).toEqual([route, 200]);
      expect(JSON.stringify(asYara.body)).not.toContain(CLIENT_NOTE);
      expect(JSON.stringify((await fx.viewer.caller.get(route)).body)).toContain(CLIENT_NOTE);
    }
    for (const route of [
      `/api/versions/${fx.shared.versionId}/decisions`,
      `/api/assets/${fx.shared.assetId}/approval`,
    ])
      expect(JSON.stringify((await ours.guests[1].caller.get(route)).body)).toContain(CLIENT_NOTE);

    yara.socket.close();
    const back = await inRoom(theirs.guests[0].token, seqBefore);
    expect(recorded(back.ack.events)).toBeDefined();
    expect(JSON.stringify(back.ack.events)).not.toContain(CLIENT_NOTE);
  });
});
