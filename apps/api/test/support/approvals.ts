import type { Caller, SignedIn } from './http-client.js';

export type Role = 'owner' | 'editor' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

export const put = (caller: Caller, route: string, body?: unknown) => caller.request('PUT', route, body);

/** Records a decision on a version, with a note when one is given. */
export const decide = (who: SignedIn, versionId: string, decision: string, note?: string) =>
  who.caller.post(
    `/api/versions/${versionId}/decisions`,
    note === undefined ? { decision } : { decision, note },
  );

/** Posts a note and returns its id. */
export async function comment(who: SignedIn, versionId: string, body: object): Promise<string> {
  const reply = await who.caller.post(`/api/versions/${versionId}/comments`, body);
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}
