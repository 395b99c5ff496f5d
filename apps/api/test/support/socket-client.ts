import { io, type Socket } from 'socket.io-client';

export interface ReceivedEvent {
  assetId: string;
  seq: number;
  type: string;
  payload: any;
}

/** A real socket.io client as the web app uses it, collecting every asset event it receives. */
export async function connectSocket(
  baseUrl: string,
  token?: string,
): Promise<{ socket: Socket; events: ReceivedEvent[]; progress: any[] }> {
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token ? { token } : {},
    reconnection: false,
  });
  const events: ReceivedEvent[] = [];
  const progress: any[] = [];
  socket.on('asset:event', (event: ReceivedEvent) => events.push(event));
  socket.on('version:progress', (update: unknown) => progress.push(update));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return { socket, events, progress };
}

export function emitWithAck<T = any>(socket: Socket, event: string, body: unknown): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, body) as Promise<T>;
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
