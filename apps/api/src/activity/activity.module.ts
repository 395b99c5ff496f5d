import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ActivityController } from './activity.controller.js';
import { ActivityFanout } from './activity-fanout.js';
import { ActivityMailer } from './activity-mailer.js';
import { ActivityRelay } from './activity-relay.js';
import { ActivityService } from './activity.service.js';
import { MovedCutNotifications } from './moved-cut-notifications.js';
import { NotificationSettingsController } from './notification-settings.controller.js';
import { NotificationSettingsService } from './notification-settings.service.js';

@Module({
  imports: [RealtimeModule, ProjectsModule, AssetsModule],
  controllers: [ActivityController, NotificationSettingsController],
  providers: [
    ActivityService,
    ActivityFanout,
    ActivityMailer,
    ActivityRelay,
    NotificationSettingsService,
    MovedCutNotifications,
  ],
})
export class ActivityModule {}
