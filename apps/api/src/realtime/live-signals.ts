import {
  type Presence,
  drawingStrokeSchema,
  presenceUpdateSchema,
  serverEvents,
  typingSchema,
} from '@cutroom/contracts';
import type { Socket } from 'socket.io';
import { EphemeralThrottle, LatestStateThrottle } from './ephemeral-throttle.js';
import { draftAudience } from './draft-audience.js';
import { GUEST_ROOM, MEMBER_ROOM } from './event-visibility.js';
import { assetRoom } from './rooms.js';
import { signalRooms } from './signal-audience.js';
import type { SocketData } from './socket-auth.js';
import { mayWrite } from './write-rights.js';

/**
 * What sockets say to their asset's room and nobody stores: where each viewer is, the drawing
 * under way and who is typing — throttled, an internal draft kept from guests, and the team's
 * signals kept from guests whose link does not show the team (see `signalRooms`).
 */
export class LiveSignals {
  constructor(
    /** Whether a socket's drawing under way reaches the others on the cut (a live session's roles). */
    private readonly drawsLive: (socket: Socket, assetId: string) => boolean = () => true,
  ) {}

  private readonly throttle = new EphemeralThrottle(15);
  private readonly latestShapes = new LatestStateThrottle(10);
  // Typing is a state (on, off, internal or not): the last one must arrive, or a guest sees it stuck.
  private readonly latestTyping = new LatestStateThrottle(15);

  /** Where a viewer is (version, frame, playing): broadcast to the room, never stored. */
  presence(socket: Socket, body: unknown): void {
    const parsed = presenceUpdateSchema.safeParse(body);
    if (!parsed.success || !socket.rooms.has(assetRoom(parsed.data.assetId))) return;
    if (!this.throttle.admit(`${socket.id}:presence`)) return;
    const { user } = socket.data as SocketData;
    const presence: Presence = {
      ...parsed.data,
      socketId: socket.id,
      user: { id: user.id, displayName: user.displayName },
    };
    (socket.data as SocketData).presence = presence;
    socket.to(signalRooms(user, parsed.data.assetId)).emit(serverEvents.presenceChanged, presence);
  }

  /**
   * Someone's drawing as it is made: the stroke under the pen (dropped beyond the rate), and the
   * finished shapes whenever they change (coalesced, never dropped, so others end on the last state).
   * The posted comment carries the drawing itself.
   */
  drawing(socket: Socket, body: unknown): void {
    const parsed = drawingStrokeSchema.safeParse(body);
    if (!parsed.success) return;
    // Only someone who may post the note draws it live: a viewer's pen reaches nobody. In a live
    // session, only the host's and annotators' drawings show on everyone's picture.
    const shows = 'shape' in parsed.data || parsed.data.shapes.length > 0;
    if (!this.mayDraw(socket, parsed.data.assetId, shows)) return;
    const { user } = socket.data as SocketData;
    const relayed = { ...parsed.data, userId: user.id, socketId: socket.id };
    const { assetId, versionId, frame } = parsed.data;
    const draft = {
      key: `draw:${assetId}`,
      event: serverEvents.drawing,
      cleared: {
        assetId,
        versionId,
        frame,
        internal: false,
        shapes: [],
        userId: user.id,
        socketId: socket.id,
      },
    };
    if ('shape' in parsed.data) {
      if (this.throttle.admit(`${socket.id}:draw`)) this.relayDraft(socket, draft, relayed, true);
      return;
    }
    // A state that waited its turn goes only where its sender still is, and still may draw.
    this.latestShapes.offer(`${socket.id}:shapes:${parsed.data.assetId}`, () => {
      if (this.mayDraw(socket, parsed.data.assetId, shows)) this.relayDraft(socket, draft, relayed, shows);
    });
  }

  /** Clearing is always relayed: an annotator made a viewer takes their drawing off the others' pictures. */
  private mayDraw(socket: Socket, assetId: string, shows: boolean): boolean {
    return (
      socket.rooms.has(assetRoom(assetId)) &&
      mayWrite((socket.data as SocketData).joined, assetId) &&
      (!shows || this.drawsLive(socket, assetId))
    );
  }

  typing(socket: Socket, body: unknown): void {
    const parsed = typingSchema.safeParse(body);
    if (!parsed.success || !socket.rooms.has(assetRoom(parsed.data.assetId))) return;
    if (!mayWrite((socket.data as SocketData).joined, parsed.data.assetId)) return;
    const { user } = socket.data as SocketData;
    const relayed = { ...parsed.data, user: { id: user.id, displayName: user.displayName } };
    const draft = {
      key: `typing:${parsed.data.assetId}`,
      event: serverEvents.typing,
      cleared: { ...relayed, typing: false, internal: false },
    };
    const room = assetRoom(parsed.data.assetId);
    // A state that waited its turn goes only where its sender still is, and still may write.
    this.latestTyping.offer(`${socket.id}:typing:${parsed.data.assetId}`, () => {
      if (socket.rooms.has(room) && mayWrite((socket.data as SocketData).joined, parsed.data.assetId))
        this.relayDraft(socket, draft, relayed, parsed.data.typing);
    });
  }

  /** A socket went: nothing of it waits to be sent. */
  forget(socketId: string): void {
    this.throttle.forget(`${socketId}:`);
    this.latestShapes.forget(`${socketId}:`);
    this.latestTyping.forget(`${socketId}:`);
  }

  /**
   * Relays a note being drafted to its asset's room: an internal one to members only, after guests
   * drop what they were shown of it while it was shared. Guests and members are told apart by room,
   * each hearing one message: a member sent the clear and then the draft could get them swapped.
   */
  private relayDraft(
    socket: Socket,
    draft: { key: string; event: string; cleared: object },
    relayed: { assetId: string; internal: boolean },
    shows: boolean,
  ): void {
    const data = socket.data as SocketData;
    const held = (data.guestsHold ??= new Set());
    const audience = draftAudience({
      senderIsGuest: Boolean(data.user.guest),
      internal: relayed.internal,
      guestsHold: held.has(draft.key),
      shows,
    });
    // The team's drafts reach only guests whose link shows the team; a guest's, their own link's too.
    const room = socket.to(signalRooms(data.user, relayed.assetId));
    if (audience.clearGuests) room.except(MEMBER_ROOM).emit(draft.event, draft.cleared);
    if (audience.guestsHold) held.add(draft.key);
    else held.delete(draft.key);
    if (audience.membersOnly) room.except(GUEST_ROOM).emit(draft.event, relayed);
    else room.emit(draft.event, { ...relayed, internal: false });
  }
}
