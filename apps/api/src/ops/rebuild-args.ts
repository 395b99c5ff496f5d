export const REBUILD_USAGE = 'Usage: npm run media:rebuild -- --version <id> | --missing | --all [--wait]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type RebuildArgs =
  | { scope: 'version'; versionId: string; wait: boolean }
  | { scope: 'missing' | 'all'; versionId: undefined; wait: boolean }
  | { problem: string };

/** Which versions `media:rebuild` queues: exactly one of --version <id>, --missing, --all. */
export function parseRebuildArgs(args: readonly string[]): RebuildArgs {
  const wait = args.includes('--wait');
  const rest = args.filter((arg) => arg !== '--wait');
  if (rest.length === 2 && rest[0] === '--version') {
    const id = rest[1].toLowerCase();
    if (!UUID.test(id))
      return { problem: `--version takes a version id (a UUID), not ${JSON.stringify(rest[1])}.` };
    return { scope: 'version', versionId: id, wait };
  }
  if (rest.length === 1 && (rest[0] === '--all' || rest[0] === '--missing'))
    return { scope: rest[0] === '--all' ? 'all' : 'missing', versionId: undefined, wait };
  return { problem: 'Say which versions: --version <id>, --missing (those without renditions) or --all.' };
}
