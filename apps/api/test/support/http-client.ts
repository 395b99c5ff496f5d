import { randomBytes } from 'node:crypto';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A caller of the API: anonymous, or signed in with a bearer token or a cookie. */
export class Caller {
  constructor(
    readonly baseUrl: string,
    readonly auth: { token?: string; cookie?: string } = {},
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.auth.token) allHeaders.authorization = `Bearer ${this.auth.token}`;
    if (this.auth.cookie) allHeaders.cookie = this.auth.cookie;
    let payload: string | undefined;
    if (body !== undefined) {
      allHeaders['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: allHeaders, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

export interface SignedIn {
  caller: Caller;
  user: { id: string; email: string; displayName: string };
  token: string;
}

/** Registers a new person with a unique email and returns a caller signed in as them. */
export async function signUp(baseUrl: string, displayName = 'Person'): Promise<SignedIn> {
  const email = `${displayName.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(4).toString('hex')}@example.com`;
  const reply = await new Caller(baseUrl).post('/api/auth/register', {
    email,
    password: 'correct horse battery',
    displayName,
  });
  if (reply.status !== 201) throw new Error(`register failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return {
    caller: new Caller(baseUrl, { token: reply.body.token }),
    user: reply.body.user,
    token: reply.body.token,
  };
}
