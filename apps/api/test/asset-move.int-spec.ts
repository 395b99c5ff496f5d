import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { feed, itemFor } from './support/activity-feed.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { type ReceivedEvent, connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam } from './support/team.js';
import { tusCreate } from './support/tus.js';
import { useTestServer } from './support/test-server.js';

/**
 * Moving a cut to another project: who may, what goes with it, and who keeps seeing it — the
 * old project's members and clients lose it, the new project's gain it, live.
 */
describe('moving a cut to another project', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  const base = () => server.api.baseUrl;
  const opened: Socket[] = [];
  /** Project A ("Spring") with a team; the editor also owns project B ("Summer"). */
  let team: Awaited<ReturnType<typeof signUpTeam>>;
  let projectB: string;
  /** A producer of B only: never a member of A. */
  let producer: SignedIn;
  /** The outsider's own project: the editor is not in it. */
  let foreignProject: string;

  const move = (who: Caller, assetId: string, projectId: string) =>
    who.post(`/api/assets/${assetId}/move`, { projectId });
  const listed = async (who: Caller, projectId: string) =>
    ((await who.get(`/api/projects/${projectId}/assets`)).body.assets as { id: string }[]).map((a) => a.id);

  async function guestOfProject(projectId: string, owner: SignedIn, linkBody: object, name: string) {
    const link = await owner.caller.post(`/api/projects/${projectId}/links`, linkBody);
    expect(link.status).toBe(201);
    const joined = await new Caller(base()).post(`/api/share/${link.body.token}/guests`, { name });
    expect(joined.status).toBe(201);
    return { caller: new Caller(base(), { token: joined.body.token }), token: joined.body.token as string };
  }

  const guestOf = (linkBody: object, name: string) =>
    guestOfProject(team.projectId, team.editor, linkBody, name);

  async function watching(token: string, rooms: { projectId?: string; assetId?: string }) {
    const client = await connectSocket(base(), token);
    opened.push(client.socket);
    if (rooms.projectId)
      expect((await emitWithAck(client.socket, 'project:join', { projectId: rooms.projectId })).ok).toBe(
        true,
      );
    if (rooms.assetId)
      expect((await emitWithAck(client.socket, 'asset:join', { assetId: rooms.assetId })).ok).toBe(true);
    return client;
  }

  const heard = (events: ReceivedEvent[], type: string, assetId: string) =>
    events.find((event) => event.type === type && event.assetId === assetId);

  beforeAll(async () => {
    team = await signUpTeam(base(), 'Spring');
    producer = await signUp(base(), 'Pam Producer');
    projectB = (await team.editor.caller.post('/api/projects', { name: 'Summer' })).body.id;
    expect(
      (
        await team.editor.caller.post(`/api/projects/${projectB}/members`, {
          email: producer.user.email,
          role: 'editor',
        })
      ).status,
    ).toBe(201);
    // The owner of A reviews in B: a role that may not bring cuts there.
    expect(
      (
        await team.editor.caller.post(`/api/projects/${projectB}/members`, {
          email: team.owner.user.email,
          role: 'reviewer',
        })
      ).status,
    ).toBe(201);
    foreignProject = (await team.outsider.caller.post('/api/projects', { name: 'Not yours' })).body.id;
  });

  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });

  it('only an owner or editor of both projects moves a cut; others are refused without learning of projects they cannot see', async () => {
    const { assetId } = await readyVersion(server.db, team.editor, team.projectId);
    const guest = await guestOf({ assetIds: [assetId], permissions: ['view', 'comment', 'approve'] }, 'Gus');

    expect((await move(team.reviewer.caller, assetId, projectB)).status).toBe(403);
    expect((await move(team.viewer.caller, assetId, projectB)).status).toBe(403);
    expect((await move(guest.caller, assetId, projectB)).status).toBe(403);
    // An owner of A who only reviews in B may not add cuts there.
    const notThere = await move(team.owner.caller, assetId, projectB);
    expect(notThere.status).toBe(403);
    expect(notThere.body.message).toContain('project you chose');
    // A project the editor is not in answers exactly as one that does not exist.
    const foreign = await move(team.editor.caller, assetId, foreignProject);
    const nothing = await move(team.editor.caller, assetId, randomUUID());
    expect(foreign.status).toBe(404);
    expect([foreign.body.code, foreign.body.message]).toEqual([nothing.body.code, nothing.body.message]);
    expect(JSON.stringify(foreign.body)).not.toContain('Not yours');
    // Someone outside the cut's project cannot tell it from no cut at all.
    const outsider = await move(team.outsider.caller, assetId, foreignProject);
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe(
      (await move(team.outsider.caller, randomUUID(), foreignProject)).body.code,
    );

    const same = await move(team.editor.caller, assetId, team.projectId);
    expect(same.status).toBe(409);
    expect(same.body.message).toContain('already in that project');
    expect((await team.editor.caller.post(`/api/assets/${assetId}/move`, { projectId: 'B' })).status).toBe(
      400,
    );
    expect((await team.editor.caller.post(`/api/assets/${assetId}/move`, {})).status).toBe(400);
    expect(await listed(team.editor.caller, team.projectId)).toContain(assetId);
  });

  it('two people moving one cut at once: one move wins, the other is told it moved meanwhile', async () => {
    const { assetId } = await readyVersion(server.db, team.editor, team.projectId);
    const projectC = (await team.editor.caller.post('/api/projects', { name: 'Autumn' })).body.id as string;
    const from = { fromProjectId: team.projectId };
    const [toB, toC] = await Promise.all([
      team.editor.caller.post(`/api/assets/${assetId}/move`, { projectId: projectB, ...from }),
      team.editor.caller.post(`/api/assets/${assetId}/move`, { projectId: projectC, ...from }),
    ]);
    expect([toB.status, toC.status].sort()).toEqual([200, 409]);
    const [won, lost] = toB.status === 200 ? [projectB, toC] : [projectC, toB];
    expect(lost.body.code).toBe('moved_meanwhile');
    expect(lost.body.message).toContain('moved this cut to another project meanwhile');
    expect(await listed(team.editor.caller, won)).toContain(assetId);
    // Saying where it is now moves it on.
    const back = await team.editor.caller.post(`/api/assets/${assetId}/move`, {
      projectId: team.projectId,
      fromProjectId: won,
    });
    expect(back.status).toBe(200);
    expect(await listed(team.editor.caller, team.projectId)).toContain(assetId);
  });

  it('a cut in Recently deleted or still processing stays where it is', async () => {
    const { assetId: deleted } = await readyVersion(server.db, team.editor, team.projectId);
    expect((await team.editor.caller.delete(`/api/assets/${deleted}`)).status).toBe(204);
    expect((await move(team.editor.caller, deleted, projectB)).status).toBe(404);

    const { assetId: processing } = await readyVersion(server.db, team.editor, team.projectId);
    const upload = await tusCreate(team.editor.caller, 10, { filename: 'v2.mov', assetId: processing });
    expect(upload.status).toBe(201);
    const busy = await move(team.editor.caller, processing, projectB);
    expect(busy.status).toBe(409);
    expect(busy.body.message).toContain('still uploading or processing');
    expect(await listed(team.editor.caller, team.projectId)).toContain(processing);
  });

  it('moves with its versions, notes and decisions; the old project’s members and link guests lose it live, the new project’s gain it live', async () => {
    const { assetId, versionId } = await readyVersion(server.db, team.editor, team.projectId);
    const note = await team.reviewer.caller.post(`/api/versions/${versionId}/comments`, {
      body: 'Tighter open',
      frame: 5,
    });
    expect(note.status).toBe(201);
    const decided = await team.editor.caller.post(`/api/versions/${versionId}/decisions`, {
      decision: 'approved',
    });
    expect(decided.status).toBe(201);
    // The cut's own approvers: the reviewer (of A only) and the editor (owner of B).
    const approvers = await team.editor.caller.request('PUT', `/api/assets/${assetId}/approvers`, {
      userIds: [team.reviewer.user.id, team.editor.user.id],
    });
    expect(approvers.status).toBe(200);
    // The reviewer commented, so hears of new notes on the cut.
    await team.editor.caller.post(`/api/versions/${versionId}/comments`, { body: 'On it', frame: 6 });
    await itemFor(team.reviewer, (item) => item.asset.id === assetId);

    const namedGuest = await guestOf({ assetIds: [assetId], permissions: ['view', 'comment'] }, 'Nell');
    const projectGuestA = await guestOf({ permissions: ['view'] }, 'Paul');
    const projectGuestB = await guestOfProject(projectB, team.editor, { permissions: ['view'] }, 'Bea');
    expect((await namedGuest.caller.get(`/api/assets/${assetId}`)).status).toBe(200);
    expect((await projectGuestB.caller.get(`/api/assets/${assetId}`)).status).toBe(404);

    const viewerA = await watching(team.viewer.token, { projectId: team.projectId, assetId });
    const guestInRoom = await watching(namedGuest.token, { assetId });
    const guestOfA = await watching(projectGuestA.token, { projectId: team.projectId });
    const producerB = await watching(producer.token, { projectId: projectB });
    const guestOfB = await watching(projectGuestB.token, { projectId: projectB });
    const editorInRoom = await watching(team.editor.token, { assetId });

    const moved = await move(team.editor.caller, assetId, projectB);
    expect(moved.status).toBe(200);
    expect(moved.body.asset).toMatchObject({ id: assetId, projectId: projectB, versionCount: 1 });
    expect(moved.body.approversRemoved).toEqual([
      { id: team.reviewer.user.id, displayName: team.reviewer.user.displayName },
    ]);

    // Everyone watching either grid, or the cut itself, hears it at once.
    for (const client of [viewerA, producerB, editorInRoom]) {
      const event = await waitFor(() => heard(client.events, 'asset.moved', assetId));
      expect(event.payload).toEqual({ fromProjectId: team.projectId, toProjectId: projectB });
    }
    // A guest learns that it left, not which project it went to.
    for (const client of [guestInRoom, guestOfA, guestOfB]) {
      const event = await waitFor(() => heard(client.events, 'asset.moved', assetId));
      expect(event.payload).toEqual({ fromProjectId: team.projectId });
    }

    // The new project has it whole; the old one no longer does.
    expect(await listed(producer.caller, projectB)).toContain(assetId);
    expect(await listed(team.viewer.caller, team.projectId)).not.toContain(assetId);
    const notes = await producer.caller.get(`/api/versions/${versionId}/comments`);
    expect(JSON.stringify(notes.body)).toContain('Tighter open');
    const approval = await producer.caller.get(`/api/assets/${assetId}/approval`);
    expect(approval.body.decisions.map((d: { decidedBy: { id: string } }) => d.decidedBy.id)).toContain(
      team.editor.user.id,
    );
    const ownList = await producer.caller.get(`/api/assets/${assetId}/approvers`);
    expect(ownList.body.source).toBe('asset');
    expect(ownList.body.approvers.map((a: { id: string }) => a.id)).toEqual([team.editor.user.id]);

    // Members of A alone, and every client of A, lose it; B's whole-project clients gain it.
    for (const caller of [
      team.viewer.caller,
      team.reviewer.caller,
      namedGuest.caller,
      projectGuestA.caller,
    ]) {
      expect((await caller.get(`/api/assets/${assetId}`)).status).toBe(404);
      expect((await caller.get(`/api/versions/${versionId}/comments`)).status).toBe(404);
    }
    expect(JSON.stringify((await projectGuestA.caller.get('/api/share')).body)).not.toContain(assetId);
    expect((await projectGuestB.caller.get(`/api/assets/${assetId}`)).status).toBe(200);
    expect(JSON.stringify((await projectGuestB.caller.get('/api/share')).body)).toContain(assetId);
    const rejoin = await emitWithAck(guestInRoom.socket, 'asset:join', { assetId });
    expect(rejoin).toMatchObject({ ok: false, error: { statusCode: 404 } });

    // What happens to it next reaches the new project's rooms only.
    const later = await producer.caller.post(`/api/versions/${versionId}/comments`, {
      body: 'Welcome to Summer',
      frame: 9,
    });
    expect(later.status).toBe(201);
    await waitFor(() => heard(producerB.events, 'comment.created', assetId));
    await waitFor(() => heard(editorInRoom.events, 'comment.created', assetId));
    await waitFor(() => heard(guestOfB.events, 'comment.created', assetId));
    const settle = await producer.caller.post(`/api/versions/${versionId}/comments`, {
      body: 'Last',
      frame: 10,
    });
    await waitFor(() =>
      producerB.events.some((e) => e.type === 'comment.created' && e.payload.comment.id === settle.body.id),
    );
    for (const client of [viewerA, guestInRoom, guestOfA])
      expect(client.events.filter((e) => e.assetId === assetId && e.type === 'comment.created')).toEqual([]);

    // Notifications follow the cut: the reviewer of A alone no longer reads about it.
    expect((await feed(team.reviewer)).some((item) => item.asset.id === assetId)).toBe(false);
    await itemFor(team.editor, (item) => item.asset.id === assetId && item.project.id === projectB);
    // Not even an item written late, with the project the cut left (a note's fan-out that read the
    // cut's project just before the move): whoever reads it must be a member where the cut is now.
    // Its seq is 0, which no event has, so it cannot meet an item the fan-out is still writing.
    await server.db.query(
      `INSERT INTO notifications (user_id, asset_id, seq, project_id, kind, actor_id, actor_name, created_at)
       SELECT u.id, $2, 0, $3, 'comment', NULL, 'Late', now() FROM users u
        WHERE u.id = ANY($1::uuid[])`,
      [[team.reviewer.user.id, team.editor.user.id], assetId, team.projectId],
    );
    expect((await feed(team.reviewer)).some((item) => item.asset.id === assetId)).toBe(false);
    const late = (await feed(team.editor)).filter(
      (item) => item.asset.id === assetId && item.actor?.displayName === 'Late',
    );
    expect(late.map((item) => item.project.id)).toEqual([projectB]);

    // Moved back, the old link that named it does not reach it again.
    expect((await move(team.editor.caller, assetId, team.projectId)).status).toBe(200);
    expect((await namedGuest.caller.get(`/api/assets/${assetId}`)).status).toBe(404);
    expect((await projectGuestA.caller.get(`/api/assets/${assetId}`)).status).toBe(200);
    expect((await projectGuestB.caller.get(`/api/assets/${assetId}`)).status).toBe(404);
  });

  it('an approvers list left with nobody who may approve in the new project gives way to its default list', async () => {
    const { assetId } = await readyVersion(server.db, team.editor, team.projectId);
    expect(
      (
        await team.editor.caller.request('PUT', `/api/assets/${assetId}/approvers`, {
          userIds: [team.reviewer.user.id],
        })
      ).status,
    ).toBe(200);
    const moved = await move(team.editor.caller, assetId, projectB);
    expect(moved.status).toBe(200);
    expect(moved.body.approversRemoved.map((p: { id: string }) => p.id)).toEqual([team.reviewer.user.id]);
    const list = await producer.caller.get(`/api/assets/${assetId}/approvers`);
    expect(list.body.source).toBe('project');
  });
});
