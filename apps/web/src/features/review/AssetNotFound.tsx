import { Link } from 'react-router-dom';

/** A cut that does not exist, was deleted, or is in a project the person is not a member of. */
export function AssetNotFound() {
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
