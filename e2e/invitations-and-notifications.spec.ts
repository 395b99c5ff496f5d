import type { APIRequestContext } from '@playwright/test';
import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
  type Person,
} from './support/fixtures';
import { makeTestClip, NO_AUDIO_WAVEFORM } from './support/media';
import { uploadAndOpen } from './support/review-page';

test('an invited address that signed up on its own meanwhile joins through the invitation with its password', async ({
  browser,
}) => {
  const owner = await newPerson(browser, 'Olga Owner');
  const late = await newPerson(browser, 'Lee Late');
  const projectName = `Meanwhile ${Date.now()}`;
  await signUp(owner);
  const projectId = await createProject(owner, projectName);
  const invited = await owner.context.request.post(`/api/projects/${projectId}/invitations`, {
    data: { email: late.email, role: 'editor' },
  });
  expect(invited.status()).toBe(201);
  const invitationPath = new URL(((await invited.json()) as { invitation: { link: string } }).invitation.link)
    .pathname;
  // Lee signs up from the home page before opening the mail, then follows the link.
  await signUp(late);
  await late.context.clearCookies();
  await late.page.goto(invitationPath);
  await expect(late.page.getByRole('heading', { name: `Join ${projectName}` })).toBeVisible();
  await expect(late.page.getByLabel('Display name')).toHaveCount(0);
  await late.page.getByLabel('Password').fill('not my password');
  await late.page.getByRole('button', { name: 'Sign in and join' }).click();
  await expect(late.page.getByRole('alert')).toBeVisible();
  await late.page.getByLabel('Password').fill(late.password);
  await late.page.getByRole('button', { name: 'Sign in and join' }).click();
  await expect(late.page.getByRole('heading', { name: projectName, level: 1 })).toBeVisible();
  await expect(late.page.locator('.page-subtitle').getByText('Editor')).toBeVisible();
  expectCleanConsole(late, [/^401 POST \/api\/invitations\/[A-Za-z0-9_-]+\/accept$/]);
});

test('an invited address with no account joins through the invitation, and a project shows up live in a list', async ({
  browser,
}) => {
  const owner = await newPerson(browser, 'Olga Owner');
  const existing = await newPerson(browser, 'Jo Joiner');
  const newcomer = await newPerson(browser, 'Nia Newcomer');
  const projectName = `Invited ${Date.now()}`;
  await signUp(owner);
  await signUp(existing);
  const projectId = await createProject(owner, projectName);
  let invitationPath = '';

  await test.step('someone with an account, their project list open, sees the project arrive live', async () => {
    await existing.page.goto('/');
    await expect(existing.page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
    await expect(existing.page.getByRole('link', { name: new RegExp(projectName) })).toHaveCount(0);
    await owner.page.goto(`/projects/${projectId}/settings`);
    await owner.page.getByLabel('Member email').fill(existing.email);
    await owner.page.getByRole('button', { name: 'Invite' }).click();
    await expect(owner.page.getByText(`Added ${existing.displayName} as reviewer.`)).toBeVisible();
    // No reload: the socket told their list.
    await expect(existing.page.getByRole('link', { name: new RegExp(projectName) })).toBeVisible();
  });

  await test.step('an address with no account gets an invitation with a link to copy', async () => {
    await owner.page.getByLabel('Member email').fill(newcomer.email);
    await owner.page.getByLabel('Role', { exact: true }).selectOption('editor');
    await owner.page.getByRole('button', { name: 'Invite' }).click();
    await expect(
      owner.page.getByText(`${newcomer.email} has no account yet.`, { exact: false }),
    ).toBeVisible();
    const link = await owner.page.getByTestId('invitation-link').first().inputValue();
    invitationPath = new URL(link).pathname;
    expect(invitationPath).toMatch(/^\/invite\/[A-Za-z0-9_-]{40,}$/);
    const pending = owner.page.getByTestId('pending-invitation');
    await expect(pending).toHaveCount(1);
    await expect(pending).toContainText(newcomer.email);
    // The link can be shown again later: the same address.
    await pending.getByRole('button', { name: 'Show link' }).click();
    await expect(pending.getByTestId('invitation-link')).toHaveValue(link);
  });

  await test.step('the newcomer signs up at the invited address, which they cannot change, and lands in the project', async () => {
    await newcomer.page.goto(invitationPath);
    await expect(newcomer.page.getByRole('heading', { name: `Join ${projectName}` })).toBeVisible();
    await expect(newcomer.page.getByText(`${owner.displayName} invited you as editor.`)).toBeVisible();
    const email = newcomer.page.getByLabel('Email');
    await expect(email).toHaveValue(newcomer.email);
    await expect(email).not.toBeEditable();
    await newcomer.page.getByLabel('Display name').fill(newcomer.displayName);
    await newcomer.page.getByLabel('Password').fill(newcomer.password);
    await newcomer.page.getByRole('button', { name: 'Create account and join' }).click();
    await expect(newcomer.page.getByRole('heading', { name: projectName, level: 1 })).toBeVisible();
    await expect(newcomer.page.locator('.page-subtitle').getByText('Editor')).toBeVisible();
    await newcomer.page.goto('/');
    await expect(newcomer.page.getByRole('link', { name: new RegExp(projectName) })).toBeVisible();
  });

  await test.step('the invitation is used up: no longer pending, and its link has ended', async () => {
    await owner.page.reload();
    await expect(owner.page.getByRole('row', { name: new RegExp(newcomer.displayName) })).toBeVisible();
    await expect(owner.page.getByTestId('pending-invitation')).toHaveCount(0);
    const stranger = await newPerson(browser, 'Sly Stranger');
    await stranger.page.goto(invitationPath);
    await expect(stranger.page.getByRole('heading', { name: 'This invitation has ended' })).toBeVisible();
    expectCleanConsole(stranger, [/^404 GET \/api\/invitations\/[A-Za-z0-9_-]+$/]);
  });

  for (const person of [owner, existing, newcomer]) expectCleanConsole(person);
});

interface FeedItem {
  kind: string;
  excerpt: string | null;
}

async function feedOf(request: APIRequestContext): Promise<FeedItem[]> {
  const response = await request.get('/api/activity?limit=100');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: FeedItem[] }).items;
}

async function note(request: APIRequestContext, versionId: string, body: Record<string, unknown>) {
  const response = await request.post(`/api/versions/${versionId}/comments`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function chooseInSettings(person: Person, projectId: string, label: string) {
  await person.page.goto(`/projects/${projectId}/settings`);
  await person.page.getByLabel('Tell me about').selectOption({ label });
  await expect(person.page.getByText('Saved.')).toBeVisible();
}

test("the uploader hears of a client's note; each member chooses everything, mentions and replies, or nothing", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const editor = await newPerson(browser, 'Edie Editor');
  const director = await newPerson(browser, 'Dana Director');
  const client = await newPerson(browser, 'Cleo Client');
  await signUp(editor);
  await signUp(director);
  const projectId = await createProject(editor, `Notified ${Date.now()}`);
  await addMember(editor, projectId, director, 'reviewer');
  await uploadAndOpen(editor, projectId, clip, 'clip');
  const assetId = new URL(editor.page.url()).pathname.split('/').pop() as string;
  const versions = await editor.context.request.get(`/api/assets/${assetId}/versions`);
  const versionId = ((await versions.json()) as { versions: { id: string }[] }).versions[0].id;

  const link = await editor.context.request.post(`/api/projects/${projectId}/links`, {
    data: { assetIds: [assetId], permissions: ['view', 'comment'] },
  });
  const { token } = (await link.json()) as { token: string };
  const joined = await client.context.request.post(`/api/share/${token}/guests`, {
    data: { name: client.displayName },
  });
  expect(joined.status()).toBe(201);

  await test.step("the uploader's bell brings the client's note, as it happens", async () => {
    await note(client.context.request, versionId, { body: 'Can the logo be bigger?', frame: 12 });
    const bell = editor.page.getByTestId('activity-bell');
    await expect(bell).toHaveAccessibleName(/Activity, [1-9]\d* unread/);
    await bell.click();
    const item = editor.page.getByTestId('activity-item').filter({ hasText: 'Can the logo be bigger?' });
    await expect(item).toContainText(`${client.displayName} (guest) left a note`);
    await bell.click();
  });

  const directorsNote = await test.step('a director who commented hears of the next one too', async () => {
    const id = await note(director.context.request, versionId, { body: 'Warmer here, please', frame: 20 });
    await note(client.context.request, versionId, { body: 'Agreed on warmth' });
    await expect
      .poll(async () => (await feedOf(director.context.request)).map((i) => `${i.kind}: ${i.excerpt}`))
      .toContain('comment: Agreed on warmth');
    return id;
  });

  await test.step('"nothing" and "mentions and replies only" are chosen in the project settings', async () => {
    await chooseInSettings(editor, projectId, 'Nothing');
    await chooseInSettings(director, projectId, 'Mentions and replies only');
    await director.page.reload();
    await expect(director.page.getByLabel('Tell me about')).toHaveValue('mentions');
  });

  await test.step('then a plain note reaches neither; a reply reaches the director', async () => {
    await note(client.context.request, versionId, { body: 'One more plain note' });
    await note(editor.context.request, versionId, { body: 'Done, see v2', parentId: directorsNote });
    await expect
      .poll(async () => (await feedOf(director.context.request)).map((i) => `${i.kind}: ${i.excerpt}`))
      .toContain('reply: Done, see v2');
    // Fanned out in order: the plain note before the reply was passed over for both.
    expect((await feedOf(director.context.request)).map((i) => i.excerpt)).not.toContain(
      'One more plain note',
    );
    expect((await feedOf(editor.context.request)).map((i) => i.excerpt)).not.toContain('One more plain note');
    await director.page.goto(`/projects/${projectId}`);
    await director.page.getByTestId('activity-bell').click();
    await expect(
      director.page.getByTestId('activity-item').filter({ hasText: 'Done, see v2' }),
    ).toContainText(`${editor.displayName} replied`);
  });

  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  expectCleanConsole(director);
});
