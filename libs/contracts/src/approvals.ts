import { z } from 'zod';
import { uuidInput } from './ids';
import { safeText } from './text';
import { projectRoleSchema } from './projects';
import { commentSchema } from './review';

export const DECISION_NOTE_MAX = 2000;
/** More required approvers than any real sign-off chain, small enough to check in one query. */
export const REQUIRED_APPROVERS_MAX = 50;

export const decisionKinds = ['approved', 'changes_requested'] as const;
export const decisionKindSchema = z.enum(decisionKinds);
export type DecisionKind = z.infer<typeof decisionKindSchema>;

/** Where a version stands: derived from the current decisions, never stored. */
export const approvalStates = ['approved', 'changes_requested', 'in_review'] as const;
export const approvalStateSchema = z.enum(approvalStates);
export type ApprovalState = z.infer<typeof approvalStateSchema>;

const personSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const recordDecisionBodySchema = z.strictObject({
  decision: decisionKindSchema,
  note: z
    .string()
    .max(DECISION_NOTE_MAX, `must be at most ${DECISION_NOTE_MAX} characters`)
    .check(safeText('multiline'))
    .optional(),
  /** For the team only: never shown to a review-link guest. Members only may add one. */
  internalNote: z
    .string()
    .max(DECISION_NOTE_MAX, `must be at most ${DECISION_NOTE_MAX} characters`)
    .check(safeText('multiline'))
    .optional(),
});
export type RecordDecisionBody = z.infer<typeof recordDecisionBodySchema>;

/** One row of the append-only history: changing one's mind adds a row, never edits one. */
export const decisionSchema = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  assetId: z.uuid(),
  decision: decisionKindSchema,
  /** The note everyone who sees the decision reads; a team decision's is hidden from guests unless their link shows the team's activity. */
  note: z.string().nullable(),
  /** The team's own note on it: present for members (null if none), absent wherever a guest reads. */
  internalNote: z.string().nullable().optional(),
  /** Made by a review-link guest (a client), not by a member of the team. */
  byGuest: z.boolean().default(false),
  /** The review link a client decided through (null for the team): present for members only. */
  viaLinkId: z.uuid().nullable().optional(),
  /** Null once the person's account is gone. */
  decidedBy: personSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const decisionListSchema = z.object({ decisions: z.array(decisionSchema) });
export type DecisionList = z.infer<typeof decisionListSchema>;

/**
 * The aggregate of a round. `required`: the named approvers decide it (n of m approved,
 * `pendingIds` have not decided yet). `anyone`: no approvers are named, so every member allowed
 * to decide who has decided counts, and nobody is waited for.
 */
export const approvalSummarySchema = z.object({
  state: approvalStateSchema,
  approvedCount: z.number().int().nonnegative(),
  requiredCount: z.number().int().nonnegative(),
  pendingIds: z.array(z.uuid()),
});
export type ApprovalSummary = z.infer<typeof approvalSummarySchema>;

export const approvalRules = ['required', 'anyone'] as const;
export const approvalRuleSchema = z.enum(approvalRules);
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

/** The approval of one version (one round); for an asset, of its newest version. */
export const versionApprovalSchema = approvalSummarySchema.extend({
  assetId: z.uuid(),
  /** Null for an asset that has no version yet. */
  versionId: z.uuid().nullable(),
  versionNumber: z.number().int().positive().nullable(),
  /** The version is the asset's newest: its round is open and its state is the asset's state. */
  current: z.boolean(),
  rule: approvalRuleSchema,
  /** The required approvers in effect (empty when the rule is `anyone`). */
  requiredApprovers: z.array(personSchema),
  /** Each person's current decision (their newest) on this version, newest first. */
  decisions: z.array(decisionSchema),
});
export type VersionApproval = z.infer<typeof versionApprovalSchema>;

export const projectApprovalListSchema = z.object({ approvals: z.array(versionApprovalSchema) });
export type ProjectApprovalList = z.infer<typeof projectApprovalListSchema>;

export const recordedDecisionSchema = z.object({
  decision: decisionSchema,
  approval: versionApprovalSchema,
});
export type RecordedDecision = z.infer<typeof recordedDecisionSchema>;

export const approverSchema = personSchema.extend({ role: projectRoleSchema });
export type Approver = z.infer<typeof approverSchema>;

/**
 * Who must approve. An asset follows its project's default list (`source: 'project'`) until
 * someone gives it its own (`'asset'`), which may be empty to let anyone's approval do.
 */
export const approverListSchema = z.object({
  source: z.enum(['asset', 'project']),
  approvers: z.array(approverSchema),
});
export type ApproverList = z.infer<typeof approverListSchema>;

const approverIdsSchema = z
  .array(uuidInput())
  .max(REQUIRED_APPROVERS_MAX, `must name at most ${REQUIRED_APPROVERS_MAX} approvers`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name anyone twice');

export const setProjectApproversBodySchema = z.strictObject({ userIds: approverIdsSchema });
export type SetProjectApproversBody = z.infer<typeof setProjectApproversBodySchema>;

/** `userIds: null` returns the asset to its project's default list. */
export const setAssetApproversBodySchema = z.strictObject({ userIds: approverIdsSchema.nullable() });
export type SetAssetApproversBody = z.infer<typeof setAssetApproversBodySchema>;

/** Payload of `decision.recorded`. */
export const decisionRecordedPayloadSchema = recordedDecisionSchema;
/** Payload of `approvers.changed`: the new list and the asset's approval under it. */
export const approversChangedPayloadSchema = z.object({
  approvers: approverListSchema,
  approval: versionApprovalSchema,
});

export const notePlacementSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('moved'),
    frame: z.number().int().nonnegative(),
    frameEnd: z.number().int().nonnegative().nullable(),
  }),
  z.object({ status: z.literal('removed') }),
]);
export type NotePlacement = z.infer<typeof notePlacementSchema>;

/** A root note of version N, as version N+1 sees it: still open from vN, or addressed in vN+1. */
export const carriedOverCommentSchema = z.object({
  comment: commentSchema.pick({
    id: true,
    versionId: true,
    author: true,
    body: true,
    frame: true,
    frameEnd: true,
    internal: true,
    annotation: true,
    createdAt: true,
  }),
  replyCount: z.number().int().nonnegative(),
  /** Set when someone marked it addressed in the later version (a link, not a copy). */
  addressed: z.object({ versionId: z.uuid(), by: personSchema.nullable(), at: z.iso.datetime() }).nullable(),
  /**
   * Where the note's picture is in the later version, by the frame map: `moved` to that frame (the
   * same number when nothing before it changed), or `removed` when the later version cut it. Null
   * for a general note, or while the frame map is not known yet.
   */
  placement: notePlacementSchema.nullable(),
});
export type CarriedOverComment = z.infer<typeof carriedOverCommentSchema>;

export const carriedOverListSchema = z.object({
  versionId: z.uuid(),
  /** The previous version the notes come from; null for a first version. */
  fromVersion: z.object({ id: z.uuid(), number: z.number().int().positive() }).nullable(),
  comments: z.array(carriedOverCommentSchema),
});
export type CarriedOverList = z.infer<typeof carriedOverListSchema>;

/** Payload of `comment.addressed` and `comment.unaddressed`. */
export const commentAddressedPayloadSchema = z.object({
  /** The version the note is marked addressed in (N+1). */
  versionId: z.uuid(),
  item: carriedOverCommentSchema,
});

/** One revision round: a version, its notes and where its approval stands. */
export const roundSchema = z.object({
  versionId: z.uuid(),
  versionNumber: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  notes: z.object({
    /** Threads (root notes) on this version. */
    total: z.number().int().nonnegative(),
    /** Threads not resolved yet. */
    open: z.number().int().nonnegative(),
    /** Open threads marked addressed in the next version. */
    addressed: z.number().int().nonnegative(),
    /** Open and not addressed: what this round still owes. */
    stillOpen: z.number().int().nonnegative(),
  }),
  approval: versionApprovalSchema,
});
export type Round = z.infer<typeof roundSchema>;

export const roundListSchema = z.object({ rounds: z.array(roundSchema) });
export type RoundList = z.infer<typeof roundListSchema>;
