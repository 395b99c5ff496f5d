import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SharingModule } from '../sharing/sharing.module.js';
import { ActivityModule } from '../activity/activity.module.js';
import { ApprovalsModule } from '../approvals/approvals.module.js';
import { AssetsModule } from '../assets/assets.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { Drain } from '../common/lifecycle/drain.js';
import type { Logger } from '../common/logging/logger.js';
import { Metrics } from '../common/metrics/metrics.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { ExportsModule } from '../exports/exports.module.js';
import { HealthModule } from '../health/health.module.js';
import { MediaModule } from '../media/media.module.js';
import { MediaWorkerModule } from '../media/media-worker.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ReviewModule } from '../review/review.module.js';
import { UploadsModule } from '../uploads/uploads.module.js';

export interface AppContext {
  config: AppConfig;
  logger: Logger;
  dataSource: DataSource;
}

/** Process-wide singletons made before Nest starts: config, logger, the migrated data source. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfigToken, useValue: context.config },
        { provide: LoggerToken, useValue: context.logger },
        { provide: DataSource, useValue: context.dataSource },
        { provide: Metrics, useFactory: () => new Metrics() },
        { provide: Drain, useFactory: () => new Drain() },
      ],
      exports: [AppConfigToken, LoggerToken, DataSource, Metrics, Drain],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(context: AppContext): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(context),
        AuthModule,
        ProjectsModule,
        AssetsModule,
        ReviewModule,
        ApprovalsModule,
        RealtimeModule,
        ActivityModule,
        SharingModule,
        UploadsModule,
        MediaModule,
        ExportsModule,
        HealthModule,
        ...(context.config.inProcessWorker ? [MediaWorkerModule] : []),
      ],
    };
  }
}
