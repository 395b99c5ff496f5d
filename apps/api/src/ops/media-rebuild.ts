import 'reflect-metadata';
import { createLogger } from '../common/logging/logger.js';
import { loadConfigOrExit } from '../config/config.js';
import { createDataSource, readSchemaState } from '../database/data-source.js';
import type { VersionRebuild } from '../media/version-rebuild.service.js';
import { failAndExit, say } from './cli.js';
import { openInstanceDatabase } from './instance-database.js';
import { parseRebuildArgs, REBUILD_USAGE } from './rebuild-args.js';
import { openRebuildContext } from './rebuild-context.js';

/**
 * `npm run media:rebuild -- --version <id> | --missing | --all [--wait]`: queues versions to be
 * processed again from their originals. The server's worker (or `npm run worker`) does the work;
 * `--wait` reports until every queued version is ready or failed.
 */
async function main(): Promise<void> {
  const parsed = parseRebuildArgs(process.argv.slice(2));
  if ('problem' in parsed) failAndExit(`${parsed.problem}\n${REBUILD_USAGE}`, 64);
  const config = loadConfigOrExit();
  const logger = createLogger({ logLevel: 'warn' });
  const database = await openInstanceDatabase(config, logger);
  const dataSource = createDataSource(database.url, logger);
  await dataSource.initialize();
  const app = await openRebuildContext({ config, logger, dataSource });
  try {
    const { pending, unknown } = await readSchemaState(dataSource);
    if (pending.length > 0 || unknown.length > 0)
      failAndExit(
        "The database is not at this build's schema: start this build's server once (it migrates), then rebuild.",
      );
    const { rebuild } = app;
    const versions = await rebuild.candidates(parsed.versionId);
    if (parsed.versionId && versions.length === 0)
      failAndExit(
        `No version ${parsed.versionId} with a whole original: it does not exist, or its upload never finished.`,
      );
    const queued: string[] = [];
    let busy = 0;
    let complete = 0;
    for (const version of versions) {
      if (parsed.scope === 'missing' && (await rebuild.hasRenditions(version))) {
        complete++;
        continue;
      }
      if ((await rebuild.rebuild(version)) === 'queued') queued.push(version.id);
      else busy++;
    }
    say(
      `Queued ${queued.length} version(s) to rebuild from their originals` +
        (busy ? `; ${busy} already queued or processing` : '') +
        (complete ? `; ${complete} already have their renditions` : '') +
        '.',
    );
    if (parsed.versionId && busy) say(`Version ${parsed.versionId} is already being processed.`);
    if (!database.startedHere) {
      if (parsed.wait && queued.length > 0) await waitFor(rebuild, queued);
    } else if (queued.length > 0) {
      say('No Cutroom server is running on this DATA_DIR: the versions are processed once it starts.');
    }
  } finally {
    await app.close();
    await dataSource.destroy();
    await database.stop();
  }
}

async function waitFor(rebuild: VersionRebuild, ids: string[]): Promise<void> {
  let last = '';
  for (;;) {
    const statuses = [...(await rebuild.statuses(ids)).values()];
    const count = (status: string) => statuses.filter((s) => s === status).length;
    const line = `  ${count('ready')} ready, ${count('failed')} failed, ${count('queued') + count('processing')} to go`;
    if (line !== last) say(line);
    last = line;
    if (count('queued') + count('processing') === 0) {
      if (count('failed') > 0)
        failAndExit('Some versions failed to rebuild: their failure reason is on each version.');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

main().catch((error) =>
  failAndExit(`The rebuild failed: ${error instanceof Error ? error.message : String(error)}`),
);
