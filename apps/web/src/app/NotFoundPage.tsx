import { Link, useLocation } from 'react-router-dom';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <main className="page page-centered">
      <title>Page not found · Cutroom</title>
      <section className="page-message">
        <h1>Page not found</h1>
        <p>
          There is nothing at <code>{location.pathname}</code>. The link may be mistyped, or the page may have
          moved.
        </p>
        <Link className="button" to="/">
          Go to your projects
        </Link>
      </section>
    </main>
  );
}
