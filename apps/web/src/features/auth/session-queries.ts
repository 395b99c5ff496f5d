import type {
  GuestAccess,
  LinkEnded,
  LoginBody,
  RegisterBody,
  SessionResponse,
  User,
} from '@cutroom/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../../lib/api-client';
import { fetchCurrentUser, login, logout, register } from './auth-api';

export type Session =
  /**
   * `guest` is set for someone visiting through a review link: what the link lets them do.
   * `linkEnded`: their link was turned off or ran out mid-visit; the page stays (with whatever
   * they were writing) under a notice saying so.
   */
  | { status: 'signed-in'; user: User; guest: GuestAccess | null; linkEnded?: LinkEnded['reason'] }
  /**
   * `expired`: a request was refused mid-visit; `link-ended`: the same for a guest, whose review
   * link expired or was turned off; `logged-out`: the person chose to leave.
   */
  | { status: 'signed-out'; reason: 'no-session' | 'expired' | 'link-ended' | 'logged-out' };

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  login: () => [...sessionKeys.all, 'login'] as const,
  register: () => [...sessionKeys.all, 'register'] as const,
  logout: () => [...sessionKeys.all, 'logout'] as const,
};

export function isSessionKey(key: readonly unknown[] | undefined): boolean {
  return key?.[0] === sessionKeys.all[0];
}

const currentSessionQuery = queryOptions({
  queryKey: sessionKeys.current(),
  queryFn: async ({ signal }): Promise<Session> => {
    try {
      const { user, guest } = await fetchCurrentUser(signal);
      return { status: 'signed-in', user, guest };
    } catch (error) {
      if (isApiRequestError(error, 401)) return { status: 'signed-out', reason: 'no-session' };
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

function setSession(queryClient: QueryClient, session: Session) {
  queryClient.setQueryData(currentSessionQuery.queryKey, session);
}

export function useSession() {
  return useQuery(currentSessionQuery);
}

/** The signed-in user; only for components rendered inside RequireSession. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (data?.status !== 'signed-in') throw new Error('useCurrentUser is only usable inside RequireSession');
  return data.user;
}

/** The review link a guest came by, or null for a member; only inside RequireSession. */
export function useGuestAccess(): GuestAccess | null {
  const { data } = useSession();
  if (data?.status !== 'signed-in') throw new Error('useGuestAccess is only usable inside RequireSession');
  return data.guest;
}

/**
 * Called when a request reveals the session has ended, so the app sends the person to sign in; a
 * guest stays on the page, told their link has ended.
 */
export function markSessionExpired(queryClient: QueryClient) {
  const current = queryClient.getQueryData(currentSessionQuery.queryKey);
  if (current?.status !== 'signed-in') return;
  if (current.guest) markLinkEnded(queryClient, current.linkEnded ?? 'revoked');
  else setSession(queryClient, { status: 'signed-out', reason: 'expired' });
}

/** A guest's link was turned off or ran out: the page stays, under a notice. */
export function markLinkEnded(queryClient: QueryClient, reason: LinkEnded['reason']) {
  const current = queryClient.getQueryData(currentSessionQuery.queryKey);
  if (current?.status === 'signed-in' && current.guest && current.linkEnded !== reason)
    setSession(queryClient, { ...current, linkEnded: reason });
}

/** The link's makers changed what it grants: the page follows at once. */
export function updateGuestAccess(queryClient: QueryClient, guest: GuestAccess) {
  const current = queryClient.getQueryData(currentSessionQuery.queryKey);
  if (current?.status === 'signed-in' && current.guest?.linkId === guest.linkId)
    setSession(queryClient, { ...current, guest });
}

/**
 * Asks again whether a guest's session works (their link turned back on): true, and the page carries
 * on live, if so; false, and the page stays as it is, if not.
 */
export async function recheckGuestSession(queryClient: QueryClient): Promise<boolean> {
  try {
    const { user, guest } = await fetchCurrentUser();
    setSession(queryClient, { status: 'signed-in', user, guest });
    void queryClient.invalidateQueries({ predicate: (query) => !isSessionKey(query.queryKey) });
    return true;
  } catch (error) {
    if (isApiRequestError(error, 401)) return false;
    throw error;
  }
}

function forgetOtherUsersData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => !isSessionKey(query.queryKey) });
}

/** A new person in this tab (signed in, registered, or a guest through a link): nobody else's data stays. */
export function startSession(
  queryClient: QueryClient,
  session: Pick<SessionResponse, 'user'> & { guest?: GuestAccess },
) {
  forgetOtherUsersData(queryClient);
  setSession(queryClient, { status: 'signed-in', user: session.user, guest: session.guest ?? null });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sessionKeys.login(),
    mutationFn: (body: LoginBody) => login(body),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sessionKeys.register(),
    mutationFn: (body: RegisterBody) => register(body),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sessionKeys.logout(),
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        // A session that already ended is as good as logged out.
        if (!isApiRequestError(error, 401)) throw error;
      }
    },
    onSuccess: () => {
      setSession(queryClient, { status: 'signed-out', reason: 'logged-out' });
      forgetOtherUsersData(queryClient);
    },
  });
}
