import { type SignedIn, signUp } from './http-client.js';

export interface Team {
  owner: SignedIn;
  editor: SignedIn;
  reviewer: SignedIn;
  viewer: SignedIn;
  /** Signed in, but no member of the project. */
  outsider: SignedIn;
  projectId: string;
}

/**
 * A project with one member of each role, and someone outside it: the cast of most access
 * stories. Everyone signs up through the API; the owner adds the others by e-mail.
 */
export async function signUpTeam(baseUrl: string, projectName: string): Promise<Team> {
  const [owner, editor, reviewer, viewer, outsider] = await Promise.all(
    ['Olive Owner', 'Eddie Editor', 'Rita Reviewer', 'Vic Viewer', 'Oscar Outsider'].map((name) =>
      signUp(baseUrl, name),
    ),
  );
  const project = await owner.caller.post('/api/projects', { name: projectName });
  if (project.status !== 201) throw new Error(`project not created: ${project.status}`);
  const projectId: string = project.body.id;
  for (const [who, role] of [
    [editor, 'editor'],
    [reviewer, 'reviewer'],
    [viewer, 'viewer'],
  ] as const) {
    const added = await owner.caller.post(`/api/projects/${projectId}/members`, {
      email: who.user.email,
      role,
    });
    if (added.status !== 201) throw new Error(`${role} not added: ${added.status}`);
  }
  return { owner, editor, reviewer, viewer, outsider, projectId };
}
