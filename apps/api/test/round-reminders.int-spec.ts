import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { feed, itemFor } from './support/activity-feed.js';
import { decide, put } from './support/approvals.js';
import { type MailServer, mailContaining, mailsFor, startMailServer } from './support/mail-server.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { signUpTeam, type Team } from './support/team.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { tusUpload } from './support/tus.js';

/** Polls an async check until it holds: reminders follow the sweep by a moment. */
async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('due-date reminders', () => {
  let mailServer: MailServer;
  let db: TestDatabase;
  let dataDir: string;
  let api: ApiProcess;
  let team: Team;

  beforeAll(async () => {
    mailServer = await startMailServer();
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-reminders-'));
    chmodSync(dataDir, 0o755);
    api = await startApi({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEDIA_WORKER: 'false',
      PUBLIC_URL: 'https://review.example.com',
      SMTP_URL: mailServer.url,
      SMTP_FROM: 'Cutroom Review <review@example.com>',
      NOTIFY_EMAIL_BATCH_SECONDS: '1',
      ROUND_REMINDER_HOURS_BEFORE: '24',
      ROUND_REMINDER_SWEEP_SECONDS: '1',
    });
    team = await signUpTeam(api.baseUrl, 'Deadlines');
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    await mailServer?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const cutWaitingOnOwnerAndReviewer = async () => {
    const cut = await readyVersion(db, team.editor, team.projectId);
    await put(team.editor.caller, `/api/assets/${cut.assetId}/approvers`, {
      userIds: [team.reviewer.user.id, team.owner.user.id],
    });
    return cut;
  };
  const remindersOn = (assetId: string) =>
    db.query<{ payload: { stage: string; userIds: string[] } }>(
      `SELECT payload FROM events WHERE asset_id = $1 AND type = 'round.reminder' ORDER BY seq`,
      [assetId],
    );
  const setDue = async (versionId: string, dueAt: Date) =>
    expect(
      (await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt: dueAt.toISOString() }))
        .status,
    ).toBe(200);

  it('a round past its due date reminds its pending approver once, in the feed and by mail, never who decided', async () => {
    const { assetId, versionId } = await cutWaitingOnOwnerAndReviewer();
    expect((await decide(team.reviewer, versionId, 'approved')).status).toBe(201);
    await setDue(versionId, new Date(Date.now() - 3600_000));

    const item = await itemFor(team.owner, (i) => i.kind === 'reminder' && i.asset.id === assetId);
    expect(item).toMatchObject({ actor: null, version: { id: versionId, number: 1 } });
    expect(item.excerpt).toMatch(/^Was due .* UTC$/);
    // The owner also hears of the upload by mail: the reminder is the one that asks for a decision.
    const mail = await mailContaining(mailServer, team.owner, 'Your decision on');
    expect(mail.decoded).toContain(`https://review.example.com/assets/${assetId}?version=1`);

    // A later cut's reminder shows later sweeps ran: the first was still sent only once, to the owner.
    const later = await cutWaitingOnOwnerAndReviewer();
    await setDue(later.versionId, new Date(Date.now() - 60_000));
    await itemFor(team.owner, (i) => i.kind === 'reminder' && i.asset.id === later.assetId);
    expect(await remindersOn(assetId)).toEqual([
      { payload: expect.objectContaining({ stage: 'due', userIds: [team.owner.user.id] }) },
    ]);
    expect(
      (await feed(team.owner)).filter((i) => i.kind === 'reminder' && i.asset.id === assetId),
    ).toHaveLength(1);
    // The reviewer decided; the editor and the viewer approve nothing.
    for (const who of [team.reviewer, team.editor, team.viewer]) {
      expect((await feed(who)).some((i) => i.kind === 'reminder' && i.asset.id === assetId)).toBe(false);
    }
    expect(mailsFor(mailServer, team.editor).some((m) => m.decoded.includes('is due'))).toBe(false);
  });

  it('reminds the configured time before the date, then again when it comes once the date moves there', async () => {
    const { assetId, versionId } = await cutWaitingOnOwnerAndReviewer();
    await setDue(versionId, new Date(Date.now() + 2 * 3600_000));
    await itemFor(team.reviewer, (i) => i.kind === 'reminder' && i.asset.id === assetId);
    expect((await remindersOn(assetId)).map((r) => r.payload.stage)).toEqual(['before']);
    expect(new Set((await remindersOn(assetId))[0].payload.userIds)).toEqual(
      new Set([team.owner.user.id, team.reviewer.user.id]),
    );

    // Moved into the past: the date has come, and its reminder goes once more.
    await setDue(versionId, new Date(Date.now() - 1000));
    const stages = await until(async () => {
      const all = await remindersOn(assetId);
      return all.length === 2 ? all.map((r) => r.payload.stage) : undefined;
    });
    expect(stages).toEqual(['before', 'due']);
  });

  /** The reminders recorded as sent for a round: its stages, by due moment. */
  const stamps = async (versionId: string) => {
    const rows = await db.query<{ due_at: Date; stage: string }>(
      `SELECT due_at, stage FROM round_reminders_sent WHERE version_id = $1 ORDER BY sent_at`,
      [versionId],
    );
    return rows.map((row) => `${row.stage} ${row.due_at.toISOString()}`);
  };
  /** A later cut's reminder arriving shows the sweeps have run past everything set before it. */
  const sweepsRan = async () => {
    const later = await cutWaitingOnOwnerAndReviewer();
    await setDue(later.versionId, new Date(Date.now() - 1000));
    await itemFor(team.owner, (i) => i.kind === 'reminder' && i.asset.id === later.assetId);
  };

  it('reminds nobody of an approved round, a superseded one, or one far from its date, and stamps nothing unsent', async () => {
    const far = await cutWaitingOnOwnerAndReviewer();
    await setDue(far.versionId, new Date(Date.now() + 30 * 86_400_000));
    const approved = await cutWaitingOnOwnerAndReviewer();
    await decide(team.reviewer, approved.versionId, 'approved');
    await decide(team.owner, approved.versionId, 'approved');
    await setDue(approved.versionId, new Date(Date.now() - 1000));
    // Its date, set while it was the newest, comes after v2 is ready.
    const superseded = await cutWaitingOnOwnerAndReviewer();
    await setDue(superseded.versionId, new Date(Date.now() + 86_400_000 * 7));
    await readyNextVersion(db, team.editor, superseded.assetId);
    await db.query(`UPDATE round_due_dates SET due_at = now() - interval '1 second' WHERE version_id = $1`, [
      superseded.versionId,
    ]);
    await sweepsRan();
    expect(await remindersOn(approved.assetId)).toEqual([]);
    expect(await remindersOn(superseded.assetId)).toEqual([]);
    expect(await remindersOn(far.assetId)).toEqual([]);
    for (const { versionId } of [far, approved, superseded]) expect(await stamps(versionId)).toEqual([]);
  });

  it('reminds the round the board shows while a newer version is on its way or failed', async () => {
    const onItsWay = await cutWaitingOnOwnerAndReviewer();
    await tusUpload(team.editor.caller, randomBytes(500), { filename: 'v2.mov', assetId: onItsWay.assetId });
    const failed = await cutWaitingOnOwnerAndReviewer();
    await tusUpload(team.editor.caller, randomBytes(500), { filename: 'v2.mov', assetId: failed.assetId });
    await db.query(`UPDATE versions SET status = 'failed' WHERE asset_id = $1 AND number = 2`, [
      failed.assetId,
    ]);
    for (const { versionId } of [onItsWay, failed]) await setDue(versionId, new Date(Date.now() - 1000));

    for (const { assetId, versionId } of [onItsWay, failed]) {
      const item = await itemFor(team.reviewer, (i) => i.kind === 'reminder' && i.asset.id === assetId);
      expect(item.version).toMatchObject({ id: versionId, number: 1 });
      expect(await stamps(versionId)).toEqual([expect.stringMatching(/^due /)]);
    }
  });

  it('a round that waited on nobody when its date came is reminded once someone is pending again', async () => {
    const { assetId, versionId } = await readyVersion(db, team.editor, team.projectId);
    await put(team.editor.caller, `/api/assets/${assetId}/approvers`, { userIds: [team.reviewer.user.id] });
    await decide(team.reviewer, versionId, 'approved');
    await setDue(versionId, new Date(Date.now() - 1000));
    await sweepsRan();
    expect(await remindersOn(assetId)).toEqual([]);

    // The owner is asked to approve too: the overdue round now waits on them.
    await put(team.editor.caller, `/api/assets/${assetId}/approvers`, {
      userIds: [team.reviewer.user.id, team.owner.user.id],
    });
    await itemFor(team.owner, (i) => i.kind === 'reminder' && i.asset.id === assetId);
    expect(await remindersOn(assetId)).toEqual([
      { payload: expect.objectContaining({ stage: 'due', userIds: [team.owner.user.id] }) },
    ]);
  });

  it('never reminds of the same due moment twice, however often it is cleared and set again; a new date reminds again', async () => {
    const { assetId, versionId } = await cutWaitingOnOwnerAndReviewer();
    const first = new Date(Date.now() - 2000);
    await setDue(versionId, first);
    await until(async () => (await remindersOn(assetId)).length === 1);
    for (let again = 0; again < 2; again += 1) {
      expect(
        (await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt: null })).status,
      ).toBe(200);
      await setDue(versionId, first);
    }
    await sweepsRan();
    expect(await remindersOn(assetId)).toHaveLength(1);

    const later = new Date(Date.now() - 1000);
    await setDue(versionId, later);
    await until(async () => (await remindersOn(assetId)).length === 2);
    expect(await stamps(versionId)).toEqual([`due ${first.toISOString()}`, `due ${later.toISOString()}`]);
  });
});
