import { Injectable } from '@nestjs/common';
import type { NotificationLevel } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { ProjectsService } from '../projects/projects.service.js';

/** What each member chose to hear of a project; no choice made is "everything". */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
  ) {}

  async levelOf(userId: string, projectId: string): Promise<NotificationLevel> {
    await this.projects.requireRole(userId, projectId, 'project.view');
    const [row]: { level: NotificationLevel }[] = await this.dataSource.query(
      `SELECT level FROM notification_settings WHERE project_id = $1 AND user_id = $2`,
      [projectId, userId],
    );
    return row?.level ?? 'all';
  }

  async choose(userId: string, projectId: string, level: NotificationLevel): Promise<NotificationLevel> {
    await this.projects.requireRole(userId, projectId, 'project.view');
    // The membership's foreign key refuses a row for someone who left meanwhile.
    await this.dataSource.query(
      `INSERT INTO notification_settings (project_id, user_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, user_id) DO UPDATE SET level = excluded.level, updated_at = now()`,
      [projectId, userId, level],
    );
    return level;
  }
}
