import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deriveToken, loadSecret } from './secret-file.js';

describe('the server secret', () => {
  let dataDir: string;
  const secretIn = (dir: string) => ({
    derive: (purpose: string, id: string) => deriveToken(loadSecret(dir), purpose, id),
  });

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('derives the same token again, on another node sharing the data directory too', () => {
    const token = secretIn(dataDir).derive('invitation', 'abc');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretIn(dataDir).derive('invitation', 'abc')).toBe(token);
    expect((statSync(path.join(dataDir, 'secrets', 'server-secret')).mode & 0o777).toString(8)).toBe('600');
  });

  it('differs by purpose, by id, and by installation', () => {
    const secret = secretIn(dataDir);
    const token = secret.derive('invitation', 'abc');
    expect(secret.derive('invitation', 'abd')).not.toBe(token);
    expect(secret.derive('link', 'abc')).not.toBe(token);
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'cutroom-secret-'));
    try {
      expect(secretIn(elsewhere).derive('invitation', 'abc')).not.toBe(token);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
