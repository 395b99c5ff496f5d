/**
 * A statement's parameters, numbered as they are added: every fragment of one statement (a
 * caller's INSERT, the event writer's CTEs) takes its placeholders from the same list, so no two
 * can claim the same `$n` — there are no reserved positions to know about.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value; returns its placeholder (`$n`), to use as often as the statement needs it. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
