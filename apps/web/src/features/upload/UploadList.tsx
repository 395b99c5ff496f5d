import { OnDemand, onDemand } from '../../lib/on-demand';
import { useUploads } from './upload-context';
import './upload.css';

const UploadListView = onDemand(async () => (await import('./UploadListView')).UploadListView);

/**
 * This tab's uploads into the project (or, given `assetId`, as new versions of that cut), live.
 * Nothing while there are none: the rows' code is fetched with the first upload shown.
 */
export function UploadList({ projectId, assetId }: { projectId: string; assetId?: string }) {
  const uploads = useUploads().filter(
    (item) =>
      item.target.projectId === projectId &&
      (assetId === undefined || (item.target.kind === 'new-version' && item.target.assetId === assetId)),
  );
  if (uploads.length === 0) return null;
  return (
    <OnDemand what="The list of uploads" loading={null}>
      <UploadListView projectId={projectId} uploads={uploads} />
    </OnDemand>
  );
}
