import { uuidParamSchema, type Project } from '@cutroom/contracts';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { describeError, isApiRequestError } from '../../lib/api-client';
import { ProjectNotFound } from './ProjectNotFound';
import { useProject } from './project-queries';

function LoadedProject({
  projectId,
  children,
}: {
  projectId: string;
  children: (project: Project) => ReactNode;
}) {
  const project = useProject(projectId);
  if (project.data) return children(project.data);
  if (project.isError) {
    const { error } = project;
    if (isApiRequestError(error, 404) || isApiRequestError(error, 403)) return <ProjectNotFound />;
    return (
      <section className="page-message">
        <h1>Could not load this project</h1>
        <p className="form-alert" role="alert">
          {describeError(error)}
        </p>
        <button type="button" className="button" onClick={() => project.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  return <p role="status">Loading project…</p>;
}

/** Resolves the `:projectId` route parameter to a project the caller can see, or says why not. */
export function WithProject({ children }: { children: (project: Project) => ReactNode }) {
  const { projectId } = useParams();
  // A malformed id can never name a project: no need to ask the server.
  if (projectId === undefined || !uuidParamSchema.safeParse(projectId).success) return <ProjectNotFound />;
  return (
    <LoadedProject key={projectId} projectId={projectId}>
      {children}
    </LoadedProject>
  );
}
