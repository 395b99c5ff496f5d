import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type Reply, signUp } from './support/http-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('accounts and sessions', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let anonymous: Caller;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ DATABASE_URL: db.url });
    anonymous = new Caller(api.baseUrl);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('registering signs the person in with an httpOnly, SameSite cookie and a bearer token', async () => {
    const reply = await anonymous.post('/api/auth/register', {
      email: '  Director@Example.COM ',
      password: 'a long password',
      displayName: 'Dee Rector',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ email: 'director@example.com', displayName: 'Dee Rector' });
    const setCookie = reply.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^cutroom_session=[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const cookie = setCookie.split(';')[0];
    const viaCookie = await new Caller(api.baseUrl, { cookie }).get('/api/auth/me');
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.user.email).toBe('director@example.com');
    const viaBearer = await new Caller(api.baseUrl, { token: reply.body.token }).get('/api/auth/me');
    expect(viaBearer.body.user.id).toBe(reply.body.user.id);
  });

  it('stores passwords as argon2id hashes, never as given', async () => {
    const [row] = await db.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE email = 'director@example.com'`,
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('a long password');
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const reply = await anonymous.post('/api/auth/register', {
      email: 'DIRECTOR@example.com',
      password: 'another password',
      displayName: 'Copy',
    });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ statusCode: 409, code: 'email_taken' });
  });

  it('logs in with the right password only, with the same answer for an unknown email', async () => {
    const good = await anonymous.post('/api/auth/login', {
      email: 'director@example.com',
      password: 'a long password',
    });
    expect(good.status).toBe(200);
    expect(good.body.token).toEqual(expect.any(String));
    const wrong = await anonymous.post('/api/auth/login', {
      email: 'director@example.com',
      password: 'nope nope',
    });
    const unknown = await anonymous.post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'nope nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('logging out ends the session for good, and leaves other sessions alone', async () => {
    const first = await signUp(api.baseUrl, 'Editor');
    const second = await new Caller(api.baseUrl).post('/api/auth/login', {
      email: first.user.email,
      password: 'correct horse battery',
    });
    const out = await first.caller.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect((await first.caller.get('/api/auth/me')).status).toBe(401);
    expect((await first.caller.get('/api/projects')).status).toBe(401);
    // Logging out again (another tab, a retried request) is not an error.
    expect((await first.caller.post('/api/auth/logout')).status).toBe(204);
    expect((await anonymous.post('/api/auth/logout')).status).toBe(204);
    const other = new Caller(api.baseUrl, { token: second.body.token });
    expect((await other.get('/api/auth/me')).status).toBe(200);
  });

  it('rejects a missing, malformed or invented token with 401 and the error shape', async () => {
    for (const caller of [anonymous, new Caller(api.baseUrl, { token: 'x'.repeat(43) })]) {
      const reply = await caller.get('/api/projects');
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String),
        code: 'not_signed_in',
        requestId: expect.any(String),
      });
    }
  });

  it('an expired session no longer works', async () => {
    const person = await signUp(api.baseUrl, 'Producer');
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      person.user.id,
    ]);
    expect((await person.caller.get('/api/auth/me')).status).toBe(401);
  });

  it('says which fields are wrong when registering', async () => {
    const reply = await anonymous.post('/api/auth/register', {
      email: 'not-an-email',
      password: 'short',
      extra: 1,
    });
    expect(reply.status).toBe(400);
    const paths = reply.body.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['displayName', 'email', 'extra', 'password']);
  });

  it('refuses the most common passwords and the email itself, saying why', async () => {
    for (const [password, why] of [
      ['password', /most common passwords/],
      ['12345678', /most common passwords/],
      ['Sunshine', /most common passwords/],
      ['weak.person@example.com', /email address/],
      ['weak.person', /email address/],
    ] as const) {
      const reply = await anonymous.post('/api/auth/register', {
        email: 'weak.person@example.com',
        password,
        displayName: 'Weak',
      });
      expect(reply.status).toBe(400);
      expect(reply.body.fields).toEqual([{ path: 'password', message: expect.stringMatching(why) }]);
    }
    const strong = await anonymous.post('/api/auth/register', {
      email: 'weak.person@example.com',
      password: 'copper kettle morning',
      displayName: 'Weak',
    });
    expect(strong.status).toBe(201);
  });
});

describe('sign-in rate limiting', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let second: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Behind a trusted proxy each test speaks from its own address, so budgets do not mix.
    const env = { DATABASE_URL: db.url, AUTH_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'true' };
    api = await startApi(env);
    second = await startApi(env);
  });
  afterAll(async () => {
    await second?.stop();
    await api?.stop();
    await db?.drop();
  });

  const from = (address: string, baseUrl = api.baseUrl) => ({
    post: (path: string, body?: unknown) =>
      new Caller(baseUrl).request('POST', path, body, { 'x-forwarded-for': address }),
    get: (path: string) =>
      new Caller(baseUrl).request('GET', path, undefined, { 'x-forwarded-for': address }),
  });

  it('answers 429 after too many attempts, in the one error shape with a standard Retry-After', async () => {
    const client = from('203.0.113.10');
    const statuses: number[] = [];
    let refused: Reply | undefined;
    for (let i = 0; i < 7; i++) {
      const reply = await client.post('/api/auth/login', {
        email: `x${i}@example.com`,
        password: 'guess' + i,
      });
      statuses.push(reply.status);
      refused = reply;
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(refused?.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/too many attempts/i),
      code: 'rate_limited',
      requestId: expect.any(String),
    });
    const retryAfter = Number(refused?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect([...(refused?.headers.keys() ?? [])].filter((name) => name.startsWith('retry-after'))).toEqual([
      'retry-after',
    ]);
    expect((await client.get('/api/health')).status).toBe(200);
  });

  it('is one budget per address across sign-in, sign-up, and opening and joining a review link', async () => {
    const client = from('203.0.113.20');
    const token = 'a'.repeat(43);
    const statuses = [
      (await client.post('/api/auth/login', { email: 'someone@example.com', password: 'a guess' })).status,
      (
        await client.post('/api/auth/register', {
          email: 'budget@example.com',
          password: 'correct horse battery',
          displayName: 'Budget',
        })
      ).status,
      (await client.get(`/api/share/${token}`)).status,
      (await client.post(`/api/share/${token}/guests`, { name: 'Guessing Guest' })).status,
      (await client.post('/api/auth/login', { email: 'someone@example.com', password: 'another' })).status,
    ];
    expect(statuses).toEqual([401, 201, 404, 404, 401]);
    // Each route had budget left on its own; together the address has spent it.
    expect((await client.get(`/api/share/${token}`)).status).toBe(429);
    expect(
      (
        await client.post('/api/auth/register', {
          email: 'b2@example.com',
          password: 'correct horse battery',
          displayName: 'B',
        })
      ).status,
    ).toBe(429);
    // Another address is untouched.
    expect((await from('203.0.113.21').get(`/api/share/${token}`)).status).toBe(404);
  });

  it('limits sign-in attempts on one account however many addresses they come from', async () => {
    const victim = 'victim@example.com';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const reply = await from(`198.51.100.${i + 1}`).post('/api/auth/login', {
        email: victim,
        password: `guess ${i}`,
      });
      statuses.push(reply.status);
      if (reply.status === 429) expect(reply.body.message).toMatch(/this account/);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Other accounts from a fresh address are not held up by it.
    expect(
      (await from('198.51.100.99').post('/api/auth/login', { email: 'other@example.com', password: 'x' }))
        .status,
    ).toBe(401);
  });

  it('is shared by every api node, so adding nodes does not multiply the budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const node = i % 2 === 0 ? api.baseUrl : second.baseUrl;
      statuses.push((await from('203.0.113.30', node).get(`/api/share/${'b'.repeat(43)}`)).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  });
});

describe('requests from other sites', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let cookie: string;
  let token: string;
  const evil = { origin: 'https://evil.example' };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ DATABASE_URL: db.url });
    const reply = await new Caller(api.baseUrl).post('/api/auth/register', {
      email: 'origin@example.com',
      password: 'correct horse battery',
      displayName: 'Origin',
    });
    cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0];
    token = reply.body.token;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const withCookie = () => new Caller(api.baseUrl, { cookie });

  it("refuses a state change sent with the cookie by another site's page, and changes nothing", async () => {
    const refused = await withCookie().request('POST', '/api/projects', { name: 'Planted' }, evil);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringContaining('https://evil.example'),
      code: 'cross_site_request',
      requestId: expect.any(String),
    });
    const sibling = await withCookie().request(
      'PATCH',
      `/api/projects/${randomUUID()}`,
      { name: 'x' },
      {
        'sec-fetch-site': 'same-site',
      },
    );
    expect(sibling.status).toBe(403);
    expect((await withCookie().get('/api/projects')).body.projects).toEqual([]);
  });

  it('refuses bodiless state changes (sign-out) from another site: the session lives on', async () => {
    const logout = await withCookie().request('POST', '/api/auth/logout', undefined, evil);
    expect(logout.status).toBe(403);
    const crossSite = await withCookie().request('POST', '/api/auth/logout', undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect((await withCookie().get('/api/auth/me')).status).toBe(200);
  });

  it('refuses an upload started with the cookie from another site', async () => {
    const reply = await withCookie().request('POST', '/api/uploads', undefined, {
      ...evil,
      'tus-resumable': '1.0.0',
      'upload-length': '10',
      'upload-metadata': `filename ${Buffer.from('a.mov').toString('base64')},projectId ${Buffer.from(randomUUID()).toString('base64')}`,
    });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('cross_site_request');
  });

  it("accepts Cutroom's own pages (PUBLIC_URL or the host it was reached at), non-browser callers and bearer clients", async () => {
    const port = new URL(api.baseUrl).port;
    const fromPublicUrl = await withCookie().request(
      'POST',
      '/api/projects',
      { name: 'One' },
      {
        origin: `http://localhost:${port}`,
      },
    );
    expect(fromPublicUrl.status).toBe(201);
    const fromSameHost = await withCookie().request(
      'POST',
      '/api/projects',
      { name: 'Two' },
      {
        origin: api.baseUrl,
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(fromSameHost.status).toBe(201);
    expect((await withCookie().post('/api/projects', { name: 'Three' })).status).toBe(201);
    const bearer = await new Caller(api.baseUrl, { token }).request(
      'POST',
      '/api/projects',
      { name: 'Four' },
      evil,
    );
    expect(bearer.status).toBe(201);
  });

  it('refuses a socket handshake that uses the cookie from another site, not one from our pages or with a token', async () => {
    const handshake = (options: { origin: string; useToken?: boolean }) =>
      new Promise<string>((resolve) => {
        const socket = io(api.baseUrl, {
          path: '/socket.io',
          transports: ['websocket'],
          reconnection: false,
          auth: options.useToken ? { token } : {},
          extraHeaders: { cookie, origin: options.origin },
        });
        socket.once('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.once('connect_error', (error) => {
          socket.close();
          resolve(error.message);
        });
      });
    expect(await handshake({ origin: 'https://evil.example' })).toBe('cross-site');
    expect(await handshake({ origin: api.baseUrl })).toBe('connected');
    expect(await handshake({ origin: 'https://evil.example', useToken: true })).toBe('connected');
  });
});
