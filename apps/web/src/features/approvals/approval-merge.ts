import type {
  CarriedOverComment,
  CarriedOverList,
  ProjectApprovalList,
  RoundList,
  VersionApproval,
} from '@cutroom/contracts';

// Pure merges of news into cached approval data; approval-events.ts and the mutations use them.

/** The project's badges with the asset's new state; the approval of an older round does not move it. */
export function withAssetApproval(list: ProjectApprovalList, approval: VersionApproval): ProjectApprovalList {
  if (!approval.current) return list;
  const known = list.approvals.some((existing) => existing.assetId === approval.assetId);
  return {
    approvals: known
      ? list.approvals.map((existing) => (existing.assetId === approval.assetId ? approval : existing))
      : [...list.approvals, approval],
  };
}

/** The asset's state, replaced only by news of the same or a newer version. */
export function newerAssetApproval(current: VersionApproval, approval: VersionApproval): VersionApproval {
  if (!approval.current || approval.assetId !== current.assetId) return current;
  if ((approval.versionNumber ?? 0) < (current.versionNumber ?? 0)) return current;
  return approval;
}

/** The rounds with one round's approval replaced. */
export function withRoundApproval(list: RoundList, approval: VersionApproval): RoundList {
  return {
    rounds: list.rounds.map((round) =>
      round.versionId === approval.versionId ? { ...round, approval } : round,
    ),
  };
}

/** The carried-over notes with one note's new standing (addressed, or not any more). */
export function withCarriedOver(list: CarriedOverList, item: CarriedOverComment): CarriedOverList {
  const known = list.comments.some((existing) => existing.comment.id === item.comment.id);
  return {
    ...list,
    comments: known
      ? list.comments.map((existing) => (existing.comment.id === item.comment.id ? item : existing))
      : [...list.comments, item],
  };
}

/** How many carried-over notes this version has answered, and how many it still owes. */
export function carriedOverCounts(list: Pick<CarriedOverList, 'comments'>): {
  addressed: number;
  open: number;
} {
  const addressed = list.comments.filter((item) => item.addressed !== null).length;
  return { addressed, open: list.comments.length - addressed };
}
