import { randomBytes } from 'node:crypto';
import type { SignedIn } from './http-client.js';
import type { TestDatabase } from './test-database.js';
import { tusUpload } from './tus.js';

/** What the probe would have read from a 23.976 fps HD clip of `frameCount` frames. */
function probedMedia(frameCount: number) {
  return {
    kind: 'video',
    fpsNum: 24000,
    fpsDen: 1001,
    frameCount,
    durationSeconds: (frameCount * 1001) / 24000,
    width: 1920,
    height: 1080,
    startTimecode: '01:00:00:00',
    dropFrame: false,
    variableFrameRate: false,
  };
}

/**
 * A version as processing leaves it — uploaded through the API, then given the probe's frame
 * facts directly, so review tests do not wait for ffmpeg.
 */
export async function readyVersion(
  db: TestDatabase,
  uploader: SignedIn,
  projectId: string,
  frameCount = 240,
): Promise<{ assetId: string; versionId: string }> {
  await tusUpload(uploader.caller, randomBytes(1000), {
    filename: 'cut.mov',
    projectId,
    assetName: `Cut ${randomBytes(3).toString('hex')}`,
  });
  const [row] = await db.query<{ id: string; asset_id: string }>(
    `SELECT v.id, v.asset_id FROM versions v JOIN assets a ON a.id = v.asset_id
     WHERE a.project_id = $1 ORDER BY v.created_at DESC LIMIT 1`,
    [projectId],
  );
  await db.query(`UPDATE versions SET status = 'ready', media = $2 WHERE id = $1`, [
    row.id,
    JSON.stringify(probedMedia(frameCount)),
  ]);
  return { assetId: row.asset_id, versionId: row.id };
}

/** The next version of an existing asset, made ready the same way. */
export async function readyNextVersion(
  db: TestDatabase,
  uploader: SignedIn,
  assetId: string,
  frameCount = 240,
): Promise<{ versionId: string; number: number }> {
  await tusUpload(uploader.caller, randomBytes(1000), { filename: 'cut-next.mov', assetId });
  const [row] = await db.query<{ id: string; number: number }>(
    `SELECT id, number FROM versions WHERE asset_id = $1 ORDER BY number DESC LIMIT 1`,
    [assetId],
  );
  await db.query(`UPDATE versions SET status = 'ready', media = $2 WHERE id = $1`, [
    row.id,
    JSON.stringify(probedMedia(frameCount)),
  ]);
  return { versionId: row.id, number: row.number };
}
