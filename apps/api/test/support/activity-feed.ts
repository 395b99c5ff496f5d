import type { Socket } from 'socket.io-client';
import type { SignedIn } from './http-client.js';
import { connectSocket } from './socket-client.js';

/** An item of someone's activity feed, as the api lists it. */
export interface Item {
  id: string;
  kind: string;
  actor: { id: string; displayName: string } | null;
  project: { id: string; name: string };
  asset: { id: string; name: string };
  version: { id: string; number: number } | null;
  seq: number;
  commentId: string | null;
  frame: number | null;
  decision: string | null;
  excerpt: string | null;
  read: boolean;
}

export async function feed(person: SignedIn, limit = 100): Promise<Item[]> {
  const reply = await person.caller.get(`/api/activity?limit=${limit}`);
  expect(reply.status).toBe(200);
  return reply.body.items;
}

export async function unread(person: SignedIn): Promise<number> {
  const reply = await person.caller.get('/api/activity/unread-count');
  expect(reply.status).toBe(200);
  return reply.body.count;
}

/** Polls the person's feed until an item matches: fan-out follows the commit by a moment. */
export async function itemFor(person: SignedIn, match: (item: Item) => boolean): Promise<Item> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await feed(person)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching activity for ${person.user.displayName}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A socket that keeps every unread count pushed to it. */
export async function watchUnread(
  baseUrl: string,
  person: SignedIn,
): Promise<{ socket: Socket; counts: number[] }> {
  const { socket } = await connectSocket(baseUrl, person.token);
  const counts: number[] = [];
  socket.on('activity:unread', (message: { count: number }) => counts.push(message.count));
  return { socket, counts };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

export async function waitForCount(person: SignedIn, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await feed(person)).length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} items for ${person.user.displayName}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
