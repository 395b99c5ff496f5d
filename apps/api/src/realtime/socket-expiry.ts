import { serverEvents, type LinkEnded } from '@cutroom/contracts';
import type { Socket } from 'socket.io';
import type { SocketData } from './socket-auth.js';

// setTimeout's ceiling (about 24.8 days); a socket open that long is checked again on reconnect.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes each socket when its session runs out, or — for a review-link guest — when the link
 * expires, whichever comes first; a guest is told their link ended, so their page keeps their draft.
 */
export class SocketExpiry {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** (Re)starts the socket's timer from its session and link as they now are. */
  arm(socket: Socket): void {
    this.forget(socket);
    const { user } = socket.data as SocketData;
    const sessionEnds = Date.parse(user.sessionExpiresAt);
    const linkEnds = user.guest?.expiresAt ? Date.parse(user.guest.expiresAt) : Infinity;
    const endsAt = Math.min(sessionEnds, linkEnds);
    const timer = setTimeout(
      () => {
        if (user.guest && linkEnds <= sessionEnds) {
          const ended: LinkEnded = { linkId: user.guest.linkId, reason: 'expired' };
          socket.emit(serverEvents.linkEnded, ended);
        } else socket.emit(serverEvents.sessionEnded);
        socket.disconnect(true);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, endsAt - Date.now())),
    );
    this.timers.set(socket.id, timer);
  }

  forget(socket: Socket): void {
    clearTimeout(this.timers.get(socket.id));
    this.timers.delete(socket.id);
  }
}
