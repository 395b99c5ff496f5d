import type { Project } from '@cutroom/contracts';
import { Link } from 'react-router-dom';
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
        <Link className="button" to={`/projects/${project.id}/settings`}>
          Project settings
        </Link>
      </div>
      <section className="empty-state empty-state-large" aria-labelledby="assets-heading">
        <h2 id="assets-heading">No cuts here yet</h2>
        <p>
          Uploading cuts, frame-accurate notes and approvals arrive with media support in the next release of
          Cutroom. Until then you can set up this project and invite the people who will review it.
        </p>
        <Link to={`/projects/${project.id}/settings`}>Manage members</Link>
      </section>
    </>
  );
}

export function ProjectPage() {
  return <WithProject>{(project) => <ProjectOverview project={project} />}</WithProject>;
}
