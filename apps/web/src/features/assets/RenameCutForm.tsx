import { ASSET_NAME_MAX, renameAssetBodySchema, type Asset, type FieldError } from '@cutroom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { renameAsset } from './assets-api';
import { assetKeys } from './asset-queries';

const INPUTS = ['name'] as const;

/** A cut's new name, typed on its card; everyone else's grid follows through `asset.renamed`. */
export function RenameCutForm({ asset, onDone }: { asset: Asset; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(asset.name);
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);
  const rename = useMutation({
    mutationFn: (newName: string) => renameAsset(asset.id, newName),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: assetKeys.list(asset.projectId) });
      onDone();
    },
  });
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(rename.error, INPUTS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(renameAssetBodySchema, { name });
    if (!checked.ok) {
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    rename.mutate(checked.body.name);
  }

  return (
    <form className="form cut-rename-form" onSubmit={submit} noValidate aria-label={`Rename ${asset.name}`}>
      <TextField
        label="Cut name"
        name="name"
        value={name}
        onChange={setName}
        error={errors.byField.name}
        maxLength={ASSET_NAME_MAX}
        autoFocus
      />
      <div className="cut-menu-buttons">
        <button type="submit" className="button button-small button-primary" disabled={rename.isPending}>
          Save name
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      <FormAlert message={errors.form} />
    </form>
  );
}
