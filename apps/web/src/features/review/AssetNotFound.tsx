import { Link } from 'react-router-dom';
import { useGuestAccess } from '../auth/session-queries';

/**
 * A cut that does not exist, was deleted, was moved where the person cannot follow, or is in a
 * project they are not a member of. A guest is told in terms of their link, and sent back to it.
 */
export function AssetNotFound() {
  const guest = useGuestAccess();
  if (guest) {
    return (
      <section className="page-message">
        <title>Cut not available · Cutroom</title>
        <h1>This cut is no longer shared with you</h1>
        <p>
          The cut was deleted, moved, or taken off the review link you came by. Ask the person who sent you
          the link to share it again.
        </p>
        <Link className="button" to="/shared">
          Back to what is shared with you
        </Link>
      </section>
    );
  }
  return (
    <section className="page-message">
      <title>Cut not found · Cutroom</title>
      <h1>Cut not found</h1>
      <p>
        This cut does not exist, was deleted, or belongs to a project you are not a member of. If someone
        shared it with you, ask one of the project&apos;s owners to add you.
      </p>
      <Link className="button" to="/">
        Back to your projects
      </Link>
    </section>
  );
}
