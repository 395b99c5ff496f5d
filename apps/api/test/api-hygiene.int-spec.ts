import { randomUUID } from 'node:crypto';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('API hygiene', () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('reports health with the database status', async () => {
    const reply = await new Caller(api.baseUrl).get('/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
      version: expect.any(String),
    });
  });

  it('publishes an OpenAPI document describing every route, with its body schema', async () => {
    const reply = await new Caller(api.baseUrl).get('/api/docs-json');
    expect(reply.status).toBe(200);
    const routes = Object.entries(reply.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/ready',
        'POST /api/auth/register',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/auth/me',
        'GET /api/projects',
        'POST /api/projects',
        'GET /api/projects/{projectId}',
        'PATCH /api/projects/{projectId}',
        'DELETE /api/projects/{projectId}',
        'GET /api/projects/{projectId}/members',
        'POST /api/projects/{projectId}/members',
        'PATCH /api/projects/{projectId}/members/{userId}',
        'DELETE /api/projects/{projectId}/members/{userId}',
        'GET /api/projects/{projectId}/assets',
        'POST /api/projects/{projectId}/assets',
        'GET /api/assets/{assetId}',
        'PATCH /api/assets/{assetId}',
        'DELETE /api/assets/{assetId}',
        'POST /api/assets/{assetId}/move',
        'GET /api/projects/{projectId}/deleted-assets',
        'POST /api/deleted-assets/{assetId}/restore',
        'DELETE /api/deleted-assets/{assetId}',
        'GET /api/assets/{assetId}/versions',
        'GET /api/versions/{versionId}',
        'DELETE /api/versions/{versionId}',
        'GET /api/versions/{versionId}/media/{file}',
        'GET /api/versions/{versionId}/original',
        'POST /api/versions/{versionId}/retry',
        'GET /api/versions/{versionId}/frame-map',
        'GET /api/versions/{versionId}/comments',
        'POST /api/versions/{versionId}/comments',
        'PATCH /api/comments/{commentId}',
        'DELETE /api/comments/{commentId}',
        'POST /api/comments/{commentId}/resolve',
        'POST /api/comments/{commentId}/reopen',
        'POST /api/comments/{commentId}/reactions',
        'DELETE /api/comments/{commentId}/reactions/{emoji}',
        'POST /api/versions/{versionId}/decisions',
        'GET /api/versions/{versionId}/decisions',
        'GET /api/versions/{versionId}/approval',
        'GET /api/assets/{assetId}/approval',
        'GET /api/projects/{projectId}/approvals',
        'GET /api/projects/{projectId}/approvers',
        'PUT /api/projects/{projectId}/approvers',
        'GET /api/assets/{assetId}/approvers',
        'PUT /api/assets/{assetId}/approvers',
        'GET /api/versions/{versionId}/carried-over',
        'PUT /api/versions/{versionId}/carried-over/{commentId}/addressed',
        'DELETE /api/versions/{versionId}/carried-over/{commentId}/addressed',
        'GET /api/assets/{assetId}/rounds',
        'GET /api/projects/{projectId}/rounds',
        'GET /api/rounds',
        'GET /api/versions/{versionId}/due-date',
        'PUT /api/versions/{versionId}/due-date',
        'PUT /api/assets/{assetId}/due-date',
        'GET /api/assets/{assetId}/round-history',
        'GET /api/assets/{assetId}/live-sessions',
        'GET /api/versions/{versionId}/export/{format}',
        'GET /api/activity',
        'GET /api/activity/unread-count',
        'POST /api/activity/read',
        'POST /api/activity/{itemId}/read',
        'POST /api/projects/{projectId}/links',
        'GET /api/projects/{projectId}/links',
        'POST /api/projects/{projectId}/links/{linkId}/revoke',
        'POST /api/projects/{projectId}/links/{linkId}/enable',
        'GET /api/projects/{projectId}/links/{linkId}/address',
        'PATCH /api/projects/{projectId}/links/{linkId}',
        'GET /api/share',
        'GET /api/share/{token}',
        'POST /api/share/{token}/guests',
        'GET /api/projects/{projectId}/notification-settings',
        'PUT /api/projects/{projectId}/notification-settings',
        'POST /api/projects/{projectId}/invitations',
        'GET /api/projects/{projectId}/invitations',
        'DELETE /api/projects/{projectId}/invitations/{invitationId}',
        'GET /api/invitations/{token}',
        'POST /api/invitations/{token}/accept',
        'POST /api/uploads',
        'HEAD /api/uploads/{uploadId}',
        'PATCH /api/uploads/{uploadId}',
        'DELETE /api/uploads/{uploadId}',
      ].sort(),
    );
    const register = reply.body.paths['/api/auth/register'].post;
    const schema = register.requestBody.content['application/json'].schema;
    expect(schema.required.sort()).toEqual(['displayName', 'email', 'password']);
    expect(schema.properties.password.minLength).toBe(8);
    expect((await new Caller(api.baseUrl).get('/api/docs')).status).toBe(200);
  });

  it('answers bad JSON, oversized bodies and unknown routes with the one error shape', async () => {
    const person = await signUp(api.baseUrl, 'Tester');
    const broken = await person.caller.request('POST', '/api/projects', '{"name":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });

    const huge = await person.caller.post('/api/projects', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, message: expect.any(String) });

    const unknown = await person.caller.get('/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });

    const wrongType = await person.caller.post('/api/projects', [1, 2, 3]);
    expect(wrongType.status).toBe(400);
  });

  it('answers a body that is not JSON (text, a form) with 415 saying to send JSON, and makes nothing', async () => {
    const person = await signUp(api.baseUrl, 'Sender');
    for (const [type, body] of [
      ['text/plain', '{"name":"As text"}'],
      ['application/x-www-form-urlencoded', 'name=As+form'],
    ]) {
      const response = await fetch(`${api.baseUrl}/api/projects`, {
        method: 'POST',
        headers: { authorization: `Bearer ${person.token}`, 'content-type': type },
        body,
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: expect.stringContaining('application/json'),
        code: 'unsupported_media_type',
        requestId: expect.any(String),
      });
    }
    expect((await person.caller.get('/api/projects')).body.projects).toEqual([]);
  });

  it('answers NUL or a lone surrogate in any text field of any route with a 400 naming the field', async () => {
    const person = await signUp(api.baseUrl, 'Typist');
    const doc = (await new Caller(api.baseUrl).get('/api/docs-json')).body;
    const probed: string[] = [];
    for (const [template, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => PARAM_SAMPLES[name] ?? randomUUID());
        for (const field of freeTextFields(schema)) {
          for (const bad of ['a\u0000b', 'a\uD800b']) {
            const reply = await person.caller.request(method.toUpperCase(), path, { [field]: bad });
            probed.push(`${method.toUpperCase()} ${template} ${field}`);
            expect({ route: `${method} ${template}`, field, status: reply.status }).toEqual({
              route: `${method} ${template}`,
              field,
              status: 400,
            });
            expect(reply.body.fields).toContainEqual({
              path: field,
              message: expect.stringMatching(/control characters|Unicode|must be an email address/),
            });
          }
        }
      }
    }
    // The walk found the fields the issue names, so it cannot pass by finding nothing.
    expect(probed).toEqual(
      expect.arrayContaining([
        'POST /api/versions/{versionId}/comments body',
        'POST /api/versions/{versionId}/decisions note',
        'POST /api/projects/{projectId}/links label',
        'POST /api/share/{token}/guests name',
        'POST /api/auth/register displayName',
        'POST /api/projects name',
      ]),
    );

    // A text path parameter that reaches SQL: the emoji of a reaction.
    const reaction = await person.caller.delete(
      `/api/comments/${randomUUID()}/reactions/${encodeURIComponent('👍\u0000')}`,
    );
    expect(reaction.status).toBe(400);
    expect(reaction.body.fields).toContainEqual({
      path: '',
      message: expect.stringMatching(/control characters/),
    });
  });

  it('reads an id written in capitals as the same id, on every route that takes one and in bodies', async () => {
    const owner = await signUp(api.baseUrl, 'Capital Owner');
    const reviewer = await signUp(api.baseUrl, 'Capital Reviewer');
    const projectId: string = (await owner.caller.post('/api/projects', { name: 'Capitals' })).body.id;
    await owner.caller.post(`/api/projects/${projectId}/members`, {
      email: reviewer.user.email,
      role: 'reviewer',
    });
    const { assetId, versionId } = await readyVersion(db, owner, projectId);
    const note = await owner.caller.post(`/api/versions/${versionId}/comments`, { body: 'Sky', frame: 3 });
    const link = await owner.caller.post(`/api/projects/${projectId}/links`, { permissions: ['view'] });
    const ids: Record<string, string> = {
      projectId,
      assetId,
      versionId,
      commentId: note.body.id,
      linkId: link.body.id,
      userId: reviewer.user.id,
    };
    const doc = (await new Caller(api.baseUrl).get('/api/docs-json')).body;
    const compared: string[] = [];
    for (const template of Object.keys(doc.paths as Record<string, unknown>)) {
      if (!doc.paths[template].get) continue;
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      if (names.length === 0 || names.some((name) => !(name in ids))) continue;
      const fill = (spell: (id: string) => string) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) => spell(ids[name]));
      const lower = await owner.caller.get(fill((id) => id));
      const upper = await owner.caller.get(fill((id) => id.toUpperCase()));
      expect({ route: template, status: upper.status }).toEqual({ route: template, status: lower.status });
      compared.push(template);
    }
    expect(compared).toEqual(
      expect.arrayContaining([
        '/api/projects/{projectId}/rounds',
        '/api/versions/{versionId}/original',
        '/api/projects/{projectId}/links/{linkId}/address',
      ]),
    );

    // Ids in bodies are the same ids too: a reply threads under its note, an approver is a member.
    const reply = await owner.caller.post(`/api/versions/${versionId}/comments`, {
      body: 'Agreed',
      parentId: note.body.id.toUpperCase(),
    });
    expect(reply.status).toBe(201);
    expect(reply.body.parentId).toBe(note.body.id);
    const approvers = await owner.caller.request('PUT', `/api/assets/${assetId}/approvers`, {
      userIds: [reviewer.user.id.toUpperCase()],
    });
    expect(approvers.status).toBe(200);
  });

  it('sends security headers and a request id on every response', async () => {
    const reply = await new Caller(api.baseUrl).get('/api/health');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(reply.headers.get('x-powered-by')).toBeNull();
    expect(reply.headers.get('x-request-id')).toMatch(/[\w-]+/);
  });

  it('writes structured JSON request logs without secrets', async () => {
    const person = await signUp(api.baseUrl, 'Logger');
    await person.caller.get('/api/projects/00000000-0000-4000-8000-000000000000');
    const findLine = () =>
      api
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line): any => JSON.parse(line))
        .find((line) => line.req?.url === '/api/projects/00000000-0000-4000-8000-000000000000');
    // The line crosses a pipe from the server process: give it a moment to arrive.
    for (let i = 0; i < 50 && !findLine(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = findLine();
    expect(logged).toMatchObject({ level: 40, res: { statusCode: 404 }, req: { method: 'GET' } });
    expect(api.output()).not.toContain(person.token);
  });
});

/** Path parameters that are not UUIDs, filled with a value of their own shape. */
const PARAM_SAMPLES: Record<string, string> = {
  token: 'a'.repeat(43),
  emoji: encodeURIComponent('👍'),
  itemId: '1',
  file: 'master.m3u8',
};

/** The top-level properties of a body schema that take free text (no format, pattern or enum). */
function freeTextFields(schema: any): string[] {
  return Object.entries((schema?.properties ?? {}) as Record<string, any>)
    .filter(
      ([, property]) => property.type === 'string' && !property.format && !property.pattern && !property.enum,
    )
    .map(([name]) => name);
}
