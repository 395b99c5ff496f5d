import { randomUUID } from 'node:crypto';
import { type ApiProcess, startApi } from './support/api-process.js';
import { type SignedIn, signUp } from './support/http-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

type Role = 'owner' | 'editor' | 'reviewer' | 'viewer' | 'outsider';
const everyone: Role[] = ['owner', 'editor', 'reviewer', 'viewer', 'outsider'];

describe('projects and members', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let people: Record<Role, SignedIn>;
  let bystander: SignedIn;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ DATABASE_URL: db.url });
    const [owner, editor, reviewer, viewer, outsider, extra] = await Promise.all(
      ['Owner', 'Editor', 'Reviewer', 'Viewer', 'Outsider', 'Bystander'].map((name) =>
        signUp(api.baseUrl, name),
      ),
    );
    people = { owner, editor, reviewer, viewer, outsider };
    bystander = extra;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** A project where each of the four roles is held by the person of that name, plus a viewer to act on. */
  async function projectWithTeam(name = 'Spot 30s'): Promise<string> {
    const created = await people.owner.caller.post('/api/projects', { name });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      const added = await people.owner.caller.post(`/api/projects/${id}/members`, {
        email: people[role].user.email,
        role,
      });
      expect(added.status).toBe(201);
    }
    await people.owner.caller.post(`/api/projects/${id}/members`, {
      email: bystander.user.email,
      role: 'viewer',
    });
    return id;
  }

  const matrix: {
    route: string;
    expected: Record<Role, number>;
    call: (who: SignedIn, projectId: string) => Promise<{ status: number; body: any }>;
  }[] = [
    {
      route: 'GET /projects/:id',
      expected: { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404 },
      call: (who, id) => who.caller.get(`/api/projects/${id}`),
    },
    {
      route: 'PATCH /projects/:id',
      expected: { owner: 200, editor: 200, reviewer: 403, viewer: 403, outsider: 404 },
      call: (who, id) => who.caller.patch(`/api/projects/${id}`, { name: 'Renamed' }),
    },
    {
      route: 'DELETE /projects/:id',
      expected: { owner: 204, editor: 403, reviewer: 403, viewer: 403, outsider: 404 },
      call: (who, id) => who.caller.delete(`/api/projects/${id}`),
    },
    {
      route: 'GET /projects/:id/members',
      expected: { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404 },
      call: (who, id) => who.caller.get(`/api/projects/${id}/members`),
    },
    {
      route: 'POST /projects/:id/members',
      expected: { owner: 201, editor: 403, reviewer: 403, viewer: 403, outsider: 404 },
      call: async (who, id) => {
        const newcomer = await signUp(api.baseUrl, 'Newcomer');
        return who.caller.post(`/api/projects/${id}/members`, {
          email: newcomer.user.email,
          role: 'reviewer',
        });
      },
    },
    {
      route: 'PATCH /projects/:id/members/:userId',
      expected: { owner: 200, editor: 403, reviewer: 403, viewer: 403, outsider: 404 },
      call: (who, id) =>
        who.caller.patch(`/api/projects/${id}/members/${bystander.user.id}`, { role: 'editor' }),
    },
    {
      route: 'DELETE /projects/:id/members/:userId',
      expected: { owner: 204, editor: 403, reviewer: 403, viewer: 403, outsider: 404 },
      call: (who, id) => who.caller.delete(`/api/projects/${id}/members/${bystander.user.id}`),
    },
  ];

  describe.each(matrix)('$route', ({ expected, call }) => {
    it.each(everyone)('as %s', async (role) => {
      const projectId = await projectWithTeam();
      const reply = await call(people[role], projectId);
      expect({ role, status: reply.status }).toEqual({ role, status: expected[role] });
      if (reply.status >= 400) {
        expect(reply.body).toMatchObject({ statusCode: reply.status, message: expect.any(String) });
        expect(JSON.stringify(reply.body)).not.toContain('Spot 30s');
      }
      // A refused call changed nothing.
      if (reply.status >= 400) {
        const after = await people.owner.caller.get(`/api/projects/${projectId}/members`);
        expect(after.body.members).toHaveLength(5);
        expect((await people.owner.caller.get(`/api/projects/${projectId}`)).body.name).toBe('Spot 30s');
      }
    });
  });

  it('an outsider cannot tell a real project from one that does not exist', async () => {
    const projectId = await projectWithTeam();
    const real = await people.outsider.caller.get(`/api/projects/${projectId}`);
    const missing = await people.outsider.caller.get(`/api/projects/${randomUUID()}`);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(real.status).toBe(404);
    expect(strip(real.body)).toEqual(strip(missing.body));
  });

  it('lists only the projects I belong to, with my role in each', async () => {
    const mine = await people.outsider.caller.post('/api/projects', { name: 'Outsider’s own' });
    const projectId = await projectWithTeam('Shared cut');
    const outsiderList = await people.outsider.caller.get('/api/projects');
    expect(outsiderList.body.projects.map((p: { id: string }) => p.id)).toEqual([mine.body.id]);
    const reviewerList = await people.reviewer.caller.get('/api/projects');
    const shared = reviewerList.body.projects.find((p: { id: string }) => p.id === projectId);
    expect(shared).toMatchObject({ name: 'Shared cut', role: 'reviewer', memberCount: 5 });
    expect(reviewerList.body.projects.some((p: { id: string }) => p.id === mine.body.id)).toBe(false);
  });

  it('a project never loses its last owner', async () => {
    const projectId = await projectWithTeam();
    const owner = people.owner;
    const demote = await owner.caller.patch(`/api/projects/${projectId}/members/${owner.user.id}`, {
      role: 'editor',
    });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_owner');
    const leave = await owner.caller.delete(`/api/projects/${projectId}/members/${owner.user.id}`);
    expect(leave.status).toBe(409);

    await owner.caller.patch(`/api/projects/${projectId}/members/${people.editor.user.id}`, {
      role: 'owner',
    });
    const leaveNow = await owner.caller.delete(`/api/projects/${projectId}/members/${owner.user.id}`);
    expect(leaveNow.status).toBe(204);
    expect((await owner.caller.get(`/api/projects/${projectId}`)).status).toBe(404);
  });

  it('anyone can leave a project, and then no longer sees it', async () => {
    const projectId = await projectWithTeam();
    const leave = await people.viewer.caller.delete(
      `/api/projects/${projectId}/members/${people.viewer.user.id}`,
    );
    expect(leave.status).toBe(204);
    expect((await people.viewer.caller.get(`/api/projects/${projectId}`)).status).toBe(404);
  });

  it('adding a member says clearly when there is no such account or they are already in', async () => {
    const projectId = await projectWithTeam();
    const unknown = await people.owner.caller.post(`/api/projects/${projectId}/members`, {
      email: 'nobody-here@example.com',
      role: 'viewer',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('no_such_account');
    const again = await people.owner.caller.post(`/api/projects/${projectId}/members`, {
      email: people.viewer.user.email.toUpperCase(),
      role: 'editor',
    });
    expect(again.status).toBe(409);
    const badRole = await people.owner.caller.post(`/api/projects/${projectId}/members`, {
      email: bystander.user.email,
      role: 'admin',
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.fields[0].path).toBe('role');
  });

  it('deleting a project removes it for every member', async () => {
    const projectId = await projectWithTeam();
    expect((await people.owner.caller.delete(`/api/projects/${projectId}`)).status).toBe(204);
    for (const role of ['owner', 'editor', 'reviewer', 'viewer'] as const) {
      expect((await people[role].caller.get(`/api/projects/${projectId}`)).status).toBe(404);
    }
    const [{ count }] = await db.query<{ count: string }>(
      'SELECT count(*) FROM project_members WHERE project_id = $1',
      [projectId],
    );
    expect(count).toBe('0');
  });

  it('validates names: blank and over-long are refused with the field named', async () => {
    for (const name of ['   ', 'x'.repeat(201)]) {
      const reply = await people.owner.caller.post('/api/projects', { name });
      expect(reply.status).toBe(400);
      expect(reply.body.fields).toEqual([{ path: 'name', message: expect.any(String) }]);
    }
    const wrongId = await people.owner.caller.get('/api/projects/not-a-uuid');
    expect(wrongId.status).toBe(400);
  });
});
