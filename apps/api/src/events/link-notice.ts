import type { LinkEnded } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { ACCESS_CHANNEL } from './access-lost.js';

/** A review link turned off, or changed by its makers: every api node applies it to the link's sockets. */
export interface LinkNotice {
  link: { id: string; ended?: LinkEnded['reason'] };
}

/** Inside the transaction that turns a link off: once it commits, its guests are told and disconnected. */
export async function announceLinkEnded(
  manager: EntityManager,
  linkId: string,
  reason: LinkEnded['reason'],
): Promise<void> {
  const notice: LinkNotice = { link: { id: linkId, ended: reason } };
  await manager.query(`SELECT pg_notify($1, $2)`, [ACCESS_CHANNEL, JSON.stringify(notice)]);
}

/** Inside the transaction that changes a link: once it commits, its guests' sockets act by it. */
export async function announceLinkChanged(manager: EntityManager, linkId: string): Promise<void> {
  const notice: LinkNotice = { link: { id: linkId } };
  await manager.query(`SELECT pg_notify($1, $2)`, [ACCESS_CHANNEL, JSON.stringify(notice)]);
}
