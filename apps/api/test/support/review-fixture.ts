import { randomBytes } from 'node:crypto';
import type { SignedIn } from './http-client.js';
import type { TestDatabase } from './test-database.js';
import { tusUpload } from './tus.js';

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
  const media = {
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
  await db.query(`UPDATE versions SET status = 'ready', media = $2 WHERE id = $1`, [
    row.id,
    JSON.stringify(media),
  ]);
  return { assetId: row.asset_id, versionId: row.id };
}
