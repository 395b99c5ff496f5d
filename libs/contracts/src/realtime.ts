import { z } from 'zod';
import { uuidInput } from './ids';
import { drawingPointCount, MAX_POINTS_PER_ANNOTATION, MAX_SHAPES, shapeSchema } from './annotations';
import {
  approversChangedPayloadSchema,
  commentAddressedPayloadSchema,
  decisionRecordedPayloadSchema,
} from './approvals';
import { versionSchema } from './assets';
import { roundDuePayloadSchema, roundReminderPayloadSchema } from './rounds-board';
import { guestAccessSchema } from './guest';
import { liveSessionLogSchema, liveSessionStateSchema } from './live-sessions';
import {
  commentDeletedPayloadSchema,
  commentEventPayloadSchema,
  commentReactionsPayloadSchema,
  commentUpdatedPayloadSchema,
  createCommentBodySchema,
} from './review';

/** The largest message a client may send over the socket, in bytes; a larger one is refused with 413. */
export const SOCKET_MESSAGE_LIMIT_BYTES = 1_000_000;

/** Socket.io event names, client → server. */
export const clientEvents = {
  joinAsset: 'asset:join',
  /** Every asset event of a project's assets, for the asset grid. */
  joinProject: 'project:join',
  leaveAsset: 'asset:leave',
  /** Post a comment over the socket: same rules as POST /api/versions/:id/comments. */
  createComment: 'comment:create',
  /** Ephemeral: where I am in the room (version, frame, playing). */
  presence: 'presence:update',
  /** Ephemeral: a stroke while it is being drawn, and the finished shapes whenever they change. */
  drawing: 'draw:stroke',
  typing: 'typing',
} as const;

/** Socket.io event names, server → client. */
export const serverEvents = {
  /** A persisted change, with its per-asset `seq`. */
  assetEvent: 'asset:event',
  /**
   * Several persisted changes in one message, in the order they happened (each asset's in `seq`
   * order): a busy room's changes, gathered for a few milliseconds. Read as that many `asset:event`s.
   */
  assetEvents: 'asset:events',
  /** Ephemeral: processing progress of a version (not stored as an event). */
  versionProgress: 'version:progress',
  presenceChanged: 'presence:changed',
  presenceLeft: 'presence:left',
  drawing: 'draw:stroke',
  typing: 'typing',
  /** A message without an ack that was refused (too large): which event, and why. */
  refused: 'request:refused',
  /** Sent just before the server closes a socket whose session (or guest link) has ended: do not reconnect. */
  sessionEnded: 'session:ended',
  /**
   * Sent to a review link's guests the moment it is turned off or runs out, just before their socket
   * closes: the page says so and keeps what they were writing.
   */
  linkEnded: 'link:ended',
  /** Sent to a review link's guests when its makers change what it grants: they act by it at once. */
  linkChanged: 'link:changed',
} as const;

export const linkEndReasons = ['revoked', 'expired'] as const;
export const linkEndedSchema = z.object({ linkId: z.uuid(), reason: z.enum(linkEndReasons) });
export type LinkEnded = z.infer<typeof linkEndedSchema>;

export const linkChangedSchema = z.object({ guest: guestAccessSchema });
export type LinkChanged = z.infer<typeof linkChangedSchema>;

export const requestRefusedSchema = z.object({
  event: z.string(),
  error: z.object({ statusCode: z.number(), message: z.string() }),
});
export type RequestRefused = z.infer<typeof requestRefusedSchema>;

export const joinAssetSchema = z.strictObject({
  assetId: uuidInput(),
  /** The last seq this client applied; events after it are returned in the ack. */
  afterSeq: z.number().int().nonnegative().optional(),
});
export type JoinAsset = z.infer<typeof joinAssetSchema>;

export const joinProjectSchema = z.strictObject({ projectId: uuidInput() });
export type JoinProject = z.infer<typeof joinProjectSchema>;

export const assetEventTypes = [
  'asset.created',
  'version.created',
  'version.updated',
  'version.deleted',
  'asset.renamed',
  'asset.deleted',
  'asset.restored',
  'asset.moved',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'comment.resolved',
  'comment.reopened',
  'comment.reactions',
  'comment.addressed',
  'comment.unaddressed',
  'decision.recorded',
  'approvers.changed',
  'round.due',
  'round.reminder',
  'live.session',
] as const;
export const assetEventTypeSchema = z.enum(assetEventTypes);
export type AssetEventType = z.infer<typeof assetEventTypeSchema>;

const assetEventEnvelope = {
  assetId: z.uuid(),
  seq: z.number().int().positive(),
  actorId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
};

/** What every event has whatever its payload: its place in the asset's order. */
export const assetEventEnvelopeSchema = z.object({ ...assetEventEnvelope, type: assetEventTypeSchema });
export type AssetEventEnvelope = z.infer<typeof assetEventEnvelopeSchema>;

/** Payload of `version.created` and `version.updated`: the version as it now is. */
export const versionEventPayloadSchema = z.object({ version: versionSchema });

/**
 * Every event type's payload, exactly as the api writes it; fields a later release added are
 * optional so events stored before still read.
 */
export const assetEventPayloadSchemas = {
  'asset.created': z.object({ name: z.string() }),
  'version.created': versionEventPayloadSchema,
  'version.updated': versionEventPayloadSchema,
  /** An upload was cancelled, or someone deleted the version: it is gone. */
  'version.deleted': z.object({ versionId: z.uuid() }),
  'asset.renamed': z.object({ name: z.string() }),
  /**
   * The cut went to the project's "Recently deleted" (stored: its log stays with it), or was erased
   * (sent live only, the log going with it). Either way it is gone from every list.
   */
  'asset.deleted': z.object({ projectId: z.uuid() }),
  /** Back from "Recently deleted", exactly as it was. */
  'asset.restored': z.object({ projectId: z.uuid(), name: z.string() }),
  /**
   * The cut went to another project with everything of it: it leaves one grid and joins the other.
   * Review-link guests are not told which project it went to (one they have no part in).
   */
  'asset.moved': z.object({ fromProjectId: z.uuid(), toProjectId: z.uuid().optional() }),
  'comment.created': commentEventPayloadSchema,
  'comment.updated': commentUpdatedPayloadSchema,
  'comment.deleted': commentDeletedPayloadSchema,
  'comment.resolved': commentEventPayloadSchema,
  'comment.reopened': commentEventPayloadSchema,
  'comment.reactions': commentReactionsPayloadSchema,
  'comment.addressed': commentAddressedPayloadSchema,
  'comment.unaddressed': commentAddressedPayloadSchema,
  'decision.recorded': decisionRecordedPayloadSchema,
  'approvers.changed': approversChangedPayloadSchema,
  /** A round's due date was set, moved or cleared: the team's planning, never sent to a guest. */
  'round.due': roundDuePayloadSchema,
  /** The round's pending approvers were reminded of its due date (their feed and mail say so). */
  'round.reminder': roundReminderPayloadSchema,
  /** A live session ended: its short log (who was there, where notes were posted). */
  'live.session': liveSessionLogSchema,
} as const satisfies Record<AssetEventType, z.ZodType>;
export type AssetEventPayload<T extends AssetEventType> = z.infer<(typeof assetEventPayloadSchemas)[T]>;

function eventOf<T extends AssetEventType>(type: T) {
  return z.object({ ...assetEventEnvelope, type: z.literal(type), payload: assetEventPayloadSchemas[type] });
}

/** A persisted change of an asset: its payload is the one its type says. */
export const assetEventSchema = z.discriminatedUnion('type', [
  eventOf('asset.created'),
  eventOf('version.created'),
  eventOf('version.updated'),
  eventOf('version.deleted'),
  eventOf('asset.renamed'),
  eventOf('asset.deleted'),
  eventOf('asset.restored'),
  eventOf('asset.moved'),
  eventOf('comment.created'),
  eventOf('comment.updated'),
  eventOf('comment.deleted'),
  eventOf('comment.resolved'),
  eventOf('comment.reopened'),
  eventOf('comment.reactions'),
  eventOf('comment.addressed'),
  eventOf('comment.unaddressed'),
  eventOf('decision.recorded'),
  eventOf('approvers.changed'),
  eventOf('round.due'),
  eventOf('round.reminder'),
  eventOf('live.session'),
]);
export type AssetEvent = z.infer<typeof assetEventSchema>;
/** The event of one type, its payload typed. */
export type AssetEventOf<T extends AssetEventType> = Extract<AssetEvent, { type: T }>;

export const joinAssetAckSchema = z.union([
  z.object({
    ok: z.literal(true),
    lastSeq: z.number().int().nonnegative(),
    events: z.array(assetEventSchema),
    /** Who else is in the room right now. */
    presence: z.array(z.lazy(() => presenceSchema)),
    /** The asset's live session, if one is running: the page offers to join it. */
    liveSession: liveSessionStateSchema.nullable(),
  }),
  z.object({ ok: z.literal(false), error: z.object({ statusCode: z.number(), message: z.string() }) }),
]);
export type JoinAssetAck = z.infer<typeof joinAssetAckSchema>;

export const versionProgressSchema = z.object({
  assetId: z.uuid(),
  versionId: z.uuid(),
  stage: z.string(),
  progress: z.number().min(0).max(100),
  playable: z.boolean(),
});
export type VersionProgress = z.infer<typeof versionProgressSchema>;

export const presenceUpdateSchema = z.strictObject({
  assetId: uuidInput(),
  versionId: uuidInput().nullable(),
  frame: z.number().int().min(0).max(2_147_483_647).nullable(),
  playing: z.boolean(),
});
export type PresenceUpdate = z.infer<typeof presenceUpdateSchema>;

export const presenceSchema = presenceUpdateSchema.extend({
  socketId: z.string(),
  user: z.object({ id: z.uuid(), displayName: z.string() }),
});
export type Presence = z.infer<typeof presenceSchema>;

const drawingPlace = {
  assetId: z.uuid(),
  versionId: z.uuid(),
  frame: z.number().int().min(0),
  /** Drawn for an internal note: guests never see it, and lose it if it becomes internal mid-draft. */
  internal: z.boolean().default(false),
};

/** The shape under the pen, sent as it moves; beyond the rate limit it is dropped. */
export const strokeInProgressSchema = z.strictObject({ ...drawingPlace, shape: shapeSchema });
export type StrokeInProgress = z.infer<typeof strokeInProgressSchema>;

/**
 * Every finished shape of the drawing being made, sent whenever they change (a shape drawn, undone,
 * redone, cleared): others show exactly these, and none once cleared. Bounded like a saved drawing;
 * the posted comment carries the drawing itself.
 */
export const drawingShapesSchema = z.strictObject({
  ...drawingPlace,
  shapes: z
    .array(shapeSchema)
    .max(MAX_SHAPES)
    .refine(
      (shapes) => drawingPointCount(shapes) <= MAX_POINTS_PER_ANNOTATION,
      `a drawing may hold at most ${MAX_POINTS_PER_ANNOTATION} points`,
    ),
});
export type DrawingShapes = z.infer<typeof drawingShapesSchema>;

/** `draw:stroke`: a stroke in progress, or the finished shapes as they now are. */
export const drawingStrokeSchema = z.union([strokeInProgressSchema, drawingShapesSchema]);
export type DrawingStroke = z.infer<typeof drawingStrokeSchema>;

/** Whether I am writing a note; an internal one is shown to members only. */
export const typingSchema = z.strictObject({
  assetId: uuidInput(),
  typing: z.boolean(),
  internal: z.boolean().default(false),
});
export type Typing = z.infer<typeof typingSchema>;

/** `comment:create`: the comment as POST /api/versions/:id/comments takes it. */
export const createCommentMessageSchema = z.object({
  versionId: uuidInput(),
  comment: createCommentBodySchema,
});
export type CreateCommentMessage = z.infer<typeof createCommentMessageSchema>;
