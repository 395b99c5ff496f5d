import { z } from 'zod';
import { approvalRuleSchema, approvalStateSchema } from './approvals';
import { versionStatusSchema } from './assets';
import { exportQuerySchema } from './exports';
import { uuidInput } from './ids';
import { instantInput } from './instants';

const personSchema = z.object({ id: z.uuid(), displayName: z.string() });

/**
 * One cut on the rounds board: the round it is in (its newest ready version), where that round
 * stands, who it waits on, what is left to address, and when it is due.
 */
export const roundsBoardRowSchema = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  assetId: z.uuid(),
  assetName: z.string(),
  /** The round under review: the cut's newest ready version. */
  version: z.object({
    id: z.uuid(),
    /** The version's number (v3): numbers stay when an older version is deleted. */
    number: z.number().int().positive(),
    /** Its place among the cut's versions (the third round), counting the ones that remain. */
    round: z.number().int().positive(),
    /** When it went out: ready to watch. */
    readyAt: z.iso.datetime(),
  }),
  /** A newer version on its way (uploading, processing) or failed; null when there is none. */
  newerVersion: z.object({ number: z.number().int().positive(), status: versionStatusSchema }).nullable(),
  state: approvalStateSchema,
  rule: approvalRuleSchema,
  approvedCount: z.number().int().nonnegative(),
  requiredCount: z.number().int().nonnegative(),
  /** Required approvers who have not decided this round yet, in the approver list's order. */
  pending: z.array(personSchema),
  notes: z.object({
    /** Open notes of the previous round not marked addressed in this one. */
    carriedOver: z.number().int().nonnegative(),
    /** Open notes on this round. */
    new: z.number().int().nonnegative(),
  }),
  /** When the round is due; null when no date is set. */
  dueAt: z.iso.datetime().nullable(),
  /** Past its due date and not approved. */
  overdue: z.boolean(),
  /** When this round was approved (the decision that completed it); null while not approved. */
  approvedAt: z.iso.datetime().nullable(),
  /** The newest change to the cut: a note, a decision, a version. */
  lastActivityAt: z.iso.datetime(),
  /** The caller made the cut, uploaded this version, or is one of its required approvers. */
  mine: z.boolean(),
  /** The caller is a required approver who has not decided yet. */
  waitingOnMe: z.boolean(),
});
export type RoundsBoardRow = z.infer<typeof roundsBoardRowSchema>;

/** The producer's glance: how many cuts stand where, how many are late, how long approval takes. */
export const roundsBoardHeaderSchema = z.object({
  counts: z.object({
    in_review: z.number().int().nonnegative(),
    changes_requested: z.number().int().nonnegative(),
    approved: z.number().int().nonnegative(),
  }),
  overdue: z.number().int().nonnegative(),
  /** Cuts without a ready version yet: not on the board until their first version is ready. */
  notReady: z.number().int().nonnegative(),
  /** Median time from a round going out to its approval, over the approved rounds shown; null with none. */
  medianSecondsToApproval: z.number().nonnegative().nullable(),
});
export type RoundsBoardHeader = z.infer<typeof roundsBoardHeaderSchema>;

export const roundsBoardSchema = z.object({
  header: roundsBoardHeaderSchema,
  rows: z.array(roundsBoardRowSchema),
  /** The server's clock when the board was read: what `overdue` was judged against. */
  asOf: z.iso.datetime(),
});
export type RoundsBoard = z.infer<typeof roundsBoardSchema>;

/** The most cuts one read of the board may name (`assetIds`): a burst of live changes. */
export const ROUNDS_ASSET_IDS_MAX = 100;

/**
 * `GET /api/rounds`: every cut of every project the caller is a member of, or (`mine=true`) only
 * theirs; `assetIds=a,b` only those cuts (what a live change moved), their header counting only them.
 */
export const roundsQuerySchema = z.strictObject({
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  assetIds: z
    .string()
    .max(ROUNDS_ASSET_IDS_MAX * 37)
    .transform((value) => value.split(','))
    .pipe(z.array(uuidInput({ message: 'must be UUIDs separated by commas' })).max(ROUNDS_ASSET_IDS_MAX))
    .optional(),
});
export type RoundsQuery = z.infer<typeof roundsQuerySchema>;

/** The latest a due date may be set: far enough for any production, near enough to be a typo check. */
export const DUE_DATE_MAX_YEARS = 10;

/** `PUT /api/versions/:versionId/due-date`: when the round is due, or `null` to clear it. */
export const setDueDateBodySchema = z.strictObject({
  dueAt: instantInput()
    .refine((value) => {
      const at = Date.parse(value);
      const years = (at - Date.now()) / (365.25 * 24 * 3600 * 1000);
      return at >= Date.parse('2000-01-01T00:00:00Z') && years <= DUE_DATE_MAX_YEARS;
    }, `must be after 2000 and at most ${DUE_DATE_MAX_YEARS} years from now`)
    .nullable(),
});
export type SetDueDateBody = z.infer<typeof setDueDateBodySchema>;

export const roundDueSchema = z.object({
  versionId: z.uuid(),
  dueAt: z.iso.datetime().nullable(),
});
export type RoundDue = z.infer<typeof roundDueSchema>;

/** Payload of `round.due`. */
export const roundDuePayloadSchema = roundDueSchema;

export const reminderStages = ['before', 'due'] as const;
export type ReminderStage = (typeof reminderStages)[number];

/** Payload of `round.reminder`: the round's pending approvers are reminded that it is (nearly) due. */
export const roundReminderPayloadSchema = z.object({
  versionId: z.uuid(),
  dueAt: z.iso.datetime(),
  /** `before`: the configured time ahead of the due date; `due`: the date has come. */
  stage: z.enum(reminderStages),
  /** The required approvers who had not decided when it was sent. */
  userIds: z.array(z.uuid()),
});
export type RoundReminderPayload = z.infer<typeof roundReminderPayloadSchema>;

/** `GET /api/assets/:assetId/round-history`: `?internal=false` leaves out internal decision notes and internal notes from the counts, as the notes exports do. */
export const roundHistoryQuerySchema = exportQuerySchema.pick({ internal: true });
export type RoundHistoryQuery = z.infer<typeof roundHistoryQuerySchema>;
