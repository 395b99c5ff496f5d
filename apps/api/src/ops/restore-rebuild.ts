import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { connectAndMigrate } from '../database/data-source.js';
import { openRebuildContext } from './rebuild-context.js';

/**
 * After a restore: every version that was ready but has no renditions here (a backup without
 * them, or one replaced while the backup copied it) is queued to be made again from its original,
 * and is not playable until then; the server's worker does it once it starts. The schema is
 * brought to this build's first, as the server's first start would. Returns how many were queued.
 */
export async function queueMissingRenditions(
  url: string,
  config: AppConfig,
  logger: Logger,
): Promise<number> {
  const dataSource = await connectAndMigrate(url, logger);
  try {
    const context = await openRebuildContext({ config, logger, dataSource });
    try {
      let queued = 0;
      for (const version of await context.rebuild.candidates()) {
        if (version.status !== 'ready' || (await context.rebuild.hasRenditions(version))) continue;
        if ((await context.rebuild.rebuild(version)) === 'queued') queued++;
      }
      return queued;
    } finally {
      await context.close();
    }
  } finally {
    await dataSource.destroy();
  }
}
