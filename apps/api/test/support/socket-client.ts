import { assetEventSchema } from '@cutroom/contracts';
import { io, type Socket } from 'socket.io-client';

export interface ReceivedEvent {
  assetId: string;
  seq: number;
  type: string;
  payload: any;
}

/**
 * Events received that do not read as their type's schema; every test fails while one is here
 * (see event-check.ts), so a writer whose payload drifts from its schema is caught where it is used.
 */
export const misfitEvents: { event: unknown; issues: string }[] = [];

/** Checks a received event (live or replayed in a join's ack) against the event schema. */
export function checkEvent<T>(event: T): T {
  const read = assetEventSchema.safeParse(event);
  if (!read.success) misfitEvents.push({ event, issues: read.error.message });
  return event;
}

/**
 * Calls `take` with each asset event the socket receives, checked against the schema, in the order
 * received: alone (`asset:event`) or several to a message (`asset:events`, a busy room's).
 */
export function onAssetEvents(socket: Socket, take: (event: ReceivedEvent) => void): void {
  socket.on('asset:event', (event: ReceivedEvent) => take(checkEvent(event)));
  socket.on('asset:events', (events: ReceivedEvent[]) => {
    for (const event of events) take(checkEvent(event));
  });
}

/** A real socket.io client as the web app uses it, collecting every asset event it receives. */
export async function connectSocket(
  baseUrl: string,
  token?: string,
  { batches = true }: { batches?: boolean } = {},
): Promise<{ socket: Socket; events: ReceivedEvent[]; progress: any[] }> {
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    // As the web app, unless told otherwise: it reads a busy room's events several to a message.
    auth: token ? { token, batches } : {},
    reconnection: false,
  });
  const events: ReceivedEvent[] = [];
  const progress: any[] = [];
  onAssetEvents(socket, (event) => events.push(event));
  socket.on('version:progress', (update: unknown) => progress.push(update));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return { socket, events, progress };
}

export async function emitWithAck<T = any>(socket: Socket, event: string, body: unknown): Promise<T> {
  const ack: unknown = await socket.timeout(10_000).emitWithAck(event, body);
  const replayed = (ack as { events?: unknown } | null)?.events;
  if (event === 'asset:join' && Array.isArray(replayed)) replayed.forEach(checkEvent);
  return ack as T;
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
