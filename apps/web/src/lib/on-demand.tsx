import {
  Component,
  createContext,
  createElement,
  lazy,
  Suspense,
  useContext,
  type ComponentType,
  type ReactNode,
} from 'react';

/**
 * Which attempt at fetching on-demand code this part of the page is on. A boundary that shows a
 * failure moves it on when the person tries again, so the code is fetched again: React.lazy on
 * its own keeps a failed fetch until the page is reloaded.
 */
export const FetchAttempt = createContext(0);

/**
 * A component whose code is fetched the first time it is shown, and again after a failed fetch
 * once the boundary around it (OnDemand, or the app's RouteErrorBoundary) has moved to a new
 * attempt. Never in a loop: a failure stays shown until someone asks again.
 */
export function onDemand<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  let attempt = -1;
  let failed = false;
  let component: ComponentType<Props> | null = null;
  function OnDemandComponent(props: Props) {
    const current = useContext(FetchAttempt);
    // Code that arrived stays: only a failed fetch is tried again, on a new attempt.
    if (component === null || (failed && attempt !== current)) {
      attempt = current;
      failed = false;
      component = lazy(async () => {
        try {
          return { default: await load() };
        } catch (error) {
          failed = true;
          throw error;
        }
      });
    }
    return createElement(component, props);
  }
  return OnDemandComponent;
}

interface BoundaryState {
  failed: boolean;
  attempt: number;
}

/**
 * Around a part of a page whose code is fetched on demand: `loading` while it arrives, and if it
 * cannot be fetched (the connection dropped, or Cutroom was updated since the page was opened) a
 * short notice with Try again in its place, while the rest of the page goes on working.
 */
export class OnDemand extends Component<
  {
    /** Shown while the code arrives. */
    loading: ReactNode;
    /** What failed to load, as the start of a sentence: "The activity feed". */
    what: string;
    /** The class of the box the failure notice is shown in (the part's own, to sit where it would). */
    className?: string;
    children: ReactNode;
  },
  BoundaryState
> {
  override state: BoundaryState = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  override render() {
    if (this.state.failed)
      return (
        <div className={this.props.className}>
          <p className="form-alert" role="alert">
            {this.props.what} could not be loaded. Check the connection, then try again.{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() => this.setState(({ attempt }) => ({ failed: false, attempt: attempt + 1 }))}
            >
              Try again
            </button>
          </p>
        </div>
      );
    return (
      <FetchAttempt.Provider value={this.state.attempt}>
        <Suspense fallback={this.props.loading}>{this.props.children}</Suspense>
      </FetchAttempt.Provider>
    );
  }
}
