import { z } from 'zod';
import { uuidInput } from './ids';

const liveFrame = z.number().int('must be a whole frame number').min(0).max(2_147_483_647);

/** Playback speeds a host may set: forward, from a quarter to four times real time. */
export const LIVE_RATE_MIN = 0.25;
export const LIVE_RATE_MAX = 4;

/** A position on the picture, as a share of its width or height. */
const unit = z.number().finite().min(0).max(1);

/** How the compare view shows its two pictures. */
export const compareLayouts = ['side', 'wipe', 'overlay', 'difference'] as const;
export const compareLayoutSchema = z.enum(compareLayouts);
export type CompareLayout = z.infer<typeof compareLayoutSchema>;

/** How B follows A: by the frame map (the same picture), or by frame number plus an offset. */
export const compareAlignmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('map') }),
  z.strictObject({
    kind: z.literal('offset'),
    offset: z.number().int('must be a whole number of frames').min(-2_147_483_647).max(2_147_483_647),
  }),
]);
export type CompareAlignment = z.infer<typeof compareAlignmentSchema>;

/**
 * The host has the compare view open: the transport's version is A (its frame, A's frame), and
 * `versionId` is B, shown beside it as laid out and lined up here. Each follower works out B's frame
 * from A's by the same frame map, so both pictures match the host's.
 */
export const liveCompareSchema = z.strictObject({
  versionId: uuidInput(),
  layout: compareLayoutSchema,
  alignment: compareAlignmentSchema,
  /** A and B flipped (B on the left, or under the wipe). */
  swapped: z.boolean(),
  /** Where the wipe divides the picture, as a share of its width from the left; left out, the middle. */
  split: unit.default(0.5),
});
export type LiveCompare = z.infer<typeof liveCompareSchema>;

/**
 * What the host's player is doing, sent whole with every change (idempotent: a repeated or late
 * message can never leave followers half-updated). `frame` is where the playhead is at the change.
 * `compare` is the compare view the host has open (null: the review page's player); left out, none.
 */
export const liveTransportSchema = z
  .strictObject({
    versionId: uuidInput(),
    frame: liveFrame,
    playing: z.boolean(),
    rate: z.number().min(LIVE_RATE_MIN).max(LIVE_RATE_MAX),
    loopIn: liveFrame.nullable(),
    loopOut: liveFrame.nullable(),
    compare: liveCompareSchema.nullable().default(null),
  })
  .refine((t) => t.loopIn === null || t.loopOut === null || t.loopIn <= t.loopOut, {
    message: 'loopIn must not be after loopOut',
    path: ['loopOut'],
  });
export type LiveTransport = z.infer<typeof liveTransportSchema>;
/** A transport as sent: `compare` may be left out. */
export type LiveTransportInput = z.input<typeof liveTransportSchema>;

/** The host drives; annotators' drawings and laser pointer show on everyone's picture; viewers follow. */
export const liveRoles = ['host', 'annotator', 'viewer'] as const;
export const liveRoleSchema = z.enum(liveRoles);
export type LiveRole = z.infer<typeof liveRoleSchema>;

export const liveParticipantSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: liveRoleSchema,
  guest: z.boolean(),
});
export type LiveParticipant = z.infer<typeof liveParticipantSchema>;

/**
 * A live session as the server holds it. Followers place the playhead at
 * `transport.frame + (now − changedAt) × rate × fps` while playing, where "now" is their clock
 * corrected by `serverTime` (the server's clock when this was sent). `revision` grows with every
 * change of the session; a client applies a state only if it is newer than the one it has.
 * `participants` carry each one's role. A guest whose link does not show the team gets only their own
 * link's guests there (the host is always named).
 */
export const liveSessionStateSchema = z.object({
  sessionId: z.uuid(),
  assetId: z.uuid(),
  host: z.object({ userId: z.uuid(), displayName: z.string() }),
  participants: z.array(liveParticipantSchema),
  transport: liveTransportSchema,
  revision: z.number().int().positive(),
  /**
   * Server clock when the host's player was at `transport.frame`: when the change came in, less how
   * old the host's reading was (`sampleAgeMs`) and half the host socket's round trip, at most
   * LIVE_BACKDATE_MAX_MS in all.
   */
  changedAt: z.iso.datetime(),
  /** Server clock when this state was sent. */
  serverTime: z.iso.datetime(),
});
export type LiveSessionState = z.infer<typeof liveSessionStateSchema>;

/** Socket.io event names of live sessions, client → server (each answered through its ack). */
export const liveClientEvents = {
  /** Start a session on an asset (members only), with the starter's transport; they become host. */
  start: 'live:start',
  /** Join the asset's session: the ack carries its current state. Also the way back after a reconnect. */
  join: 'live:join',
  leave: 'live:leave',
  /** The host's transport changed (play, pause, seek, step, speed, loop, version). */
  drive: 'live:drive',
  /** The host passes the role to another member in the session. */
  makeHost: 'live:make-host',
  /** The host makes someone in the session an annotator, or a viewer again. */
  setRole: 'live:set-role',
  /** Ephemeral, no ack: where the host's or an annotator's laser pointer is, or that it was let go. */
  laser: 'live:laser',
} as const;

/** Socket.io event names of live sessions, server → client (to everyone in the asset's room). */
export const liveServerEvents = {
  state: 'live:state',
  ended: 'live:ended',
  /** Someone's laser pointer moved, or was let go (`point` null): it fades out. */
  laser: 'live:laser',
  /** No body; answer the ack at once: the server times the round trip, to date the host's changes. */
  clock: 'live:clock',
} as const;

/** The most the server dates a host's change back from when it came in (a late or lying client moves followers no further). */
export const LIVE_BACKDATE_MAX_MS = 250;

/**
 * How long before sending the host's player was at `transport.frame`, in ms (read a moment before,
 * sent now): the server dates the change back by it. Left out, 0.
 */
const sampleAge = { sampleAgeMs: z.number().int().min(0).max(60_000).optional() };

const onAsset = { assetId: uuidInput() };
export const liveStartSchema = z.strictObject({ ...onAsset, transport: liveTransportSchema, ...sampleAge });
export type LiveStart = z.infer<typeof liveStartSchema>;
export const liveJoinSchema = z.strictObject(onAsset);
export const liveLeaveSchema = z.strictObject(onAsset);
export const liveDriveSchema = z.strictObject({ ...onAsset, transport: liveTransportSchema, ...sampleAge });
export type LiveDrive = z.infer<typeof liveDriveSchema>;
export const liveMakeHostSchema = z.strictObject({ ...onAsset, userId: uuidInput() });
export type LiveMakeHost = z.infer<typeof liveMakeHostSchema>;

/** Roles the host hands out; the host role itself passes with Make host. */
export const liveFollowerRoleSchema = z.enum(['annotator', 'viewer']);
export const liveSetRoleSchema = z.strictObject({
  ...onAsset,
  userId: z.uuid(),
  role: liveFollowerRoleSchema,
});
export type LiveSetRole = z.infer<typeof liveSetRoleSchema>;

/**
 * The laser pointer, in picture coordinates normalised to 0..1 (like drawings), on the version the
 * sender shows; `point` null lets it go. Sent as it moves; beyond the rate the latest one goes.
 */
export const liveLaserSchema = z.strictObject({
  ...onAsset,
  versionId: z.uuid(),
  point: z.tuple([unit, unit]).nullable(),
});
export type LiveLaser = z.infer<typeof liveLaserSchema>;

/** A laser pointer as relayed to the others: who points (named: the colour and label are theirs). */
export const liveLaserRelayedSchema = liveLaserSchema.extend({
  userId: z.uuid(),
  socketId: z.string(),
  displayName: z.string(),
});
export type LiveLaserRelayed = z.infer<typeof liveLaserRelayedSchema>;

export const liveEndedSchema = z.object({ assetId: z.uuid(), sessionId: z.uuid() });
export type LiveEnded = z.infer<typeof liveEndedSchema>;

const refusedAck = z.object({
  ok: z.literal(false),
  error: z.object({
    statusCode: z.number(),
    message: z.string(),
    /** A stable reason where one applies, e.g. `drive_superseded`. */
    code: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/**
 * A host's drive commands: this many at once (holding an arrow key, scrubbing), then this many a
 * second. One beyond them waits a moment and goes unless a newer one replaces it — the replaced one
 * is answered 429 `drive_superseded` — so followers always end on the host's last command.
 */
export const LIVE_DRIVE_BURST = 60;
export const LIVE_DRIVE_PER_SECOND = 40;

/** The ack of every live-session message: the session as it now is (null once it has ended), or why not. */
export const liveAckSchema = z.union([
  z.object({ ok: z.literal(true), session: liveSessionStateSchema.nullable() }),
  refusedAck,
]);
export type LiveAck = z.infer<typeof liveAckSchema>;

/**
 * A session's log keeps this many entries (who started, joined, left, took over, was handed or
 * lost the pen); the rest are counted.
 */
export const LIVE_LOG_MAX_ENTRIES = 200;
/** …and this many frames where notes were posted during it. */
export const LIVE_LOG_MAX_FRAMES = 200;

/** What a line of a session's log tells. */
export const liveLogWhats = ['started', 'joined', 'left', 'host', 'annotator', 'viewer'] as const;
export type LiveLogWhat = (typeof liveLogWhats)[number];

export const liveLogEntrySchema = z.object({
  at: z.iso.datetime(),
  /**
   * Started it (and hosted), joined, left, became host (Make host, or the host left), was handed
   * the pen by the host (`annotator`) or had it taken back (`viewer`).
   */
  what: z.enum(liveLogWhats),
  user: z.object({ id: z.uuid(), displayName: z.string(), guest: z.boolean() }),
});
export type LiveLogEntry = z.infer<typeof liveLogEntrySchema>;

/** A frame the session stopped on where notes were posted during it. */
export const liveLogFrameSchema = z.object({
  versionId: z.uuid(),
  versionNumber: z.number().int().positive(),
  frame: liveFrame,
  /** Notes everyone on the cut may read. */
  notes: z.number().int().nonnegative(),
  /** Internal notes: the team's alone, left out of what a guest is shown. */
  internalNotes: z.number().int().nonnegative().optional(),
});
export type LiveLogFrame = z.infer<typeof liveLogFrameSchema>;

/**
 * A live session's short log, kept in the cut's activity (event `live.session`) once it ends:
 * who started it, who joined, left, became host and was handed or lost the pen, and where notes
 * were posted during it.
 */
export const liveSessionLogSchema = z.object({
  sessionId: z.uuid(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  /** Who started it ("Live session by …"); null if their account is gone. */
  startedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  entries: z.array(liveLogEntrySchema).max(LIVE_LOG_MAX_ENTRIES),
  /** Entries past the first LIVE_LOG_MAX_ENTRIES, counted and not kept. */
  entriesLeftOut: z.number().int().nonnegative(),
  frames: z.array(liveLogFrameSchema).max(LIVE_LOG_MAX_FRAMES),
});
export type LiveSessionLog = z.infer<typeof liveSessionLogSchema>;

/** GET /api/assets/:assetId/live-sessions: the cut's past sessions, newest first, as the caller may see them. */
export const liveSessionLogListSchema = z.object({
  sessions: z.array(z.object({ seq: z.number().int().positive(), log: liveSessionLogSchema })),
});
export type LiveSessionLogList = z.infer<typeof liveSessionLogListSchema>;
