import { createProjectBodySchema, PROJECT_NAME_MAX, type FieldError } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { useCreateProject } from './project-queries';

const INPUTS = ['name'] as const;

export function CreateProjectForm() {
  const navigate = useNavigate();
  const createProject = useCreateProject();
  const [name, setName] = useState('');
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(createProject.error, INPUTS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(createProjectBodySchema, { name });
    if (!checked.ok) {
      createProject.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    createProject.mutate(checked.body, {
      onSuccess: (project) => navigate(`/projects/${project.id}`),
    });
  }

  return (
    <form className="form form-inline" onSubmit={submit} noValidate>
      <TextField
        label="Project name"
        name="name"
        value={name}
        onChange={setName}
        error={errors.byField.name}
        maxLength={PROJECT_NAME_MAX}
      />
      <button type="submit" className="button button-primary" disabled={createProject.isPending}>
        Create project
      </button>
      <FormAlert message={errors.form} />
    </form>
  );
}
