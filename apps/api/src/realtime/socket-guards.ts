import { clientEvents, liveClientEvents, serverEvents } from '@cutroom/contracts';
import type { Socket } from 'socket.io';
import { EventSizes, MESSAGE_LIMIT_BYTES, tooLarge } from './message-size.js';

/**
 * Measures each message as it arrives: one over the limit reaches no handler and is answered —
 * through its ack, or with request:refused when it has none — instead of being dropped unheard.
 */
export function refuseOversized(socket: Socket): void {
  const sizes = new EventSizes();
  socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type === 'message') sizes.heard(packet.data);
  });
  socket.use((event, next) => {
    const bytes = sizes.next();
    if (bytes <= MESSAGE_LIMIT_BYTES) return next();
    const error = tooLarge(bytes);
    const ack: unknown = event.at(-1);
    if (typeof ack === 'function') ack({ ok: false, error });
    else socket.emit(serverEvents.refused, { event: String(event[0]), error });
  });
}

/** An event no handler knows is answered through its ack, not left to the client's timeout. */
export function answerUnknownEvents(socket: Socket): void {
  const known = new Set<string>([...Object.values(clientEvents), ...Object.values(liveClientEvents)]);
  socket.use(([name, ...args], next) => {
    if (known.has(name)) return next();
    const ack: unknown = args.at(-1);
    const message = `Unknown event "${String(name).slice(0, 100)}"`;
    if (typeof ack === 'function') ack({ ok: false, error: { statusCode: 404, message } });
  });
}
