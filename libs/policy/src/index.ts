export * from './role-matrix';
export * from './guest-link-rights';
export * from './member-changes';
export * from './approval-rules';
export * from './approval-aggregation';
export * from './comment-rules';
