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
];
