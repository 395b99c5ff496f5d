/** How the database's applied migrations compare with the ones this build carries. */
export interface SchemaState {
  /** This build's migrations the database has not had yet: applied at start. */
  pending: string[];
  /** Migrations the database has had that this build does not know: a newer build ran here. */
  unknown: string[];
}

export function schemaState(applied: readonly string[], known: readonly string[]): SchemaState {
  const done = new Set(applied);
  const ours = new Set(known);
  return {
    pending: known.filter((name) => !done.has(name)),
    unknown: applied.filter((name) => !ours.has(name)),
  };
}

/** Starting an older build on a database a newer one migrated: refused, never run against it. */
export class NewerSchemaError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `The database was upgraded by a newer Cutroom: it has ${unknown.length} migration(s) this build does not know ` +
        `(newest: ${unknown.at(-1)}). Start the newer build again, or restore the backup taken before the upgrade.`,
    );
    this.name = 'NewerSchemaError';
  }
}
