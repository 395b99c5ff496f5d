import type { Project } from '@cutroom/contracts';
import { can } from '@cutroom/policy';
import { Link } from 'react-router-dom';
import { AssetsSection } from '../assets/AssetsSection';
import { ReviewLinksSection } from '../sharing/ReviewLinksSection';
import { RoleBadge } from './RoleBadge';
import { WithProject } from './WithProject';

function ProjectOverview({ project }: { project: Project }) {
  return (
    <>
      <title>{`${project.name} · Cutroom`}</title>
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            <Link to="/">Projects</Link>
          </p>
          <h1>{project.name}</h1>
          <p className="page-subtitle">
            Your role: <RoleBadge role={project.role} /> · {project.memberCount}{' '}
            {project.memberCount === 1 ? 'member' : 'members'}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button" to={`/projects/${project.id}/rounds`}>
            Rounds
          </Link>
          <Link className="button" to={`/projects/${project.id}/settings`}>
            Project settings
          </Link>
        </div>
      </div>
      <AssetsSection project={project} />
      {can(project.role, 'links.manage') && <ReviewLinksSection projectId={project.id} />}
    </>
  );
}

export function ProjectPage() {
  return <WithProject>{(project) => <ProjectOverview project={project} />}</WithProject>;
}
