import { describeError } from '../lib/api-client';

/** Last resort for an error no page handled: say so plainly and offer a way out. */
export function RouteErrorPage({ error }: { error: unknown }) {
  const message = describeError(error);
  return (
    <main className="page page-centered">
      <title>Something went wrong · Cutroom</title>
      <section className="page-message">
        <h1>Something went wrong</h1>
        <p className="form-alert" role="alert">
          {message}
        </p>
        <a className="button" href="/">
          Reload Cutroom
        </a>
      </section>
    </main>
  );
}
