import { expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';

/** The stranger and the removed member ask for the project (its cuts, their approvals) and are told it is not there. */
const EXPECTED_FAILURES = [/^404 GET \/api\/projects\/[0-9a-f-]{36}(\/assets|\/approvals)?$/];

test('an owner sets up a project, decides who sees it, and signs out', async ({ browser }) => {
  const owner = await newPerson(browser, 'Olivia Owner');
  const reviewer = await newPerson(browser, 'Rafael Reviewer');
  const stranger = await newPerson(browser, 'Sam Stranger');
  const projectName = `Trailer ${Date.now()}`;
  let projectUrl = '';

  await test.step('the owner registers', async () => {
    await owner.page.goto('/register');
    await owner.page.getByLabel('Display name').fill(owner.displayName);
    await owner.page.getByLabel('Email').fill(owner.email);
    await owner.page.getByLabel('Password').fill(owner.password);
    await owner.page.getByRole('button', { name: 'Create account' }).click();
    await expect(owner.page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
    await expect(owner.page.getByText(owner.displayName)).toBeVisible();
  });

  await test.step('and creates a project', async () => {
    await owner.page.getByLabel('Project name').fill(projectName);
    await owner.page.getByRole('button', { name: 'Create project' }).click();
    await expect(owner.page.getByRole('heading', { name: projectName, level: 1 })).toBeVisible();
    await expect(owner.page.getByRole('button', { name: 'Upload files' })).toBeVisible();
    projectUrl = owner.page.url();
    expect(projectUrl).toMatch(/\/projects\/[0-9a-f-]{36}$/);
  });

  await test.step('the owner adds a second person as reviewer', async () => {
    await signUp(reviewer);
    await owner.page.getByRole('link', { name: 'Project settings' }).click();
    await owner.page.getByLabel('Member email').fill(reviewer.email);
    await owner.page.getByLabel('Role', { exact: true }).selectOption('reviewer');
    await owner.page.getByRole('button', { name: 'Invite' }).click();
    await expect(owner.page.getByText(`Added ${reviewer.displayName} as reviewer.`)).toBeVisible();
    await expect(owner.page.getByRole('row', { name: new RegExp(reviewer.displayName) })).toBeVisible();
  });

  await test.step('the reviewer sees the project, without upload controls', async () => {
    await reviewer.page.goto('/');
    await reviewer.page.getByRole('link', { name: new RegExp(projectName) }).click();
    await expect(reviewer.page.getByRole('heading', { name: projectName, level: 1 })).toBeVisible();
    await expect(reviewer.page.locator('.page-subtitle').getByText('Reviewer')).toBeVisible();
    await expect(reviewer.page.getByRole('heading', { name: 'Cuts', exact: true })).toBeVisible();
    await expect(reviewer.page.getByRole('button', { name: 'Upload files' })).toHaveCount(0);
  });

  await test.step('someone who is not a member gets the not-found page', async () => {
    await signUp(stranger);
    await stranger.page.goto(projectUrl);
    await expect(stranger.page.getByRole('heading', { name: 'Project not found' })).toBeVisible();
    await expect(stranger.page.getByText(projectName)).toHaveCount(0);
  });

  await test.step('the owner makes the reviewer an editor, who can then upload', async () => {
    const access = owner.page.getByLabel(`Access for ${reviewer.displayName} (${reviewer.email})`);
    await access.selectOption('editor');
    await expect(access).toHaveValue('editor');
    await expect(access).toBeEnabled();
    await reviewer.page.reload();
    await expect(reviewer.page.locator('.page-subtitle').getByText('Editor')).toBeVisible();
    await expect(reviewer.page.getByRole('button', { name: 'Upload files' })).toBeVisible();
  });

  await test.step('the owner removes them, and the project is gone for them', async () => {
    await owner.page
      .getByRole('button', { name: `Remove ${reviewer.displayName} (${reviewer.email})` })
      .click();
    await expect(owner.page.getByRole('row', { name: new RegExp(reviewer.displayName) })).toHaveCount(0);
    await reviewer.page.reload();
    await expect(reviewer.page.getByRole('heading', { name: 'Project not found' })).toBeVisible();
  });

  await test.step('logging out ends the session', async () => {
    await owner.page.getByRole('button', { name: 'Log out' }).click();
    await expect(owner.page).toHaveURL(/\/login$/);
    expect((await owner.context.request.get('/api/auth/me')).status()).toBe(401);
    await owner.page.goto(projectUrl);
    await expect(owner.page).toHaveURL(/\/login\?next=/);
    await expect(owner.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  for (const person of [owner, reviewer, stranger]) {
    expectCleanConsole(person, EXPECTED_FAILURES);
    await person.context.close();
  }
});
