import { Link, useLocation } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { CreateProjectForm } from './CreateProjectForm';
import { RoleBadge } from './RoleBadge';
import { departureNotice } from './departure-notice';
import { useProjects } from './project-queries';
import './projects.css';

function ProjectList() {
  const projects = useProjects();
  if (projects.isPending) return <p role="status">Loading projects…</p>;
  if (projects.isError) {
    return (
      <div>
        <p className="form-alert" role="alert">
          {describeError(projects.error)}
        </p>
        <button type="button" className="button" onClick={() => projects.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (projects.data.length === 0) {
    return (
      <div className="empty-state">
        <h2>No projects yet</h2>
        <p>Create a project above, then invite the people who review your cuts.</p>
      </div>
    );
  }
  return (
    <ul className="project-grid" aria-label="Your projects">
      {projects.data.map((project) => (
        <li key={project.id}>
          <Link className="project-card" to={`/projects/${project.id}`}>
            <span className="project-card-name">{project.name}</span>
            <span className="project-card-meta">
              <RoleBadge role={project.role} />
              <span>
                {project.memberCount} {project.memberCount === 1 ? 'member' : 'members'}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function ProjectListPage() {
  const location = useLocation();
  const notice = departureNotice(location.state);
  return (
    <>
      <title>Projects · Cutroom</title>
      <div className="page-heading">
        <h1>Projects</h1>
      </div>
      {notice && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}
      <section className="panel" aria-labelledby="new-project-heading">
        <h2 id="new-project-heading">New project</h2>
        <CreateProjectForm />
      </section>
      <section aria-label="Project list">
        <ProjectList />
      </section>
    </>
  );
}
