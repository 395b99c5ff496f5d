import type { Project } from '@cutroom/contracts';
import { can } from '@cutroom/policy';
import { Link } from 'react-router-dom';
import { ProjectApproversSection } from '../approvals/ProjectApproversSection';
import { DeleteProjectSection } from './DeleteProjectSection';
import { LeaveProjectSection } from './LeaveProjectSection';
import { MembersSection } from './MembersSection';
import { NotificationSettingsSection } from './NotificationSettingsSection';
import { RenameProjectForm } from './RenameProjectForm';
import { RoleBadge } from './RoleBadge';
import { WithProject } from './WithProject';

function ProjectSettings({ project }: { project: Project }) {
  return (
    <>
      <title>{`Settings · ${project.name} · Cutroom`}</title>
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            <Link to="/">Projects</Link> / <Link to={`/projects/${project.id}`}>{project.name}</Link>
          </p>
          <h1>Project settings</h1>
          <p className="page-subtitle">
            Your role: <RoleBadge role={project.role} />
          </p>
        </div>
      </div>
      <section className="panel" aria-labelledby="general-heading">
        <h2 id="general-heading">General</h2>
        {can(project.role, 'project.rename') ? (
          <RenameProjectForm project={project} />
        ) : (
          <p className="muted">Only owners and editors can rename this project.</p>
        )}
      </section>
      <NotificationSettingsSection project={project} />
      <MembersSection project={project} />
      <ProjectApproversSection project={project} />
      <LeaveProjectSection project={project} />
      {can(project.role, 'project.delete') && <DeleteProjectSection project={project} />}
    </>
  );
}

export function ProjectSettingsPage() {
  return <WithProject>{(project) => <ProjectSettings project={project} />}</WithProject>;
}
