import { Link } from 'react-router-dom';

/** Shown for a project that does not exist or that the person is not a member of: the API does not say which. */
export function ProjectNotFound() {
  return (
    <section className="page-message">
      <title>Project not found · Cutroom</title>
      <h1>Project not found</h1>
      <p>
        This project does not exist, or you are not a member of it. If someone shared it with you, ask one of
        its owners to add you.
      </p>
      <Link className="button" to="/">
        Back to your projects
      </Link>
    </section>
  );
}
