import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decide } from './support/approvals.js';
import { type ApiProcess, runBuilt, startApi } from './support/api-process.js';
import { postNotes, RANGE_DRAWING } from './support/export-fixture.js';
import { Caller, type SignedIn } from './support/http-client.js';
import {
  frameCodedClip,
  range,
  renditionFrameCodes,
  uploadFile,
  waitForVersion,
} from './support/media-clips.js';
import { signUpTeam, type Team } from './support/team.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { tusCreate, tusHead, tusPatch } from './support/tus.js';

// postNotes draws on frames up to 150.
const FRAMES = 160;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A folder the embedded Postgres (run as the postgres user under root) can reach. */
function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** The environment of one instance for the operator commands: embedded (no DATABASE_URL) or not. */
const envOf = (dataDir: string, databaseUrl?: string) => ({
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl ?? '',
  LOG_LEVEL: 'warn',
});

/** What the team made through the API: cuts from real ffmpeg clips, notes, a decision, a link. */
interface Instance {
  team: Team;
  versions: { assetId: string; versionId: string }[];
  linkToken: string;
  linkId: string;
}

async function populate(api: ApiProcess, clips: string, names: string[]): Promise<Instance> {
  const team = await signUpTeam(api.baseUrl, 'Backed-up campaign');
  const versions = [];
  for (const name of names) {
    const file = await frameCodedClip(clips, `${name}.mp4`, {
      fpsNum: 25,
      fpsDen: 1,
      frames: FRAMES,
      width: 320,
      height: 180,
    });
    await uploadFile(team.editor, file, { projectId: team.projectId, assetName: name });
  }
  const assets = (await team.editor.caller.get(`/api/projects/${team.projectId}/assets`)).body;
  for (const asset of assets.assets) {
    const stack = (await team.editor.caller.get(`/api/assets/${asset.id}/versions`)).body;
    const versionId = stack.versions[0].id;
    expect((await waitForVersion(team.editor, versionId)).status).toBe('ready');
    versions.push({ assetId: asset.id, versionId });
  }
  const first = versions[0].versionId;
  await postNotes(team.editor.caller, team.reviewer.caller, first);
  expect((await decide(team.reviewer, first, 'approved', 'Good to go')).status).toBe(201);
  const link = await team.editor.caller.post(`/api/projects/${team.projectId}/links`, {
    permissions: ['view'],
  });
  expect(link.status).toBe(201);
  return { team, versions, linkToken: link.body.token, linkId: link.body.id };
}

/** The same person on another instance (the restored one): sessions are data, so the token works. */
const on = (api: ApiProcess, who: SignedIn) => new Caller(api.baseUrl, { token: who.token });

/** What a person reads of a version, to compare an instance with its restored copy. */
async function readVersion(caller: Caller, versionId: string) {
  const [comments, decisions] = await Promise.all([
    caller.get(`/api/versions/${versionId}/comments`),
    caller.get(`/api/versions/${versionId}/decisions`),
  ]);
  expect([comments.status, decisions.status]).toEqual([200, 200]);
  return { comments: comments.body.comments as any[], decisions: decisions.body };
}

async function expectPlays(dataDir: string, caller: Caller, versionId: string) {
  const version = await waitForVersion({ caller } as SignedIn, versionId, 120_000);
  expect(version.status).toBe('ready');
  const codes = await renditionFrameCodes(
    dataDir,
    versionId,
    version.renditions.map((r: { name: string }) => r.name),
  );
  for (const read of Object.values(codes)) expect(read).toEqual(range(FRAMES));
  expect(existsSync(path.join(dataDir, 'media/versions', versionId, 'poster.jpg'))).toBe(true);
}

/** Everything under `dir` that someone other than its owner could read or enter. */
function notPrivate(dir: string): string[] {
  const open: string[] = [];
  const walk = (at: string) => {
    const stat = lstatSync(at);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory() ? mode !== 0o700 : mode !== 0o600)
      open.push(`${path.relative(dir, at) || '.'} ${mode.toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(at)) walk(path.join(at, name));
  };
  walk(dir);
  return open;
}

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

/**
 * A copy of a backup with one table's first row changed by `change`, its manifest entry made to
 * agree: every checksum passes, and the load itself fails.
 */
function withBadRow(
  backupDir: string,
  copyDir: string,
  table: string,
  change: (row: unknown[], columns: string[]) => void,
) {
  cpSync(backupDir, copyDir, { recursive: true });
  const manifestFile = path.join(copyDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const dumped = `database/${table}.jsonl.gz`;
  const lines = gunzipSync(readFileSync(path.join(copyDir, dumped)))
    .toString('utf8')
    .split('\n');
  const row = JSON.parse(lines[0]);
  change(row, manifest.database.tables.find((t: { name: string }) => t.name === table).columns);
  lines[0] = JSON.stringify(row);
  const bytes = gzipSync(lines.join('\n'));
  writeFileSync(path.join(copyDir, dumped), bytes);
  const entry = manifest.files.find((f: { path: string }) => f.path === dumped);
  Object.assign(entry, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

describe('backup and restore of a running instance (DATABASE_URL)', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let api: ApiProcess;
  let restored: ApiProcess | undefined;
  let dataDir: string;
  let restoredDir: string;
  let backupDir: string;
  let work: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    work = scratch('cutroom-backup-');
    dataDir = path.join(work, 'data');
    restoredDir = path.join(work, 'restored');
    backupDir = path.join(work, 'backup');
    mkdirSync(path.join(work, 'clips'));
    api = await startApi({ DATABASE_URL: source.url, DATA_DIR: dataDir, MEDIA_PRESET: 'ultrafast' });
  });
  afterAll(async () => {
    await restored?.stop();
    await api?.stop();
    await Promise.all([source?.drop(), target?.drop()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up while notes are posted and an upload is half done, and the restored instance has every acknowledged note, byte-identical originals, rebuilt playable cuts and the upload to resume', async () => {
    const { team, versions, linkToken, linkId } = await populate(api, path.join(work, 'clips'), [
      'Opening',
      'Finale',
    ]);
    const noteVersion = versions[0].versionId;
    // Addresses derived from the server secret: a link's "copy address", a pending invitation's link.
    const addressPath = `/api/projects/${team.projectId}/links/${linkId}/address`;
    const address = await team.editor.caller.get(addressPath);
    expect(address.status).toBe(200);
    const invited = await team.owner.caller.post(`/api/projects/${team.projectId}/invitations`, {
      email: 'newcomer@example.com',
      role: 'reviewer',
    });
    expect([invited.status, invited.body.kind]).toEqual([201, 'invitation']);

    // An upload under way: half its bytes are in, the rest come after the backup.
    const pending = readFileSync(path.join(work, 'clips', 'Finale.mp4'));
    const upload = await tusCreate(team.editor.caller, pending.length, {
      filename: 'late.mp4',
      assetId: versions[1].assetId,
    });
    const half = Math.floor(pending.length / 2);
    expect(
      (await tusPatch(team.editor.caller, upload.url as string, 0, pending.subarray(0, half))).status,
    ).toBe(204);

    // Notes keep coming, each acknowledged (201) at a known moment.
    const acknowledged: { id: string; at: number }[] = [];
    let posting = true;
    const poster = (async () => {
      for (let i = 0; posting; i++) {
        const reply = await team.reviewer.caller.post(`/api/versions/${noteVersion}/comments`, {
          body: `Live note ${i}`,
          frame: i % FRAMES,
        });
        expect(reply.status).toBe(201);
        acknowledged.push({ id: reply.body.id, at: Date.now() });
      }
    })();
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    const backupStarted = Date.now();
    const backup = await runBuilt('ops/backup', [backupDir], envOf(dataDir, source.url));
    const backupEnded = Date.now();
    posting = false;
    await poster;
    expect([backup.code, backup.output]).toEqual([0, expect.stringContaining('Backup written to')]);
    process.stdout.write(`backup (DATABASE_URL): ${backup.output}`);
    // The notes were coming in while it ran.
    expect(acknowledged.some((n) => n.at > backupStarted && n.at < backupEnded)).toBe(true);
    // Only its owner can read it: it holds every note, every original and the server secret.
    expect(notPrivate(backupDir)).toEqual([]);
    expect(readFileSync(path.join(backupDir, 'secrets/server-secret'))).toEqual(
      readFileSync(path.join(dataDir, 'secrets/server-secret')),
    );

    // The upload was not blocked: it finishes after the backup and is processed as usual.
    expect(
      (await tusPatch(team.editor.caller, upload.url as string, half, pending.subarray(half))).status,
    ).toBe(204);

    // Into a database that is not empty: refused, nothing touched.
    const refused = await runBuilt('ops/restore', [backupDir], envOf(path.join(work, 'other'), source.url));
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/database of DATABASE_URL is not empty/);

    // A symbolic link planted in the backup is refused, even one to the very file it should be.
    const planted = path.join(backupDir, 'media/versions', noteVersion, 'original');
    renameSync(planted, path.join(work, 'original.kept'));
    symlinkSync(path.join(dataDir, 'media/versions', noteVersion, 'original'), planted);
    const linked = await runBuilt('ops/restore', [backupDir], envOf(restoredDir, target.url));
    expect([linked.code, linked.output]).toEqual([
      1,
      expect.stringContaining(
        `media/versions/${noteVersion}/original: a symbolic link, not a regular file (a restore never follows links)`,
      ),
    ]);
    expect(existsSync(restoredDir)).toBe(false);
    rmSync(planted);
    renameSync(path.join(work, 'original.kept'), planted);

    // A restore that fails while loading leaves no half-made DATA_DIR, and says what to do with the database.
    const badRow = path.join(work, 'bad-row');
    withBadRow(backupDir, badRow, 'users', (row, columns) => (row[columns.indexOf('id')] = 'not-a-uuid'));
    const other = await createTestDatabase();
    try {
      const failed = await runBuilt(
        'ops/restore',
        [badRow],
        envOf(path.join(work, 'bad-row-data'), other.url),
      );
      expect([failed.code, failed.output]).toEqual([
        1,
        expect.stringContaining('Nothing usable was restored'),
      ]);
      const name = new URL(other.url).pathname.slice(1);
      expect(failed.output).toContain(
        `drop it and create it again (DROP DATABASE "${name}"; CREATE DATABASE "${name}";)`,
      );
      expect(existsSync(path.join(work, 'bad-row-data'))).toBe(false);
    } finally {
      await other.drop();
    }

    const restore = await runBuilt('ops/restore', [backupDir], envOf(restoredDir, target.url));
    expect([restore.code, restore.output]).toEqual([0, expect.stringContaining('every checksum verified')]);
    expect(restore.output).toContain('1 upload(s) were under way');
    process.stdout.write(`restore (DATABASE_URL): ${restore.output}`);
    // Without renditions in the backup, the cuts have none yet: they are queued to be made again,
    // and none claims to play meanwhile.
    expect(restore.output).toContain('Queued 2 version(s) to rebuild their renditions');
    const ids = versions.map((v) => v.versionId);
    expect(await target.query('SELECT status, playable FROM versions WHERE id = ANY($1)', [ids])).toEqual([
      { status: 'queued', playable: false },
      { status: 'queued', playable: false },
    ]);
    for (const versionId of ids) {
      const original = (dir: string) => path.join(dir, 'media/versions', versionId, 'original');
      expect(sha256(original(restoredDir))).toBe(sha256(original(dataDir)));
      expect(modeOf(original(restoredDir))).toBe('600');
      expect(existsSync(path.join(restoredDir, 'media/versions', versionId, 'hls'))).toBe(false);
    }
    expect([
      modeOf(path.join(restoredDir, 'secrets')),
      modeOf(path.join(restoredDir, 'secrets/server-secret')),
    ]).toEqual(['700', '600']);
    // Into a data folder that is not empty: refused.
    const again = await runBuilt('ops/restore', [backupDir], envOf(restoredDir, target.url));
    expect([again.code, again.output]).toEqual([1, expect.stringMatching(/DATA_DIR .* is not empty/)]);

    restored = await startApi({ DATABASE_URL: target.url, DATA_DIR: restoredDir, MEDIA_PRESET: 'ultrafast' });
    const now = await readVersion(on(api, team.editor), noteVersion);
    const back = await readVersion(on(restored, team.editor), noteVersion);
    const backIds = new Set(back.comments.map((c) => c.id));
    // Every note acknowledged before the backup began is there …
    for (const note of acknowledged.filter((n) => n.at < backupStarted))
      expect(backIds.has(note.id)).toBe(true);
    // … and every restored note is exactly the note the source has (drawings, threads, internal).
    const byId = new Map(now.comments.map((c) => [c.id, c]));
    for (const comment of back.comments) expect(comment).toEqual(byId.get(comment.id));
    expect(back.comments.find((c) => c.body === 'Circle the car')?.annotation).toEqual(RANGE_DRAWING);
    expect(back.decisions).toEqual(now.decisions);
    const links = await on(restored, team.editor).get(`/api/projects/${team.projectId}/links`);
    expect(links.body).toEqual(
      (await on(api, team.editor).get(`/api/projects/${team.projectId}/links`)).body,
    );
    // The review link still lets a client in.
    const guest = await new Caller(restored.baseUrl).post(`/api/share/${linkToken}/guests`, {
      name: 'Client',
    });
    expect(guest.status).toBe(201);
    // The server secret came back with it: the link's address can be copied again, and the
    // pending invitation's link still opens.
    const copied = await on(restored, team.editor).get(addressPath);
    expect([copied.status, copied.body]).toEqual([200, address.body]);
    const invitations = (await on(restored, team.owner).get(`/api/projects/${team.projectId}/invitations`))
      .body.invitations;
    const invitationToken = new URL(invitations[0].link).pathname.split('/').pop();
    expect((await new Caller(restored.baseUrl).get(`/api/invitations/${invitationToken}`)).status).toBe(200);

    // The restored server's worker makes the renditions again, with no other command.
    for (const { versionId } of versions) {
      await expectPlays(restoredDir, on(restored, team.editor), versionId);
      const master = await on(restored, team.editor).get(`/api/versions/${versionId}/media/master.m3u8`);
      expect([master.status, String(master.body)]).toEqual([200, expect.stringContaining('#EXTM3U')]);
    }
    // A second --missing finds nothing to do.
    const nothing = await runBuilt('ops/media-rebuild', ['--missing'], envOf(restoredDir, target.url));
    expect(nothing.output).toContain('Queued 0 version(s)');

    // The upload that was half done resumes on the restored instance from where the backup found it.
    const uploader = on(restored, team.editor);
    const resumedUrl = `${restored.baseUrl}${new URL(upload.url as string).pathname}`;
    expect(await tusHead(uploader, resumedUrl)).toEqual({ status: 200, offset: half });
    expect((await tusPatch(uploader, resumedUrl, half, pending.subarray(half))).status).toBe(204);
    const stack = (await uploader.get(`/api/assets/${versions[1].assetId}/versions`)).body.versions;
    const resumed = stack.find((v: { number: number }) => v.number === 2);
    await expectPlays(restoredDir, uploader, resumed.id);
    expect(sha256(path.join(restoredDir, 'media/versions', resumed.id, 'original'))).toBe(
      createHash('sha256').update(pending).digest('hex'),
    );
  }, 360_000);

  it('media:rebuild --version makes a cut whose renditions were deleted play again', async () => {
    const { team, versions } = await populate(api, path.join(work, 'clips'), ['Rebuilt']);
    const { versionId } = versions[0];
    const dir = path.join(dataDir, 'media/versions', versionId);
    const poster = statSync(path.join(dir, 'poster.jpg')).size;
    for (const name of ['hls', 'poster.jpg', 'storyboard', 'waveform.json'])
      rmSync(path.join(dir, name), { recursive: true, force: true });

    const rebuild = await runBuilt(
      'ops/media-rebuild',
      ['--version', versionId, '--wait'],
      envOf(dataDir, source.url),
    );
    expect([rebuild.code, rebuild.output]).toEqual([0, expect.stringContaining('Queued 1 version(s)')]);
    await expectPlays(dataDir, team.editor.caller, versionId);
    expect(statSync(path.join(dir, 'poster.jpg')).size).toBe(poster);

    const unknown = await runBuilt(
      'ops/media-rebuild',
      ['--version', '00000000-0000-4000-8000-000000000000'],
      envOf(dataDir, source.url),
    );
    expect([unknown.code, unknown.output]).toEqual([1, expect.stringContaining('No version')]);
    const usage = await runBuilt('ops/media-rebuild', [], envOf(dataDir, source.url));
    expect([usage.code, usage.output]).toEqual([64, expect.stringContaining('Say which versions')]);
  }, 240_000);
});

describe('backup and restore with the embedded Postgres', () => {
  let api: ApiProcess | undefined;
  let restored: ApiProcess | undefined;
  let work: string;

  beforeAll(() => {
    work = scratch('cutroom-backup-embedded-');
    mkdirSync(path.join(work, 'clips'));
  });
  afterAll(async () => {
    await restored?.stop();
    await api?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses a DATA_DIR that holds no Cutroom, creating nothing there and leaving no backup folder', async () => {
    const typo = path.join(work, 'no-such-data');
    const out = path.join(work, 'backup-of-nothing');
    const backup = await runBuilt('ops/backup', [out], envOf(typo));
    expect([backup.code, backup.output]).toEqual([
      1,
      expect.stringContaining(`DATA_DIR ${typo} holds no Cutroom database; set DATA_DIR`),
    ]);
    expect([existsSync(typo), existsSync(out)]).toEqual([false, false]);
    // An empty DATA_DIR (a folder made for it, but not this one) is no Cutroom either.
    mkdirSync(typo);
    const again = await runBuilt('ops/backup', [out], envOf(typo));
    expect([again.code, again.output]).toEqual([1, expect.stringContaining('holds no Cutroom database')]);
    expect([readdirSync(typo), existsSync(out)]).toEqual([[], false]);
  });

  it("backs up the running server's own Postgres with its renditions, and the restored copy plays at once", async () => {
    const dataDir = path.join(work, 'data');
    const restoredDir = path.join(work, 'restored');
    const backupDir = path.join(work, 'backup');
    api = await startApi({ DATA_DIR: dataDir, MEDIA_PRESET: 'ultrafast' });
    const { team, versions } = await populate(api, path.join(work, 'clips'), ['Embedded']);
    const { versionId } = versions[0];

    const backup = await runBuilt('ops/backup', [backupDir, '--with-renditions'], envOf(dataDir));
    expect([backup.code, backup.output]).toEqual([
      0,
      expect.stringContaining("the running server's embedded Postgres"),
    ]);
    process.stdout.write(`backup (embedded): ${backup.output}`);
    expect(notPrivate(backupDir)).toEqual([]);
    // A damaged dump file is refused before anything is written.
    const dumped = path.join(backupDir, 'database/comments.jsonl.gz');
    const dumpedBytes = readFileSync(dumped);
    writeFileSync(
      dumped,
      Buffer.concat([dumpedBytes.subarray(0, 20), Buffer.from('x'), dumpedBytes.subarray(21)]),
    );
    const corrupt = await runBuilt('ops/restore', [backupDir], envOf(restoredDir));
    expect([corrupt.code, corrupt.output]).toEqual([
      1,
      expect.stringContaining('database/comments.jsonl.gz: sha256 differs from the manifest'),
    ]);
    expect(existsSync(restoredDir)).toBe(false);
    writeFileSync(dumped, dumpedBytes);
    // So is an original whose manifest entry was made to agree with it, but that is not the file
    // its version recorded at upload.
    const swapped = path.join(work, 'swapped');
    cpSync(backupDir, swapped, { recursive: true });
    const swappedManifest = JSON.parse(readFileSync(path.join(swapped, 'manifest.json'), 'utf8'));
    const originalEntry = swappedManifest.files.find(
      (f: { path: string }) => f.path === `media/versions/${versionId}/original`,
    );
    const impostor = Buffer.from('not the uploaded cut');
    writeFileSync(path.join(swapped, originalEntry.path), impostor);
    Object.assign(originalEntry, {
      bytes: impostor.length,
      sha256: createHash('sha256').update(impostor).digest('hex'),
    });
    writeFileSync(path.join(swapped, 'manifest.json'), JSON.stringify(swappedManifest));
    const impostorRestore = await runBuilt('ops/restore', [swapped], envOf(restoredDir));
    expect([impostorRestore.code, impostorRestore.output]).toEqual([
      1,
      expect.stringContaining(
        `media/versions/${versionId}/original: does not match the sha256 its version recorded at upload`,
      ),
    ]);
    expect(existsSync(restoredDir)).toBe(false);
    // A restore that fails while loading takes back the embedded Postgres it made.
    const badRow = path.join(work, 'bad-row');
    withBadRow(backupDir, badRow, 'users', (row, columns) => (row[columns.indexOf('id')] = 'not-a-uuid'));
    const failed = await runBuilt('ops/restore', [badRow], envOf(restoredDir));
    expect([failed.code, failed.output]).toEqual([
      1,
      expect.stringContaining(`Nothing usable was restored, and nothing was left: DATA_DIR ${restoredDir}`),
    ]);
    expect(failed.output).toMatch(/not-a-uuid/);
    expect(existsSync(restoredDir)).toBe(false);
    // A damaged rendition is refused before anything is written.
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    const poster = path.join(backupDir, 'media/versions', versionId, 'poster.jpg');
    const posterBytes = readFileSync(poster);
    const damaged = Buffer.from(posterBytes);
    damaged[damaged.length - 3] ^= 0xff;
    writeFileSync(poster, damaged);
    const refused = await runBuilt('ops/restore', [backupDir], envOf(restoredDir));
    expect([refused.code, refused.output]).toEqual([
      1,
      expect.stringContaining('poster.jpg: sha256 differs'),
    ]);
    expect(existsSync(restoredDir)).toBe(false);
    writeFileSync(poster, posterBytes);
    expect(manifest.media).toMatchObject({ withRenditions: true, originals: 1 });

    const restore = await runBuilt('ops/restore', [backupDir], envOf(restoredDir));
    expect([restore.code, restore.output]).toEqual([0, expect.stringContaining('(embedded Postgres)')]);
    process.stdout.write(`restore (embedded): ${restore.output}`);
    restored = await startApi({ DATA_DIR: restoredDir, MEDIA_WORKER: 'false' });
    const now = await readVersion(on(api, team.editor), versionId);
    const back = await readVersion(on(restored, team.editor), versionId);
    expect(back).toEqual(now);
    const original = (dir: string) => path.join(dir, 'media/versions', versionId, 'original');
    expect(sha256(original(restoredDir))).toBe(sha256(original(dataDir)));
    // No worker runs on the restored instance: what plays is what the backup carried.
    await expectPlays(restoredDir, on(restored, team.editor), versionId);
  }, 300_000);
});
