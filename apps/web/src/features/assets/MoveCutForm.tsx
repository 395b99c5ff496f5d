import type { Asset, MovedAsset } from '@cutroom/contracts';
import { moveTargets } from '@cutroom/policy';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../lib/api-client';
import { FormAlert, SelectField } from '../../lib/form-controls';
import { useProjects } from '../projects/project-queries';
import { assetKeys } from './asset-queries';
import { moveAsset } from './assets-api';

/**
 * "Move to project…" on a cut's card: a picker of the other projects where I may add cuts. The cut
 * leaves this grid and joins the other one for everyone watching, through `asset.moved`.
 */
export function MoveCutForm({ asset, onDone }: { asset: Asset; onDone: () => void }) {
  const queryClient = useQueryClient();
  const projects = useProjects();
  const targets = moveTargets(projects.data ?? [], asset.projectId);
  const [chosen, setChosen] = useState('');
  const target = targets.find((project) => project.id === chosen) ?? targets[0];
  const [moved, setMoved] = useState<MovedAsset | null>(null);
  const move = useMutation({
    mutationFn: (projectId: string) => moveAsset(asset.id, asset.projectId, projectId),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: assetKeys.list(asset.projectId) });
      void queryClient.invalidateQueries({ queryKey: assetKeys.list(result.asset.projectId) });
      if (result.approversRemoved.length === 0) onDone();
      else setMoved(result);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (target) move.mutate(target.id);
  }

  if (moved) {
    const names = moved.approversRemoved.map((person) => person.displayName).join(', ');
    return (
      <div className="cut-move-done" role="status">
        <p>
          Moved. {names} {moved.approversRemoved.length === 1 ? 'is' : 'are'} not in that project as an
          approver, so {moved.approversRemoved.length === 1 ? 'was' : 'were'} taken off this cut’s approvers.
        </p>
        <button type="button" className="button button-small" onClick={onDone} autoFocus>
          OK
        </button>
      </div>
    );
  }
  if (projects.isPending) return <p role="status">Loading projects…</p>;
  if (!target) {
    return (
      <div className="cut-move-none">
        <p>There is no other project where you can add cuts.</p>
        <button type="button" className="button button-small button-ghost" onClick={onDone} autoFocus>
          Close
        </button>
      </div>
    );
  }
  return (
    <form className="form cut-move-form" onSubmit={submit} noValidate aria-label={`Move ${asset.name}`}>
      <SelectField
        label="Move to project"
        name="projectId"
        value={target.id}
        options={targets.map((project) => ({ value: project.id, label: project.name }))}
        onChange={setChosen}
      />
      <p className="field-hint">
        Its versions, notes and decisions go with it. This project’s review links stop showing it.
      </p>
      <div className="cut-menu-buttons">
        <button type="submit" className="button button-small button-primary" disabled={move.isPending}>
          Move cut
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      <FormAlert message={move.error ? describeError(move.error) : null} />
    </form>
  );
}
