import { Navigate } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { useProjectRoom } from '../../lib/realtime/realtime-context';
import { AssetCard } from '../assets/AssetCard';
import { useGuestAccess } from '../auth/session-queries';
import { ProjectListPage } from '../projects/ProjectListPage';
import { describePermissions } from './permission-words';
import { useSharedAssets, useSharedReview } from './sharing-queries';
import { formatDateTime } from '../../lib/dates';

/** Follows the project's room: only for a link that shows the whole project. */
function FollowProject({ projectId }: { projectId: string }) {
  useProjectRoom(projectId);
  return null;
}

/** `/shared`: a guest's home — the cuts their link shows, and what they may do with them. */
export function SharedHomePage() {
  const guest = useGuestAccess();
  const shared = useSharedReview(guest !== null);
  const listed = useSharedAssets(shared.data?.project.id);
  if (!guest) return <Navigate to="/" replace />;
  if (shared.error) {
    return (
      <section className="page-message">
        <h1>Could not load what was shared</h1>
        <p className="form-alert" role="alert">
          {describeError(shared.error)}
        </p>
        <button type="button" className="button" onClick={() => shared.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  if (!shared.data) return <p role="status">Loading…</p>;
  const { project, label, allAssets } = shared.data;
  const assets = listed.data ?? shared.data.assets;
  return (
    <>
      <title>{`${label} · Cutroom`}</title>
      {allAssets && <FollowProject projectId={project.id} />}
      <div className="page-heading">
        <div>
          <p className="breadcrumb">Shared with you from {project.name}</p>
          <h1>{label}</h1>
          <p className="page-subtitle" data-testid="guest-permissions">
            {describePermissions(guest.permissions)}
            {guest.expiresAt && ` This link is open until ${formatDateTime(guest.expiresAt)}.`}
          </p>
        </div>
      </div>
      {assets.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing here yet</h2>
          <p>No cuts have been added to what was shared with you.</p>
        </div>
      ) : (
        <ul className="asset-grid" aria-label="Cuts">
          {assets.map((asset) => (
            <AssetCard key={asset.id} asset={asset} />
          ))}
        </ul>
      )}
    </>
  );
}

/** `/`: members see their projects; a guest goes to what was shared with them. */
export function HomePage() {
  const guest = useGuestAccess();
  return guest ? <Navigate to="/shared" replace /> : <ProjectListPage />;
}
