import type { Caller, Reply } from './http-client.js';
import { type Ids, type Matrix, PRINCIPALS, type Principal, type Row } from './matrix-fixture.js';

function fill(template: string, ids: Ids): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ids[name as keyof Ids];
    if (value === undefined) throw new Error(`no fixture id for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

async function send(row: Row, caller: Caller, ids: Ids): Promise<{ status: number; body: unknown }> {
  if (row.send) return row.send(caller, ids);
  const [method, template] = row.route.split(' ');
  const reply: Reply = await caller.request(method, fill(template, ids), row.body?.());
  return reply;
}

const describeBody = (body: unknown) =>
  typeof body === 'object' && body !== null
    ? JSON.stringify((body as { code?: string }).code ?? body).slice(0, 120)
    : String(body ?? '').slice(0, 60);

/** Calls every row as `who`; returns everything that was not as the table says. */
export async function sweep(m: Matrix, table: Row[], who: Principal): Promise<string[]> {
  const { people, fixtureIds, callerOf, leaksIn, ghostIds } = m;
  const column = PRINCIPALS.indexOf(who);
  const problems: string[] = [];
  for (const row of table) {
    const label = `${row.route}${row.note ?? ''}`;
    const expected = row.expect[column];
    const { caller: spareCaller, ...spareIds } =
      expected < 300 && row.spare && who !== 'anonymous' ? await row.spare(people[who]) : {};
    const ids: Ids = { ...fixtureIds(), ...row.ids?.(), ...spareIds };
    const reply = await send(row, spareCaller ?? callerOf(who), ids);
    if (reply.status !== expected)
      problems.push(`${label}: expected ${expected}, got ${reply.status} ${describeBody(reply.body)}`);
    if (who === 'outsider' || who === 'anonymous') {
      const leaked = leaksIn(reply.body, row.linkHolder);
      if (leaked.length > 0) problems.push(`${label}: leaked ${leaked.join(', ')}`);
    }
    if (who === 'outsider' && expected === 404) {
      // The same answer as for ids that name nothing: the project's existence does not show.
      const ghost = await send(row, callerOf(who), ghostIds(ids));
      const shape = (r: { status: number; body: unknown }) => {
        const body = (r.body ?? {}) as { code?: string; message?: string };
        return `${r.status} ${body.code} ${body.message}`;
      };
      if (shape(reply) !== shape(ghost))
        problems.push(`${label}: answers "${shape(reply)}" but "${shape(ghost)}" for ids that name nothing`);
    }
  }
  return problems;
}
