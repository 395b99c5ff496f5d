import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useUploadQueue, useUploads } from './upload-context';
import { formatBytes, targetOfStored, type StoredUpload } from './upload-rules';
import './upload.css';

function InterruptedRow({
  stored,
  projectId,
  assetNames,
  onChanged,
}: {
  stored: StoredUpload;
  projectId: string;
  assetNames: ReadonlyMap<string, string>;
  onChanged: () => void;
}) {
  const queue = useUploadQueue();
  const inputRef = useRef<HTMLInputElement>(null);
  const [mismatch, setMismatch] = useState<string | null>(null);
  const target = targetOfStored(stored, projectId, assetNames);
  const fileName = stored.metadata.filename ?? 'a file';

  function continueWith(file: File) {
    if (file.name !== stored.metadata.filename || (stored.size !== null && file.size !== stored.size)) {
      setMismatch(`That is not ${fileName}${stored.size !== null ? ` (${formatBytes(stored.size)})` : ''}.`);
      return;
    }
    setMismatch(null);
    queue.add([file], target, assetNames);
    onChanged();
  }

  return (
    <li className="upload-row" data-state="interrupted">
      <div className="upload-row-head">
        <span className="upload-file-name">{fileName}</span>
        <span className="muted">
          {target.kind === 'new-version' ? `New version of ${target.assetName}` : 'New cut'} · interrupted
        </span>
      </div>
      <div className="upload-row-foot">
        <span className="muted">Choose the same file again to continue where it stopped.</span>
        <span className="upload-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={`Continue upload of ${fileName}`}
            onClick={() => inputRef.current?.click()}
          >
            Continue…
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Discard upload of ${fileName}`}
            onClick={() => void queue.discard(stored).then(onChanged)}
          >
            Discard
          </button>
        </span>
        <input
          ref={inputRef}
          type="file"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) continueWith(file);
          }}
        />
      </div>
      {mismatch && (
        <p className="field-error" role="alert">
          {mismatch}
        </p>
      )}
    </li>
  );
}

/** Uploads a reload or a closed tab interrupted: this browser remembers them and can continue each one. */
export function InterruptedUploads({
  projectId,
  assetNames,
}: {
  projectId: string;
  assetNames: ReadonlyMap<string, string>;
}) {
  const queue = useUploadQueue();
  const queryClient = useQueryClient();
  // Read again whenever an upload here starts, stops or finishes: each changes what is interrupted.
  const uploadStates = useUploads()
    .map((item) => `${item.id}:${item.state}`)
    .join(',');
  const assetIds = [...assetNames.keys()].sort().join(',');
  const queryKey = ['uploads', 'interrupted', projectId, assetIds, uploadStates];
  const interrupted = useQuery({
    queryKey,
    queryFn: () => queue.interrupted(projectId, new Set(assetNames.keys())),
    staleTime: 0,
  });
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: ['uploads', 'interrupted', projectId] });
  if (!interrupted.data || interrupted.data.length === 0) return null;
  return (
    <section className="upload-list" aria-labelledby="interrupted-heading">
      <h2 id="interrupted-heading">Interrupted uploads</h2>
      <ul>
        {interrupted.data.map((stored) => (
          <InterruptedRow
            key={stored.urlStorageKey}
            stored={stored}
            projectId={projectId}
            assetNames={assetNames}
            onChanged={refresh}
          />
        ))}
      </ul>
    </section>
  );
}
