import { Injectable } from '@nestjs/common';
import type { Member, Project, ProjectRole } from '@cutroom/contracts';
import { can, refuseMemberChange, type ProjectAction } from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { announceAccessLost, announceJoined } from '../events/access-lost.js';
import { ProjectMemberEntity } from './project-member.entity.js';
import { ProjectEntity } from './project.entity.js';
import { projectMembers } from './members.repository.js';
import { ProjectsErrorCode, ProjectsException } from './projects.exception.js';

interface ProjectRow {
  id: string;
  name: string;
  role: ProjectRole;
  member_count: string;
  created_at: Date;
  updated_at: Date;
}

/** A member's role changed, or (`after: null`) they left or were removed. */
export interface MembershipChange {
  projectId: string;
  userId: string;
  actorId: string;
  before: ProjectRole;
  after: ProjectRole | null;
}

/** Runs inside the change's transaction, so whatever it records commits (or not) with it. */
export type MembershipListener = (manager: EntityManager, change: MembershipChange) => Promise<void>;

const PROJECT_SELECT = `
  SELECT p.id, p.name, p.created_at, p.updated_at, m.role,
         (SELECT count(*) FROM project_members c WHERE c.project_id = p.id) AS member_count
  FROM projects p
  JOIN project_members m ON m.project_id = p.id AND m.user_id = $1`;

@Injectable()
export class ProjectsService {
  private readonly membershipListeners: MembershipListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  async list(userId: string): Promise<Project[]> {
    const rows: ProjectRow[] = await this.dataSource.query(
      `${PROJECT_SELECT} ORDER BY p.updated_at DESC, p.id`,
      [userId],
    );
    return rows.map(toProject);
  }

  async get(userId: string, projectId: string): Promise<Project> {
    const rows: ProjectRow[] = await this.dataSource.query(`${PROJECT_SELECT} WHERE p.id = $2`, [
      userId,
      projectId,
    ]);
    if (rows.length === 0) throw new ProjectsException(ProjectsErrorCode.ProjectNotFound);
    return toProject(rows[0]);
  }

  /** A project's name, for a caller whose access was checked already (e.g. through an asset). */
  async name(projectId: string): Promise<string> {
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM projects WHERE id = $1`, [
      projectId,
    ]);
    if (rows.length === 0) throw new ProjectsException(ProjectsErrorCode.ProjectNotFound);
    return rows[0].name;
  }

  /**
   * The caller's role, if it allows `action`. Someone outside the project gets "not found",
   * so a project's existence never leaks; a member without the right gets "not allowed".
   */
  async requireRole(
    userId: string,
    projectId: string,
    action: ProjectAction,
    manager?: EntityManager,
  ): Promise<ProjectRole> {
    const membership = await (manager ?? this.dataSource.manager).findOneBy(ProjectMemberEntity, {
      projectId,
      userId,
    });
    if (!membership) throw new ProjectsException(ProjectsErrorCode.ProjectNotFound);
    if (!can(membership.role, action)) throw new ProjectsException(ProjectsErrorCode.NotAllowed);
    return membership.role;
  }

  async create(userId: string, name: string): Promise<Project> {
    const projectId = await this.dataSource.transaction(async (manager) => {
      const project = await manager.save(manager.create(ProjectEntity, { name, createdBy: userId }));
      await manager.insert(ProjectMemberEntity, { projectId: project.id, userId, role: 'owner' });
      return project.id;
    });
    return this.get(userId, projectId);
  }

  async rename(userId: string, projectId: string, name: string): Promise<Project> {
    await this.requireRole(userId, projectId, 'project.rename');
    await this.dataSource
      .getRepository(ProjectEntity)
      .update({ id: projectId }, { name, updatedAt: new Date() });
    return this.get(userId, projectId);
  }

  async delete(userId: string, projectId: string): Promise<void> {
    await retryOnConflict(() => this.deleteOnce(userId, projectId));
  }

  private async deleteOnce(userId: string, projectId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireRole(userId, projectId, 'project.delete', manager);
      const members: { user_id: string }[] = await manager.query(
        `SELECT user_id FROM project_members WHERE project_id = $1`,
        [projectId],
      );
      await manager.delete(ProjectEntity, { id: projectId });
      await announceAccessLost(
        manager,
        projectId,
        members.map((m) => m.user_id),
      );
    });
  }

  async members(userId: string, projectId: string): Promise<Member[]> {
    await this.requireRole(userId, projectId, 'members.view');
    return this.memberRows(this.dataSource.manager, projectId);
  }

  async addMember(userId: string, projectId: string, email: string, role: ProjectRole): Promise<Member> {
    await this.requireRole(userId, projectId, 'members.manage');
    const user = await this.auth.findUserByEmail(email);
    if (!user) throw new ProjectsException(ProjectsErrorCode.NoSuchAccount);
    const inserted = await this.dataSource.query(
      `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [projectId, user.id, role],
    );
    if (inserted.length === 0) throw new ProjectsException(ProjectsErrorCode.AlreadyMember);
    await announceJoined(this.dataSource.manager, { projectId, joinedUserId: user.id });
    return this.member(this.dataSource.manager, projectId, user.id);
  }

  /**
   * Lets a context that depends on who holds which role (approvals: who may decide) act on a
   * membership change in the same transaction, without this context knowing it.
   */
  onMembershipChange(listener: MembershipListener): void {
    this.membershipListeners.push(listener);
  }

  async changeRole(
    userId: string,
    projectId: string,
    targetUserId: string,
    role: ProjectRole,
  ): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.checkChange(manager, userId, projectId, targetUserId, role);
      await manager.update(ProjectMemberEntity, { projectId, userId: targetUserId }, { role });
      if (before !== role) {
        await this.tellListeners(manager, {
          projectId,
          userId: targetUserId,
          actorId: userId,
          before,
          after: role,
        });
      }
      return this.member(manager, projectId, targetUserId);
    });
  }

  async removeMember(userId: string, projectId: string, targetUserId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.checkChange(manager, userId, projectId, targetUserId, null);
      await manager.delete(ProjectMemberEntity, { projectId, userId: targetUserId });
      await announceAccessLost(manager, projectId, [targetUserId]);
      await this.tellListeners(manager, {
        projectId,
        userId: targetUserId,
        actorId: userId,
        before,
        after: null,
      });
    });
  }

  private async tellListeners(manager: EntityManager, change: MembershipChange): Promise<void> {
    for (const listener of this.membershipListeners) await listener(manager, change);
  }

  /**
   * Locks the project's membership so two owners cannot demote each other at the same moment;
   * answers the target's role before the change.
   */
  private async checkChange(
    manager: EntityManager,
    userId: string,
    projectId: string,
    targetUserId: string,
    newRole: ProjectRole | null,
  ): Promise<ProjectRole> {
    const locked: { user_id: string; role: ProjectRole }[] = await manager.query(
      `SELECT user_id, role FROM project_members WHERE project_id = $1 ORDER BY user_id FOR UPDATE`,
      [projectId],
    );
    const actor = locked.find((m) => m.user_id === userId);
    if (!actor) throw new ProjectsException(ProjectsErrorCode.ProjectNotFound);
    const target = locked.find((m) => m.user_id === targetUserId);
    if (!target) {
      throw new ProjectsException(
        can(actor.role, 'members.manage') ? ProjectsErrorCode.MemberNotFound : ProjectsErrorCode.NotAllowed,
      );
    }
    const refusal = refuseMemberChange({
      actor: { userId, role: actor.role },
      target: { userId: targetUserId, role: target.role },
      newRole,
      ownerCount: locked.filter((m) => m.role === 'owner').length,
    });
    if (refusal === 'not_allowed') throw new ProjectsException(ProjectsErrorCode.NotAllowed);
    if (refusal === 'last_owner') throw new ProjectsException(ProjectsErrorCode.LastOwner);
    return target.role;
  }

  /** Everyone in the project (who may be @mentioned): the caller has checked access already. */
  async memberUsers(
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Member['user'][]> {
    return (await this.memberRows(manager, projectId)).map((member) => member.user);
  }

  private async member(manager: EntityManager, projectId: string, userId: string): Promise<Member> {
    const [member] = await this.memberRows(manager, projectId, userId);
    if (!member) throw new ProjectsException(ProjectsErrorCode.MemberNotFound);
    return member;
  }

  private async memberRows(manager: EntityManager, projectId: string, userId?: string): Promise<Member[]> {
    return (await projectMembers(manager, projectId, userId)).map((row) => ({
      user: { id: row.userId, email: row.email, displayName: row.displayName },
      role: row.role,
      addedAt: row.addedAt.toISOString(),
    }));
  }
}

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    memberCount: Number(row.member_count),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
