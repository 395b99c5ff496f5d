const SIGN_IN_PATHS = ['/login', '/register'];
const PARSE_BASE = 'http://cutroom.invalid';

/**
 * Where to send someone after they sign in. Only a path on this site is accepted (never
 * `//evil.example` or `https://…`), and never the sign-in pages themselves.
 */
export function safeReturnPath(requested: string | null | undefined): string {
  if (!requested || !requested.startsWith('/') || requested.startsWith('//') || requested.startsWith('/\\')) {
    return '/';
  }
  let url: URL;
  try {
    url = new URL(requested, PARSE_BASE);
  } catch {
    return '/';
  }
  if (url.origin !== PARSE_BASE) return '/';
  if (SIGN_IN_PATHS.includes(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A sign-in page's address that brings the person back to `returnPath` afterwards. */
export function signInPagePath(page: '/login' | '/register', returnPath: string): string {
  const safe = safeReturnPath(returnPath);
  return safe === '/' ? page : `${page}?next=${encodeURIComponent(safe)}`;
}
