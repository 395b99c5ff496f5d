import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_BYTES = 32;
/** The folder of DATA_DIR that holds the installation's secrets (a backup carries it whole). */
export const SECRETS_FOLDER = 'secrets';

/** The installation's secret under `dataDir`, made (readable by this user only) by whoever needs it first. */
export function loadSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRETS_FOLDER, 'server-secret');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx` fails if another node already wrote it: then that one is read.
    writeFileSync(file, randomBytes(SECRET_BYTES).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (secret.length < SECRET_BYTES) {
    throw new Error(`${file} holds no usable secret: remove it to make a new one`);
  }
  return secret;
}

/** A URL-safe token for `purpose` and `id`: the same every time, for nobody without the secret. */
export function deriveToken(secret: Buffer, purpose: string, id: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');
}
