import type { LiveTransport } from '@cutroom/contracts';
import { type LiveCut, linkGuest, stillAt, useLiveCuts } from './support/live-session.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam, type Team } from './support/team.js';
import { useTwoNodes } from './support/two-nodes.js';

/** The state of that revision, once heard (clients keep the newest revision, whatever the order of arrival). */
const heard = (cut: LiveCut, revision: number) =>
  waitFor(() => cut.states.find((s) => s.revision === revision));

describe('compare mode in a live session', () => {
  const server = useTwoNodes();
  let team: Team;
  let cut: { assetId: string; versionId: string };
  let v2: string;
  const openCut = useLiveCuts(server);
  /** The host compares A (v1, at `frame`) with B (v2), wiped down the middle, B lined up by the frame map. */
  const comparing = (frame: number, compare: Partial<NonNullable<LiveTransport['compare']>> = {}) => ({
    ...stillAt(cut.versionId, frame),
    compare: {
      versionId: v2,
      layout: 'wipe' as const,
      alignment: { kind: 'map' as const },
      swapped: false,
      split: 0.5,
      ...compare,
    },
  });
  const opened = (baseUrl: string, token: string) => openCut(baseUrl, token, cut.assetId);
  const drive = (who: LiveCut, transport: unknown) =>
    emitWithAck(who.socket, 'live:drive', { assetId: cut.assetId, transport });

  beforeAll(async () => {
    team = await signUpTeam(server.nodeA.baseUrl, 'Live compare');
    cut = await readyVersion(server.db, team.editor, team.projectId, 240);
    v2 = (await readyNextVersion(server.db, team.editor, cut.assetId, 250)).versionId;
  });

  it('followers on another api process follow the host into compare (pair, layout, alignment, wipe, frame), a late joiner lands in it, and leaving compare brings them back', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner.token);
    const follower = await opened(server.nodeB.baseUrl, team.reviewer.token);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 30),
    });
    expect((await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId })).ok).toBe(true);

    const moves: LiveTransport[] = [
      comparing(30),
      comparing(31),
      { ...comparing(31), playing: true },
      comparing(90, { layout: 'side', swapped: true }),
      comparing(90, { split: 0.25 }),
      comparing(90, { split: 0 }),
      comparing(90, { alignment: { kind: 'offset', offset: -12 }, split: 0.8125 }),
    ];
    for (const transport of moves) {
      const driven = await drive(host, transport);
      expect(driven).toMatchObject({ ok: true, session: { transport } });
      expect((await heard(follower, driven.session.revision)).transport).toEqual(transport);
    }

    // A third person opening the cut now (on the other process) lands in the compare view at once.
    const late = await opened(server.nodeB.baseUrl, team.viewer.token);
    expect(late.joinAck.liveSession.transport).toEqual(moves.at(-1));
    const lateJoin = await emitWithAck(late.socket, 'live:join', { assetId: cut.assetId });
    expect(lateJoin.session.transport).toEqual(moves.at(-1));

    // The host leaves compare for the review page's player on B: everyone is told compare is over.
    const back = await drive(host, stillAt(v2, 98));
    expect(back).toMatchObject({ ok: true });
    expect((await heard(late, back.session.revision)).transport).toEqual(stillAt(v2, 98));
    expect((await heard(follower, back.session.revision)).transport.compare).toBeNull();
    // A host who sends a transport as before (no compare named) is on the review page.
    const { compare: _none, ...asBefore } = comparing(12);
    expect((await drive(host, asBefore)).session.transport.compare).toBeNull();
  });

  it('the compare view is kept in Postgres; B\u2019s version deleted, the session goes on with A alone', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner.token);
    await emitWithAck(host.socket, 'live:start', { assetId: cut.assetId, transport: comparing(44) });
    const stored = await server.db.query<{
      compare_version_id: string;
      compare_layout: string;
      compare_split: number;
    }>(`SELECT compare_version_id, compare_layout, compare_split FROM live_sessions WHERE asset_id = $1`, [
      cut.assetId,
    ]);
    expect(stored).toEqual([{ compare_version_id: v2, compare_layout: 'wipe', compare_split: 0.5 }]);
    // A host who leaves the wipe's split out (an older page) divides the picture down the middle.
    const { split: _split, ...unsplit } = comparing(45).compare;
    expect((await drive(host, { ...comparing(45), compare: unsplit })).session.transport.compare.split).toBe(
      0.5,
    );
    // B's version deleted: the session goes on, on A alone, rather than send followers to nothing.
    const other = await readyNextVersion(server.db, team.editor, cut.assetId, 240);
    await drive(host, comparing(44, { versionId: other.versionId }));
    await server.db.query(`DELETE FROM versions WHERE id = $1`, [other.versionId]);
    const rejoined = await emitWithAck(host.socket, 'live:join', { assetId: cut.assetId });
    expect(rejoined.session.transport).toEqual(stillAt(cut.versionId, 44));
  });

  it('a follower, an annotator or a guest cannot push compare state; bad compare payloads get a clear error and crash nothing', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner.token);
    const follower = await opened(server.nodeB.baseUrl, team.editor.token);
    const guest = await opened(
      server.nodeB.baseUrl,
      (await linkGuest(team.owner.caller, server.nodeB.baseUrl, { ...team, ...cut }, 'Gwen')).token,
    );
    await emitWithAck(host.socket, 'live:start', { assetId: cut.assetId, transport: comparing(20) });
    for (const who of [follower, guest])
      expect((await emitWithAck(who.socket, 'live:join', { assetId: cut.assetId })).ok).toBe(true);
    const before = (await emitWithAck(host.socket, 'live:join', { assetId: cut.assetId })).session;

    const notHost = { statusCode: 403, message: 'Only the host drives the session and hands out its roles.' };
    expect((await drive(follower, comparing(99, { layout: 'difference' }))).error).toEqual(notHost);
    expect((await drive(guest, stillAt(cut.versionId, 99))).error).toEqual(notHost);
    // The pen lets them draw and point, not drive.
    await emitWithAck(host.socket, 'live:set-role', {
      assetId: cut.assetId,
      userId: team.editor.user.id,
      role: 'annotator',
    });
    expect((await drive(follower, comparing(99))).error).toEqual(notHost);

    // The host's own bad messages: a B of another cut, B past nothing, and malformed compare views.
    const elsewhere = await readyVersion(server.db, team.editor, team.projectId, 24);
    expect((await drive(host, comparing(20, { versionId: elsewhere.versionId }))).error).toEqual({
      statusCode: 400,
      message: 'The version to compare with is not one of this cut.',
    });
    expect(
      (await drive(host, comparing(20, { versionId: '00000000-0000-4000-8000-000000000000' }))).error,
    ).toEqual({ statusCode: 400, message: 'The version to compare with is not one of this cut.' });
    const offsetHalf = await drive(host, {
      ...comparing(20),
      compare: { ...comparing(20).compare, alignment: { kind: 'offset', offset: 2.5 } },
    });
    expect(offsetHalf.error).toMatchObject({
      statusCode: 400,
      fields: [{ path: 'transport.compare.alignment.offset', message: 'must be a whole number of frames' }],
    });
    const malformed: unknown[] = [
      { ...comparing(20).compare, layout: 'mosaic' },
      { ...comparing(20).compare, alignment: { kind: 'frames' } },
      { ...comparing(20).compare, alignment: 'map' },
      { ...comparing(20).compare, versionId: 'v2' },
      { ...comparing(20).compare, split: 1.5 },
      { ...comparing(20).compare, split: -0.01 },
      { ...comparing(20).compare, split: '0.5' },
      { ...comparing(20).compare, zoom: 2 },
      { ...comparing(20).compare, swapped: 'yes' },
      'compare',
      [],
      { versionId: v2 },
      { ...comparing(20).compare, layout: 'x'.repeat(100_000) },
    ];
    for (const compare of malformed) {
      const refused = await drive(host, { ...stillAt(cut.versionId, 20), compare });
      expect(refused.ok).toBe(false);
      expect(refused.error.statusCode).toBe(400);
      expect(refused.error.message).toEqual(expect.any(String));
    }
    // A message without an ack is dropped, not a crash.
    host.socket.emit('live:drive', { assetId: cut.assetId, transport: { ...comparing(20), compare: 7 } });

    // Nothing of it reached the session: followers still see the host's compare view, unchanged.
    const now = (await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId })).session;
    expect(now.transport).toEqual(before.transport);
    expect(now.revision).toBe(before.revision + 1);
    // And the host carries on driving.
    const driven = await drive(host, comparing(21));
    expect(driven.session.transport.frame).toBe(21);
    expect((await heard(guest, driven.session.revision)).transport).toEqual(comparing(21));
    for (const node of [server.nodeA, server.nodeB])
      expect((await fetch(`${node.baseUrl}/api/health`)).status).toBe(200);
  });
});
