import { PROJECT_NAME_MAX, renameProjectBodySchema, type FieldError, type Project } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { FormAlert, FormStatus, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { useRenameProject } from './project-queries';

const INPUTS = ['name'] as const;

export function RenameProjectForm({ project }: { project: Project }) {
  const renameProject = useRenameProject(project.id);
  const [name, setName] = useState(project.name);
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(renameProject.error, INPUTS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(renameProjectBodySchema, { name });
    if (!checked.ok) {
      renameProject.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    renameProject.mutate(checked.body, { onSuccess: (renamed) => setName(renamed.name) });
  }

  function edit(value: string) {
    setName(value);
    if (renameProject.isSuccess) renameProject.reset();
  }

  return (
    <form className="form form-inline" onSubmit={submit} noValidate>
      <TextField
        label="Project name"
        name="name"
        value={name}
        onChange={edit}
        error={errors.byField.name}
        maxLength={PROJECT_NAME_MAX}
      />
      <button type="submit" className="button button-primary" disabled={renameProject.isPending}>
        Save
      </button>
      <FormAlert message={errors.form} />
      <FormStatus message={renameProject.isSuccess ? 'Saved.' : null} />
    </form>
  );
}
