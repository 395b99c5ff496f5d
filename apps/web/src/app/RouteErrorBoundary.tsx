import { Component, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { FetchAttempt } from '../lib/on-demand';
import { RouteErrorPage } from './RouteErrorPage';

interface State {
  error: unknown;
  /** The path the error happened on: going to another page tries again. */
  failedAt: string | null;
  /** Moves on each time it tries again, so that a page whose code failed to arrive is fetched again. */
  attempt: number;
}

class ErrorBoundary extends Component<{ path: string; children: ReactNode }, State> {
  override state: State = { error: null, failedAt: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: { path: string }, state: State): Partial<State> | null {
    if (state.failedAt === null) return state.error === null ? null : { failedAt: props.path };
    return props.path === state.failedAt ? null : { error: null, failedAt: null, attempt: state.attempt + 1 };
  }

  override render() {
    return this.state.failedAt === null && this.state.error === null ? (
      <FetchAttempt.Provider value={this.state.attempt}>{this.props.children}</FetchAttempt.Provider>
    ) : (
      <RouteErrorPage error={this.state.error} />
    );
  }
}

/**
 * Last resort for an error no page handled (a render that threw, a page's chunk that would not
 * load): the error page instead of a blank screen, until the person goes to another page.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <ErrorBoundary path={pathname}>{children}</ErrorBoundary>;
}
