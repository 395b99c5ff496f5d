import 'reflect-metadata';
import { Caller, type SignedIn } from './support/http-client.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { createLogger } from '../src/common/logging/logger.js';
import { createDataSource } from '../src/database/data-source.js';
import { runBuilt } from './support/api-process.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { useSharingFixture } from './support/sharing-fixture.js';

describe('review links and guests', () => {
  const fx = useSharingFixture();
  const { server, base, makeLink, join } = fx;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let projectId: string;

  beforeAll(() => {
    ({ editor, reviewer, viewer, projectId } = fx);
  });

  describe('a thread is internal or shared as a whole', () => {
    /**
     * A fresh cut with a commenting guest on it (asset link, showing the team's activity: rounds
     * included, internal threads never) and one following the whole project.
     */
    async function threadScene() {
      const cut = await readyVersion(server.db, editor, projectId);
      const assetLink = await makeLink(editor, {
        assetIds: [cut.assetId],
        permissions: ['view', 'comment'],
        showTeamActivity: true,
      });
      const projectLink = await makeLink(editor, { permissions: ['view', 'comment'] });
      const guest = await join(assetLink.body.token, 'Tess');
      const projectGuest = await join(projectLink.body.token, 'Pam');
      const sockets = {
        guest: await connectSocket(base(), guest.token),
        projectGuest: await connectSocket(base(), projectGuest.token),
        member: await connectSocket(base(), viewer.token),
      };
      const joined = await emitWithAck(sockets.guest.socket, 'asset:join', { assetId: cut.assetId });
      expect(joined.ok).toBe(true);
      expect((await emitWithAck(sockets.projectGuest.socket, 'project:join', { projectId })).ok).toBe(true);
      expect((await emitWithAck(sockets.member.socket, 'asset:join', { assetId: cut.assetId })).ok).toBe(
        true,
      );
      const post = (who: { caller: Caller }, body: object) =>
        who.caller.post(`/api/versions/${cut.versionId}/comments`, body);
      /** A shared note posted last: once a socket has it, it has had everything before it. */
      const settle = async (marker: string) => {
        expect((await post(editor, { body: marker })).status).toBe(201);
        for (const { events } of Object.values(sockets))
          await waitFor(() => events.some((e) => e.payload.comment?.body === marker));
      };
      const close = () => Object.values(sockets).forEach(({ socket }) => socket.close());
      return { cut, guest, sockets, post, settle, close, joinedAt: joined.lastSeq as number };
    }

    const mentions = (events: unknown[], ...texts: string[]) =>
      texts.some((text) => JSON.stringify(events).includes(text));

    it('a reply inside an internal thread reaches no guest: live, replayed, by id, in a round', async () => {
      const scene = await threadScene();
      const { cut, guest, sockets, post } = scene;
      try {
        const root = await post(editor, { body: 'Team: the grade is off', frame: 20, internal: true });
        const reply = await post(editor, { body: 'Agreed, redo the sky', parentId: root.body.id });
        expect(reply.status).toBe(201);
        // The reply is as internal as its thread, though it was not asked to be.
        expect(reply.body.internal).toBe(true);
        const replyId: string = reply.body.id;
        expect(
          (await editor.caller.patch(`/api/comments/${replyId}`, { body: 'Agreed, redo the whole sky' }))
            .status,
        ).toBe(200);
        expect(
          (await reviewer.caller.post(`/api/comments/${replyId}/reactions`, { emoji: '👍' })).status,
        ).toBe(200);
        const doomed = await post(reviewer, { body: 'Second thought', parentId: root.body.id });
        expect((await reviewer.caller.delete(`/api/comments/${doomed.body.id}`)).status).toBe(204);
        expect((await editor.caller.post(`/api/comments/${root.body.id}/resolve`)).status).toBe(200);
        await scene.settle('Shared note after the thread');

        const secrets = [root.body.id, replyId, doomed.body.id, 'redo the', 'Second thought'];
        const memberTypes = sockets.member.events
          .filter((e) => mentions([e], root.body.id, replyId, doomed.body.id))
          .map((e) => e.type);
        expect(memberTypes).toEqual([
          'comment.created',
          'comment.created',
          'comment.updated',
          'comment.reactions',
          'comment.created',
          'comment.deleted',
          'comment.resolved',
        ]);
        expect(mentions(sockets.guest.events, ...secrets)).toBe(false);
        expect(mentions(sockets.projectGuest.events, ...secrets)).toBe(false);

        // Replayed after a reconnect: the same silence.
        const replay = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: scene.joinedAt,
        });
        expect(
          replay.events.some(
            (e: { payload: any }) => e.payload.comment?.body === 'Shared note after the thread',
          ),
        ).toBe(true);
        expect(mentions(replay.events, ...secrets)).toBe(false);
        const fromStart = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(mentions(fromStart.events, ...secrets)).toBe(false);

        // Nor by REST: the list, the reply by id, the next version's carried-over notes and the rounds.
        const list = await guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(mentions(list.body.comments, ...secrets)).toBe(false);
        expect((await guest.caller.post(`/api/comments/${replyId}/reactions`, { emoji: '🎉' })).status).toBe(
          404,
        );
        expect((await guest.caller.patch(`/api/comments/${replyId}`, { body: 'x' })).status).toBe(404);
        const next = await readyNextVersion(server.db, editor, cut.assetId);
        expect((await editor.caller.post(`/api/comments/${root.body.id}/reopen`)).status).toBe(200);
        const carried = await guest.caller.get(`/api/versions/${next.versionId}/carried-over`);
        expect(mentions(carried.body.comments, ...secrets)).toBe(false);
        const rounds = await guest.caller.get(`/api/assets/${cut.assetId}/rounds`);
        expect(rounds.body.rounds.at(-1).notes.total).toBe(1);

        // A member sees all of it.
        const memberList = await viewer.caller.get(`/api/versions/${cut.versionId}/comments`);
        const memberReply = memberList.body.comments.find((c: { id: string }) => c.id === replyId);
        expect(memberReply).toMatchObject({ internal: true, body: 'Agreed, redo the whole sky' });
        const memberCarried = await viewer.caller.get(`/api/versions/${next.versionId}/carried-over`);
        const item = memberCarried.body.comments.find(
          (c: { comment: { id: string } }) => c.comment.id === root.body.id,
        );
        expect(item.replyCount).toBe(1);
      } finally {
        scene.close();
      }
    });

    it('a reply cannot be made internal apart from its shared thread, nor shared apart from its internal one', async () => {
      const scene = await threadScene();
      try {
        const open = await scene.post(reviewer, { body: 'For the client too', frame: 4 });
        const aside = await scene.post(editor, { body: 'Just us', parentId: open.body.id, internal: true });
        expect(aside.status).toBe(409);
        expect(aside.body.code).toBe('thread_visibility');
        const answer = await scene.post(editor, { body: 'Done', parentId: open.body.id });
        expect(answer.body.internal).toBe(false);
        const moved = await editor.caller.patch(`/api/comments/${answer.body.id}`, { internal: true });
        expect(moved.status).toBe(409);
        expect(moved.body.code).toBe('thread_visibility');
        // Nor can anything that writes to the database directly.
        await expect(
          server.db.query(`UPDATE comments SET internal = true WHERE id = $1`, [answer.body.id]),
        ).rejects.toThrow(/comments_thread_visibility_fkey/);
      } finally {
        scene.close();
      }
    });

    it('a shared thread made internal leaves the guest’s view at once, and comes back when shared again', async () => {
      const scene = await threadScene();
      const { cut, guest, sockets, post } = scene;
      try {
        const root = await post(reviewer, { body: 'Music too loud here', frame: 30 });
        const guestReply = await post(guest, { body: 'Yes, much too loud', parentId: root.body.id });
        const memberReply = await post(editor, { body: 'Ducking it by 6 dB', parentId: root.body.id });
        await waitFor(() => sockets.guest.events.some((e) => e.payload.comment?.id === memberReply.body.id));
        const before = sockets.guest.events.length;

        const hidden = await reviewer.caller.patch(`/api/comments/${root.body.id}`, { internal: true });
        expect(hidden.status).toBe(200);
        await scene.settle('Shared note after hiding');
        // Members hear the thread and each reply change; the guests, that the thread is gone.
        const told = sockets.member.events.filter(
          (e) => e.type === 'comment.updated' && e.payload.comment.internal === true,
        );
        expect(told.map((e) => e.payload.comment.id)).toEqual([
          root.body.id,
          guestReply.body.id,
          memberReply.body.id,
        ]);
        for (const { events } of [sockets.guest, sockets.projectGuest]) {
          const after = events.filter((e) => e.seq >= told[0].seq && e.seq <= told[2].seq);
          expect(after).toEqual([
            expect.objectContaining({
              seq: told[0].seq,
              type: 'comment.deleted',
              payload: { commentId: root.body.id, versionId: cut.versionId, parentId: null, internal: false },
            }),
          ]);
        }
        expect(
          mentions(sockets.guest.events.slice(before), 'Ducking', 'much too loud', 'Music too loud'),
        ).toBe(false);
        const replay = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: told[0].seq - 1,
        });
        expect(replay.events[0]).toMatchObject({ seq: told[0].seq, type: 'comment.deleted' });
        expect(mentions(replay.events, 'Ducking', 'much too loud', 'Music too loud')).toBe(false);
        const list = await guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(mentions(list.body.comments, root.body.id)).toBe(false);
        // The guest's own reply went with the thread.
        expect((await guest.caller.patch(`/api/comments/${guestReply.body.id}`, { body: 'x' })).status).toBe(
          404,
        );

        expect(
          (await reviewer.caller.patch(`/api/comments/${root.body.id}`, { internal: false })).status,
        ).toBe(200);
        await waitFor(() =>
          sockets.guest.events.some(
            (e) => e.type === 'comment.updated' && e.payload.comment.id === memberReply.body.id,
          ),
        );
        const back = await guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(back.body.comments.map((c: { id: string }) => c.id)).toEqual(
          expect.arrayContaining([root.body.id, guestReply.body.id, memberReply.body.id]),
        );
      } finally {
        scene.close();
      }
    });

    it('a thread shared, hidden, answered, shared and hidden again is replayed to no guest, whatever its events said then', async () => {
      const scene = await threadScene();
      const { cut, sockets, post } = scene;
      try {
        const root = await post(reviewer, { body: 'Flicker in the window', frame: 40 });
        const hide = (internal: boolean) =>
          reviewer.caller.patch(`/api/comments/${root.body.id}`, { internal });
        expect((await hide(true)).status).toBe(200);
        const reply = await post(editor, { body: 'Deflicker pass booked', parentId: root.body.id });
        expect(reply.status).toBe(201);
        expect((await hide(false)).status).toBe(200);
        expect((await hide(true)).status).toBe(200);
        await scene.settle('Shared note after the flicker thread');

        const fromStart = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(fromStart.ok).toBe(true);
        expect(
          fromStart.events.some(
            (e: { payload: any }) => e.payload.comment?.body === 'Shared note after the flicker thread',
          ),
        ).toBe(true);
        expect(
          mentions(fromStart.events, 'Flicker in the window', 'Deflicker', root.body.id, reply.body.id),
        ).toBe(false);
        // A guest who saw the thread before it was hidden is told, on reconnecting, to drop it.
        const afterRoot = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: scene.joinedAt + 1,
        });
        expect(mentions(afterRoot.events, 'Flicker in the window', 'Deflicker', reply.body.id)).toBe(false);
        expect(
          afterRoot.events
            .filter((e: { payload: any }) => mentions([e], root.body.id))
            .map((e: any) => e.type),
        ).toEqual(['comment.deleted', 'comment.deleted']);
        // A member replays all of it.
        const member = await emitWithAck(sockets.member.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(mentions(member.events, 'Flicker in the window', 'Deflicker pass booked')).toBe(true);
        const list = await scene.guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(mentions(list.body.comments, root.body.id)).toBe(false);
      } finally {
        scene.close();
      }
    });

    it('the upgrade repairs replies stored public inside internal threads, and the events that told of them', async () => {
      const scene = await threadScene();
      const { cut, guest, sockets, post } = scene;
      sockets.member.socket.close();
      try {
        const root = await post(editor, { body: 'Before the upgrade', frame: 8, internal: true });
        const reply = await post(editor, { body: 'Old leaky reply', parentId: root.body.id });
        await reviewer.caller.post(`/api/comments/${reply.body.id}/reactions`, { emoji: '👀' });
        const gone = await post(editor, { body: 'Old deleted reply', parentId: root.body.id });
        await editor.caller.delete(`/api/comments/${gone.body.id}`);
        // Roll the schema back to before the guard (in this process: one CLI start per migration
        // took most of a minute on a busy machine) and store what the old code stored.
        const env = { DATABASE_URL: server.db.url };
        const applied = async () =>
          (await server.db.query(`SELECT 1 FROM migrations WHERE name = 'ThreadVisibility1764050000013'`))
            .length;
        const dataSource = createDataSource(server.db.url, createLogger({ logLevel: 'warn' }));
        await dataSource.initialize();
        try {
          while ((await applied()) > 0) await dataSource.undoLastMigration({ transaction: 'each' });
        } finally {
          await dataSource.destroy();
        }
        await server.db.query(`UPDATE comments SET internal = false WHERE id = $1`, [reply.body.id]);
        await server.db.query(
          `UPDATE events SET payload = CASE
             WHEN payload ? 'comment' THEN jsonb_set(payload, '{comment,internal}', 'false')
             ELSE jsonb_set(payload, '{internal}', 'false') END
           WHERE asset_id = $1 AND (payload #>> '{comment,id}' IN ($2, $3) OR payload ->> 'commentId' IN ($2, $3))`,
          [cut.assetId, reply.body.id, gone.body.id],
        );
        // What the old code stored, read straight from the tables: today's code cannot serve a guest
        // on the rolled-back schema (it reads tables later migrations add), so the leak is shown in
        // the rows the upgrade must repair.
        const stored = await server.db.query<{ payload: unknown }>(
          `SELECT payload FROM events WHERE asset_id = $1 ORDER BY seq`,
          [cut.assetId],
        );
        const leakyEvents = stored
          .map((row) => row.payload)
          .filter((payload) => JSON.stringify(payload).includes(reply.body.id));
        expect(mentions(leakyEvents, 'Old leaky reply')).toBe(true);
        expect(JSON.stringify(leakyEvents)).not.toContain('"internal":true');

        expect((await runBuilt('migrate', [], env)).code).toBe(0);
        const [row] = await server.db.query<{ internal: boolean }>(
          `SELECT internal FROM comments WHERE id = $1`,
          [reply.body.id],
        );
        expect(row.internal).toBe(true);
        const replay = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(
          mentions(replay.events, root.body.id, reply.body.id, gone.body.id, 'Old leaky', 'Old deleted'),
        ).toBe(false);
        expect(
          (await guest.caller.post(`/api/comments/${reply.body.id}/reactions`, { emoji: '🎉' })).status,
        ).toBe(404);
      } finally {
        scene.close();
      }
    });
  });
});
