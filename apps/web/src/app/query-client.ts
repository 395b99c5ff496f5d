import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../lib/api-client';
import { isSessionKey, markSessionExpired } from '../features/auth/session-queries';

/** Client errors will not change on retry; network failures and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiRequestError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    // A 401 anywhere but the sign-in calls means the session ended mid-visit.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiRequestError(error, 401) && !isSessionKey(query.queryKey)) markSessionExpired(queryClient);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiRequestError(error, 401) && !isSessionKey(mutation.options.mutationKey)) {
          markSessionExpired(queryClient);
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
