import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  type AssetEvent,
  type ProjectJoined,
  projectServerEvents,
  serverEvents,
  versionProgressSchema,
  liveServerEvents,
} from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import { Metrics } from '../common/metrics/metrics.js';
import { SESSION_ENDED_CHANNEL } from '../auth/session-ended.js';
import { PgListener } from '../database/pg-listener.js';
import { LoggerToken } from '../config/config.provider.js';
import { projectOfAsset } from '../assets/asset-lookups.repository.js';
import {
  EVENTS_CHANNEL,
  type EventNotice,
  PROGRESS_CHANNEL,
  eventsAfter,
  latestSeqs,
} from '../events/event-log.js';
import {
  type AccessLostNotice,
  type AccessNotice,
  ACCESS_CHANNEL,
  type RoleChangedNotice,
} from '../events/access-lost.js';
import { EventBatches } from './event-batches.js';
import { AssetEventOrder } from './event-order.js';
import type { LinkNotice } from '../events/link-notice.js';
import { LIVE_ENDED_CHANNEL, LIVE_SEATS_CHANNEL, type LiveEndedNotice } from '../events/live-seats-notice.js';
import { applyLinkNotice } from './link-sockets.js';
import { GUEST_ROOM, MEMBER_ROOM, eventForGuest, guestViewMatters } from './event-visibility.js';
import { RealtimeGateway } from './realtime.gateway.js';
import {
  assetRoom,
  BATCH_READERS_ROOM,
  projectRoom,
  sessionRoom,
  SINGLE_READERS_ROOM,
  userRoom,
} from './rooms.js';
import type { SocketData } from './socket-auth.js';
import { settleMovedAssetSockets } from './moved-asset-sockets.js';
import { changeRole } from './write-rights.js';

const PROJECT_CACHE_LIMIT = 10_000;
/** How long a busy room's events gather into one message (see EventBatches). */
const BATCH_WINDOW_MS = 25;

/**
 * Hears committed events and progress through Postgres LISTEN, from this node, other api nodes
 * and workers alike, and hands each to the sockets connected to this node; and, likewise, ended
 * sessions and changed access, applied to this node's sockets.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener: PgListener | undefined;
  /** asset → project; a cut that moves says so (`asset.moved`), in its order with its other events. */
  private readonly projectOf = new Map<string, string>();
  private listenedBefore = false;
  private readonly batches = new EventBatches<AssetEvent>({
    windowMs: BATCH_WINDOW_MS,
    send: ({ rooms, except }, events) => {
      const to = (readers?: string) =>
        this.gateway.server.local
          .to([...rooms])
          .except([...(except ? [except] : []), ...(readers ? [readers] : [])]);
      if (events.length === 1) {
        to().emit(serverEvents.assetEvent, events[0]);
        return;
      }
      to(SINGLE_READERS_ROOM).emit(serverEvents.assetEvents, events);
      // A client that does not read batches (a page loaded before they existed) gets each alone.
      const singles = to(BATCH_READERS_ROOM);
      for (const event of events) singles.emit(serverEvents.assetEvent, event);
    },
  });
  private readonly order = new AssetEventOrder({
    read: (assetId, afterSeq, count) => eventsAfter(this.dataSource.manager, assetId, afterSeq, count),
    deliver: (event) => this.broadcast(event),
    onError: (error, assetId) => this.logger.error({ err: error, assetId }, 'could not relay an event'),
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: RealtimeGateway,
    @Inject(LoggerToken) private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new PgListener({
      url: (this.dataSource.options as { url: string }).url,
      channels: [
        EVENTS_CHANNEL,
        PROGRESS_CHANNEL,
        ACCESS_CHANNEL,
        SESSION_ENDED_CHANNEL,
        LIVE_SEATS_CHANNEL,
        LIVE_ENDED_CHANNEL,
      ],
      name: 'cutroom-relay',
      logger: this.logger,
      onNotification: (channel, payload) => void this.deliver(channel, payload),
      onListening: () => {
        if (this.listenedBefore) void this.catchUp();
        if (this.listenedBefore) void this.gateway.refreshLiveSeats();
        this.listenedBefore = true;
      },
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
    this.batches.flush();
  }

  private async deliver(channel: string, payload: string): Promise<void> {
    try {
      // Whatever else is told or changed (progress, access, ended sessions) comes after the events before it.
      if (channel !== EVENTS_CHANNEL) this.batches.flush();
      if (channel === LIVE_SEATS_CHANNEL) {
        await this.gateway.liveSeatsChanged(payload);
        return;
      }
      if (channel === LIVE_ENDED_CHANNEL) {
        const ended = JSON.parse(payload) as LiveEndedNotice;
        this.gateway.server.local.to(assetRoom(ended.assetId)).emit(liveServerEvents.ended, ended);
        return;
      }
      if (channel === SESSION_ENDED_CHANNEL) {
        const sockets = this.gateway.server.local.in(sessionRoom(payload));
        sockets.emit(serverEvents.sessionEnded);
        sockets.disconnectSockets(true);
        return;
      }
      if (channel === ACCESS_CHANNEL) {
        const notice = JSON.parse(payload) as AccessNotice | LinkNotice;
        if ('link' in notice) await applyLinkNotice(this.gateway, this.dataSource, notice.link);
        else if ('joinedUserId' in notice) this.tellJoined(notice.projectId, notice.joinedUserId);
        else await ('role' in notice ? this.changeRole(notice) : this.revoke(notice));
        return;
      }
      if (channel === PROGRESS_CHANNEL) {
        const progress = versionProgressSchema.parse(JSON.parse(payload));
        this.gateway.server.local
          .to(assetRoom(progress.assetId))
          .emit(serverEvents.versionProgress, progress);
        return;
      }
      this.order.offer(JSON.parse(payload) as EventNotice);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'could not relay a notification');
    }
  }

  /**
   * After LISTEN was lost and is back: each asset with a room on this node (its own, or its
   * project's) is brought up to its latest seq, so what committed meanwhile still goes out, in
   * order, once. An asset this node relayed nothing for yet gets its latest event; a client that
   * sees a gap there rejoins with its last seq.
   */
  private async catchUp(): Promise<void> {
    const assetIds: string[] = [];
    const projectIds: string[] = [];
    for (const room of this.gateway.server.of('/').adapter.rooms.keys()) {
      if (room.startsWith('asset:')) assetIds.push(room.slice('asset:'.length));
      else if (room.startsWith('project:')) projectIds.push(room.slice('project:'.length));
    }
    if (assetIds.length === 0 && projectIds.length === 0) return;
    try {
      const latest = await latestSeqs(this.dataSource.manager, assetIds, projectIds);
      for (const asset of latest) this.order.offer(asset);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not catch up after LISTEN came back');
    }
  }

  /** Sends an event to its asset's room and its project's room on this node. */
  private broadcast(event: AssetEvent): void | Promise<void> {
    const projectId = this.knownProject(event);
    if (projectId !== undefined) return this.emit(event, projectId);
    // Once per asset and node: later events of the asset wait for it rather than overtake.
    return this.lookupProject(event.assetId).then((found) => this.emit(event, found));
  }

  private emit(event: AssetEvent, projectId: string | undefined): void | Promise<void> {
    const rooms = projectId ? [assetRoom(event.assetId), projectRoom(projectId)] : [assetRoom(event.assetId)];
    this.metrics.relayLag.observe(Math.max(0, Date.now() - Date.parse(event.createdAt)) / 1000);
    if (event.type === 'asset.moved') {
      this.batches.flush();
      // Both grids hear it: the cut leaves one and joins the other; then its room keeps only who may see it now.
      // Guests hear that it left, not where it went.
      const grids = [...rooms, projectRoom(event.payload.fromProjectId)];
      this.gateway.server.local.to(grids).except(GUEST_ROOM).emit(serverEvents.assetEvent, event);
      const told = eventForGuest(event);
      if (told) this.gateway.server.local.to(grids).except(MEMBER_ROOM).emit(serverEvents.assetEvent, told);
      return settleMovedAssetSockets(this.gateway, this.dataSource, event);
    }
    // Most events read the same to every guest: judged once, not once per kind of link.
    const sameForAll = guestViewMatters(event.type) ? undefined : { told: eventForGuest(event) };
    const view = (seesTeam: boolean, linkId: string | null) =>
      sameForAll ? sameForAll.told : eventForGuest(event, { showTeamActivity: seesTeam, linkId });
    const anyLink = sameForAll ? [sameForAll.told] : [view(false, null), view(true, null)];
    // An event every guest gets as it is (whatever their link shows, whichever link) goes out once.
    if (anyLink.every((told) => told === event)) {
      this.batches.add({ rooms }, event);
      return;
    }
    this.batches.add({ rooms, except: GUEST_ROOM }, event);
    if (anyLink.every((told) => told === undefined)) return;
    // The guests' own versions go one socket at a time: what waits goes first.
    this.batches.flush();
    return this.emitToGuests(rooms, view);
  }

  /**
   * A thread made internal, or a decision: the guests among the listeners each get their own
   * version of it, by what their link shows and which link it is.
   */
  private async emitToGuests(
    rooms: string[],
    view: (seesTeam: boolean, linkId: string | null) => AssetEvent | undefined,
  ): Promise<void> {
    const byLink = new Map<string, AssetEvent | undefined>();
    for (const socket of await this.gateway.server.local.in(rooms).fetchSockets()) {
      if (!socket.rooms.has(GUEST_ROOM)) continue;
      const guest = (socket.data as SocketData).user.guest;
      const seesTeam = guest?.showTeamActivity === true;
      const key = `${seesTeam}:${guest?.linkId ?? ''}`;
      if (!byLink.has(key)) byLink.set(key, view(seesTeam, guest?.linkId ?? null));
      const told = byLink.get(key);
      if (told) socket.emit(serverEvents.assetEvent, told);
    }
  }

  /** The new member's sockets on this node: the project shows in their list at once. */
  private tellJoined(projectId: string, userId: string): void {
    const joined: ProjectJoined = { projectId };
    this.gateway.server.local.to(userRoom(userId)).emit(projectServerEvents.joined, joined);
  }

  /** A member's sockets on this node write (or stop writing) in the project's rooms by their new role. */
  private async changeRole(notice: RoleChangedNotice): Promise<void> {
    const sockets = await this.gateway.server.local.in(userRoom(notice.userId)).fetchSockets();
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      changeRole(data.joined, notice.projectId, notice.role);
      await this.gateway.liveRightsChanged(data);
    }
  }

  /**
   * Takes people who lost access out of the project's room and its assets' rooms on this node; a
   * guest of a revoked link, whose session ends with it, is disconnected.
   */
  private async revoke(notice: AccessLostNotice): Promise<void> {
    for (const userId of notice.userIds) {
      const sockets = await this.gateway.server.local.in(userRoom(userId)).fetchSockets();
      for (const socket of sockets) {
        if ((socket.data as SocketData).user.guest?.projectId === notice.projectId) {
          socket.emit(serverEvents.sessionEnded);
          socket.disconnect(true);
          continue;
        }
        socket.leave(projectRoom(notice.projectId));
        for (const room of [...socket.rooms]) {
          if (!room.startsWith('asset:')) continue;
          const assetId = room.slice('asset:'.length);
          // An asset gone with its project has nothing more to say: leave it too. Every room of the
          // cut goes (its team's and viewers' signal rooms, its live session's), or drafts, lasers
          // and session states would still reach them; the sweep takes them out of the session.
          const projectId = await this.projectFor(assetId);
          if (projectId === undefined || projectId === notice.projectId)
            await this.gateway.lostCut(socket.id, assetId);
        }
      }
    }
  }

  private async projectFor(assetId: string): Promise<string | undefined> {
    return this.projectOf.get(assetId) ?? this.lookupProject(assetId);
  }

  /**
   * A deleted asset's event names its project: the asset is no longer there to look it up. A moved
   * one's names its new project, where this and every later event of it go.
   */
  private knownProject(event: AssetEvent): string | undefined {
    if (event.type === 'asset.deleted') return event.payload.projectId;
    if (event.type === 'asset.moved') {
      const { toProjectId } = event.payload; // always stored; only a guest's copy leaves it out
      if (toProjectId === undefined) this.projectOf.delete(event.assetId);
      else this.projectOf.set(event.assetId, toProjectId);
      return toProjectId;
    }
    return this.projectOf.get(event.assetId);
  }

  private async lookupProject(assetId: string): Promise<string | undefined> {
    const projectId = await projectOfAsset(this.dataSource.manager, assetId);
    if (!projectId) return undefined;
    if (this.projectOf.size >= PROJECT_CACHE_LIMIT) this.projectOf.clear();
    this.projectOf.set(assetId, projectId);
    return projectId;
  }
}
