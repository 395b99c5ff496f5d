import { CreateUsersAndSessions1764050000000 } from './1764050000000-create-users-and-sessions.js';
import { CreateProjectsAndMembers1764050000001 } from './1764050000001-create-projects-and-members.js';
import { CreateAssetsAndVersions1764050000002 } from './1764050000002-create-assets-and-versions.js';
import { CreateMediaJobs1764050000003 } from './1764050000003-create-media-jobs.js';
import { CreateComments1764050000004 } from './1764050000004-create-comments.js';
import { CreateSocketIoAttachments1764050000005 } from './1764050000005-create-socket-io-attachments.js';
import { CreateDecisions1764050000006 } from './1764050000006-create-decisions.js';
import { CreateNotifications1764050000007 } from './1764050000007-create-notifications.js';
import { AddNotificationEmailedAt1764050000008 } from './1764050000008-add-notification-emailed-at.js';
import { CreateReviewLinks1764050000009 } from './1764050000009-create-review-links.js';
import { CreateAssetGrantFunction1764050000010 } from './1764050000010-create-asset-grant-function.js';
import { CreateRateLimitCounters1764050000012 } from './1764050000012-create-rate-limit-counters.js';
import { ThreadVisibility1764050000013 } from './1764050000013-thread-visibility.js';
import { NotificationSettings1764050000020 } from './1764050000020-notification-settings.js';
import { CreateInvitations1764050000021 } from './1764050000021-create-invitations.js';
import { GuestsSeeReadyCuts1764050000030 } from './1764050000030-guests-see-ready-cuts.js';
import { CopyableReviewLinks1764050000031 } from './1764050000031-copyable-review-links.js';
import { RecentlyDeletedCuts1764050000040 } from './1764050000040-recently-deleted-cuts.js';
import { DecisionInternalNotes1764050000050 } from './1764050000050-decision-internal-notes.js';
import { ReviewLinkTeamActivity1764050000051 } from './1764050000051-review-link-team-activity.js';
import { RoundDueDates1764050000070 } from './1764050000070-round-due-dates.js';
import { RoundReminders1764050000071 } from './1764050000071-round-reminders.js';
import { CreateLiveSessions1764050000080 } from './1764050000080-create-live-sessions.js';
import { LiveSessionAnnotators1764050000081 } from './1764050000081-live-session-annotators.js';
import { RoundRemindersSentOnly1764050000090 } from './1764050000090-round-reminders-sent-only.js';
import { LiveSessionLog1764050000091 } from './1764050000091-live-session-log.js';
import { RoundRemindersPerDueMoment1764050000092 } from './1764050000092-round-reminders-per-due-moment.js';
import { CommentsByAsset1764050000093 } from './1764050000093-comments-by-asset.js';
import { LiveSessionCompare1764050000094 } from './1764050000094-live-session-compare.js';
import { MediaJobStageTimes1764050000097 } from './1764050000097-media-job-stage-times.js';
import { LiveSessionWipeSplit1764050000098 } from './1764050000098-live-session-wipe-split.js';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const migrations = [
  CreateUsersAndSessions1764050000000,
  CreateProjectsAndMembers1764050000001,
  CreateAssetsAndVersions1764050000002,
  CreateMediaJobs1764050000003,
  CreateComments1764050000004,
  CreateSocketIoAttachments1764050000005,
  CreateDecisions1764050000006,
  CreateNotifications1764050000007,
  AddNotificationEmailedAt1764050000008,
  CreateReviewLinks1764050000009,
  CreateAssetGrantFunction1764050000010,
  CreateRateLimitCounters1764050000012,
  ThreadVisibility1764050000013,
  NotificationSettings1764050000020,
  CreateInvitations1764050000021,
  GuestsSeeReadyCuts1764050000030,
  CopyableReviewLinks1764050000031,
  RecentlyDeletedCuts1764050000040,
  DecisionInternalNotes1764050000050,
  ReviewLinkTeamActivity1764050000051,
  RoundDueDates1764050000070,
  RoundReminders1764050000071,
  CreateLiveSessions1764050000080,
  LiveSessionAnnotators1764050000081,
  RoundRemindersSentOnly1764050000090,
  LiveSessionLog1764050000091,
  RoundRemindersPerDueMoment1764050000092,
  CommentsByAsset1764050000093,
  LiveSessionCompare1764050000094,
  MediaJobStageTimes1764050000097,
  LiveSessionWipeSplit1764050000098,
];
