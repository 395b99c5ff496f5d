import type { Project } from '@cutroom/contracts';
import { useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { FormAlert } from '../../lib/form-controls';
import type { DepartureNotice } from './departure-notice';
import { useDeleteProject, useForgetProject } from './project-queries';

export function DeleteProjectSection({ project }: { project: Project }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const deleteProject = useDeleteProject(project.id);
  const forgetProject = useForgetProject();

  function confirmDelete() {
    deleteProject.mutate(undefined, {
      onSuccess: () => {
        dialogRef.current?.close();
        const state: DepartureNotice = { notice: `Deleted “${project.name}”.` };
        navigate('/', { replace: true, state });
        forgetProject(project.id);
      },
    });
  }

  return (
    <section className="panel panel-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete project</h2>
      <p className="muted">Deleting removes the project for every member. It cannot be undone.</p>
      <button type="button" className="button button-danger" onClick={() => dialogRef.current?.showModal()}>
        Delete project
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby="delete-dialog-heading"
        onClose={() => deleteProject.reset()}
      >
        <h2 id="delete-dialog-heading">Delete “{project.name}”?</h2>
        <p>
          {project.memberCount === 1
            ? 'The project is removed. This cannot be undone.'
            : `The project is removed for all ${project.memberCount} members. This cannot be undone.`}
        </p>
        <FormAlert message={deleteProject.error ? describeError(deleteProject.error) : null} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={deleteProject.isPending}
            onClick={confirmDelete}
          >
            Delete permanently
          </button>
        </div>
      </dialog>
    </section>
  );
}
