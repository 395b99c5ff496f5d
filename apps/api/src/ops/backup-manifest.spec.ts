import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  checksumProblems,
  migrationProblem,
  parseManifest,
  restoreTarget,
} from './backup-manifest.js';

const V1 = '11111111-1111-4111-8111-111111111111';
const HASH = 'a'.repeat(64);

function manifest(overrides: Partial<BackupManifest> = {}): BackupManifest {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: '2026-12-05T12:00:00.000Z',
    appVersion: '0.1.0',
    database: {
      serverVersion: '18.4',
      embedded: true,
      migrations: ['CreateUsersAndSessions1764050000000'],
      tables: [{ name: 'users', file: 'database/users.jsonl.gz', columns: ['id', 'email'], rows: 2 }],
      sequences: [{ name: 'notifications_id_seq', lastValue: '41' }],
    },
    media: { withRenditions: false, originals: 1, erased: [], uploadsInProgress: 0 },
    files: [
      { path: 'database/users.jsonl.gz', bytes: 120, sha256: HASH },
      { path: `media/versions/${V1}/original`, bytes: 5000, sha256: 'b'.repeat(64) },
    ],
    ...overrides,
  };
}

describe('parseManifest', () => {
  it('reads what the backup wrote, with or without the secrets folder backups carry now', () => {
    expect(parseManifest(JSON.stringify(manifest()))).toEqual(manifest());
    const withSecrets = manifest({ secrets: { from: 'DATA_DIR/secrets', files: 1 } });
    expect(parseManifest(JSON.stringify(withSecrets))).toEqual(withSecrets);
  });

  it('refuses what is not a Cutroom backup, or a format this build does not read, in a sentence', () => {
    expect(() => parseManifest('{')).toThrow('manifest.json is not JSON: the backup is damaged.');
    expect(() => parseManifest('{"format":"other"}')).toThrow("is not a Cutroom backup's manifest");
    expect(() => parseManifest(JSON.stringify({ ...manifest(), formatVersion: 2 }))).toThrow(
      'This backup has format 2; this Cutroom reads format 1. Restore it with the Cutroom that made it.',
    );
  });

  it('refuses a file path that would leave the folder, or a file listed twice', () => {
    for (const bad of ['../etc/passwd', '/etc/passwd', 'media/../../x', 'media//x', 'media/./x'])
      expect(() =>
        parseManifest(JSON.stringify(manifest({ files: [{ path: bad, bytes: 1, sha256: HASH }] }))),
      ).toThrow(
        `manifest.json is damaged: files[0].path ${JSON.stringify(bad)} must be a plain relative path (no '..', no leading '/'`,
      );
    const twice = { path: 'database/users.jsonl.gz', bytes: 1, sha256: HASH };
    expect(() => parseManifest(JSON.stringify(manifest({ files: [twice, twice] })))).toThrow(
      'lists database/users.jsonl.gz twice',
    );
  });

  it('refuses a table or column name that is not a plain identifier', () => {
    const tables = [{ name: 'users; DROP TABLE x', file: 'database/u.jsonl.gz', columns: ['id'], rows: 0 }];
    expect(() =>
      parseManifest(JSON.stringify(manifest({ database: { ...manifest().database, tables } }))),
    ).toThrow(
      'manifest.json is damaged: database.tables[0].name "users; DROP TABLE x" must be a lowercase table or column name',
    );
  });

  it('says in words what is wrong, never with a pattern', () => {
    const bad = manifest({
      database: {
        ...manifest().database,
        tables: [{ name: 'users', file: '/etc/shadow', columns: ['ID'], rows: 0 }],
        sequences: [{ name: 'n_seq', lastValue: 'x' }],
      },
      media: { withRenditions: false, originals: 0, erased: ['nope'], uploadsInProgress: 0 },
      files: [{ path: 'database/users.jsonl.gz', bytes: 1, sha256: 'XYZ' }],
    });
    let message = '';
    try {
      parseManifest(JSON.stringify(bad));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('; ')).toEqual([
      `manifest.json is damaged: database.tables[0].file "/etc/shadow" must be a plain relative path (no '..', no leading '/', letters, digits, '.', '_', '-')`,
      'database.tables[0].columns[0] "ID" must be a lowercase table or column name',
      'database.sequences[0].lastValue "x" must be a whole number',
      'media.erased[0] "nope" must be a version id (a UUID)',
      'files[0].sha256 "XYZ" must be a sha256 in 64 lowercase hex digits',
    ]);
    expect(message).not.toMatch(/[\^$]|\(\?|\\/);
  });
});

describe('checksumProblems', () => {
  const files = manifest().files;

  it('is empty when every file is there with its size and hash', () => {
    expect(checksumProblems(files, (p) => files.find((f) => f.path === p))).toEqual([]);
  });

  it('names each missing, truncated or changed file', () => {
    const found = (p: string) => (p === 'database/users.jsonl.gz' ? { bytes: 119, sha256: HASH } : undefined);
    expect(checksumProblems(files, found)).toEqual([
      'database/users.jsonl.gz: 119 bytes, the manifest says 120',
      `media/versions/${V1}/original: missing`,
    ]);
    expect(checksumProblems(files.slice(0, 1), () => ({ bytes: 120, sha256: 'c'.repeat(64) }))).toEqual([
      'database/users.jsonl.gz: sha256 differs from the manifest',
    ]);
  });
});

describe('restoreTarget', () => {
  it("maps a backup's media and secret files to their place under DATA_DIR", () => {
    for (const file of [
      `media/versions/${V1}/original`,
      `media/versions/${V1}/hls/360p/index.m3u8`,
      'media/uploads/b1946ac92492d2347c6235b4d2611184.json',
      'secrets/server-secret',
    ])
      expect(restoreTarget(file)).toBe(file);
  });

  it('is undefined for the database files and anything outside a version, the uploads or the secrets', () => {
    for (const file of [
      'database/users.jsonl.gz',
      'media/uploads/a/b',
      'media/versions/not-a-uuid/original',
      `media/versions/${V1}`,
      `media/versions/${V1}/../x`,
      'secrets/nested/key',
      'secrets/../postgres.password',
      'postgres.password',
    ])
      expect([file, restoreTarget(file)]).toEqual([file, undefined]);
  });
});

describe('migrationProblem', () => {
  const ours = ['A1', 'B2', 'C3'];

  it('accepts the same migrations, or an older prefix of them', () => {
    expect(migrationProblem(['A1', 'B2', 'C3'], ours)).toBeUndefined();
    expect(migrationProblem(['A1', 'B2'], ours)).toBeUndefined();
  });

  it('refuses a backup from a newer build, naming its newest migration', () => {
    expect(migrationProblem(['A1', 'B2', 'C3', 'D4'], ours)).toBe(
      'This backup was made by a newer Cutroom (its schema has 1 migration(s) this build does not know, newest D4). Restore it with that version or a newer one.',
    );
  });

  it("refuses migrations out of this build's order", () => {
    expect(migrationProblem(['A1', 'C3'], ours)).toMatch(/not the ones this build applies, in its order/);
  });
});
