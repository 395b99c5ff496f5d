// Who owns each table of migrations/ (and each view and function): the api context whose SQL may
// name it. Every other context reaches it through the owner's repository or service; the lint rule
// scripts/lint/table-ownership.mjs holds the api to this, and api-tables.test.mjs holds this to
// migrations/ (every table has exactly one owner).

/** Context (folder of apps/api/src) → the tables, views and functions it owns. */
export const tableOwners = {
  auth: ['users', 'sessions', 'rate_limit_counters'],
  projects: ['projects', 'project_members', 'invitations'],
  // asset_grants: who may see an asset (members by role, guests by their link), and its per-call function.
  assets: ['assets', 'versions', 'asset_grants', 'asset_grant'],
  media: ['media_jobs'],
  review: ['comments', 'comment_reactions'],
  approvals: [
    'decisions',
    'decisions_append_only',
    'approver_lists',
    'approver_list_members',
    'addressed_comments',
    'round_due_dates',
    'round_reminders_sent',
  ],
  sharing: ['review_links', 'review_link_assets'],
  events: ['events'],
  // Live review sessions: the shared transport of each asset's session, who is in it, and its log.
  sessions: ['live_sessions', 'live_session_participants', 'live_session_log'],
  // The socket.io Postgres adapter's table (named in its options, never in our SQL).
  realtime: ['socket_io_attachments'],
  activity: ['notifications', 'activity_cursors', 'notification_settings'],
};

/** Tables any context may read (FROM/JOIN, never write), and why. */
export const sharedReads = {
  users:
    'every list says who did it: the name and email join in the same query, not one more query per person',
};

/**
 * The few files that name another context's tables, and why: a read that needs one query across
 * contexts, exposed by the context that owns the main table. `'context/file'` (no extension).
 */
export const sqlExceptions = {
  'activity/notification-items.sql': {
    tables: ['projects', 'project_members', 'assets', 'versions', 'comments'],
    reason:
      'a page of the feed (or a mail) is one query: each item with its project, asset, version and comment as they read now, seen only while its reader is a member',
  },
  'activity/activity-cursors': {
    tables: ['assets'],
    reason:
      "the fan-out's cursor is compared with the asset's last event seq (kept on the asset row) in one statement, also in the sweep over every asset",
  },
  'events/event-log': {
    tables: ['assets'],
    reason:
      "an asset's event seq lives on its row: taken under the row's lock in the statement that stores the event",
  },
  'assets/assets.service': {
    tables: ['comments', 'decisions', 'events'],
    reason:
      "the asset cards are one query: each asset's open-note count on its newest version and its last activity (newest event, or for a guest the newest note, decision or version they may see)",
  },
  'auth/auth.service': {
    tables: ['review_links'],
    reason:
      "every request's session lookup refuses a guest whose review link was turned off or expired in the same statement",
  },
  'approvals/due-dates.repository': {
    tables: ['assets', 'versions'],
    reason:
      "the reminders take a batch of due rounds under lock in one statement: only the round the board shows (the newest ready version of a live cut), and only once its cut changed since it waited on nobody (the asset's event seq)",
  },
  'review/comments.repository': {
    tables: ['assets'],
    reason:
      "a comment write takes its asset's row lock first (so writes cannot deadlock) in the statement that finds the comment's asset",
  },
};
