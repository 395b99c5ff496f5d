import {
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
  type Person,
} from './support/fixtures';
import { makeTestClip, NO_AUDIO_WAVEFORM } from './support/media';
import { enterAsGuest } from './support/review-page';

const TEAM_NOTE = 'Approved on our side';
const INTERNAL_NOTE = 'Legal has not cleared the music yet';

async function openCut(person: Person): Promise<void> {
  await person.page
    .getByRole('list', { name: 'Cuts' })
    .getByRole('listitem', { name: 'clip' })
    .getByRole('link')
    .click();
  await expect(person.page.locator('.version-info .version-status')).toHaveAttribute('data-status', 'ready', {
    timeout: 90_000,
  });
}

test("a client on a default link sees neither the team's presence nor its decision notes; the link option shows the team, never the internal note", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const owner = await newPerson(browser, 'Olga Owner');
  const client = await newPerson(browser, 'Cleo Client');
  await signUp(owner);
  const projectId = await createProject(owner, `Guest view ${Date.now()}`);
  let linkId = '';
  let linkUrl = '';

  await test.step('the owner uploads a cut and approves it, with a note and a team-only note', async () => {
    await owner.page.goto(`/projects/${projectId}`);
    const chooser = owner.page.waitForEvent('filechooser');
    await owner.page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    await openCut(owner);
    const panel = owner.page.getByTestId('approval-panel');
    await panel.getByTestId('approval-toggle').click();
    await panel.getByLabel('Note (optional)').fill(TEAM_NOTE);
    await panel.getByLabel('Internal, for the team only (optional)').fill(INTERNAL_NOTE);
    await panel.getByTestId('approve-button').click();
    await expect(panel.getByTestId('my-decision')).toHaveText('You approved v1.');
    // The team reads its own note, marked as the team's.
    await expect(panel.getByTestId('decision-internal-note')).toHaveText(`Team only ${INTERNAL_NOTE}`);
    const made = await owner.context.request.post(`/api/projects/${projectId}/links`, {
      data: { permissions: ['view', 'comment'], label: 'For Cleo' },
    });
    expect(made.status()).toBe(201);
    const link = (await made.json()) as { id: string; path: string; showTeamActivity: boolean };
    expect(link.showTeamActivity).toBe(false);
    linkId = link.id;
    linkUrl = new URL(link.path, owner.page.url()).toString();
  });

  await test.step('the client joins: the owner sees her, she does not see the owner or the team’s notes', async () => {
    await enterAsGuest(client, linkUrl);
    await openCut(client);
    await expect(owner.page.getByTestId('presence-avatar')).toHaveCount(1);
    const panel = client.page.getByTestId('approval-panel');
    await panel.getByTestId('approval-toggle').click();
    // The cut is approved, and by whom: the client needs to know that much.
    await expect(panel.getByTestId('decision-entry')).toHaveCount(1);
    await expect(panel.getByTestId('decision-entry')).toContainText('Olga Owner');
    await expect(client.page.getByText(TEAM_NOTE)).toHaveCount(0);
    await expect(client.page.getByText(INTERNAL_NOTE)).toHaveCount(0);
    await expect(client.page.getByTestId('presence-avatar')).toHaveCount(0);
    await expect(client.page.getByRole('heading', { name: 'Revision rounds' })).toHaveCount(0);
  });

  await test.step('the owner turns on “Show guests the team’s activity” in the link’s dialog', async () => {
    await owner.page.goto(`/projects/${projectId}`);
    const row = owner.page.getByTestId('review-link-row').filter({ hasText: 'For Cleo' });
    await row.getByRole('button', { name: 'Edit' }).click();
    await owner.page.getByLabel('Show guests the team’s activity').check();
    await owner.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(row).toContainText('Shows the team’s activity');
    const links = await owner.context.request.get(`/api/projects/${projectId}/links`);
    const listed = ((await links.json()) as { links: { id: string; showTeamActivity: boolean }[] }).links;
    expect(listed.find((l) => l.id === linkId)?.showTeamActivity).toBe(true);
    await owner.page.goBack();
    await expect(owner.page.locator('.version-info .version-status')).toHaveAttribute('data-status', 'ready');
  });

  await test.step('live, the client now sees the owner and the team’s note; never the internal note', async () => {
    await expect(client.page.getByTestId('presence-avatar')).toHaveCount(1);
    await client.page.reload();
    const panel = client.page.getByTestId('approval-panel');
    await panel.getByTestId('approval-toggle').click();
    await expect(panel.getByText(TEAM_NOTE)).toBeVisible();
    await expect(client.page.getByText(INTERNAL_NOTE)).toHaveCount(0);
  });

  expectCleanConsole(owner, [NO_AUDIO_WAVEFORM]);
  expectCleanConsole(client, [NO_AUDIO_WAVEFORM]);
  await owner.context.close();
  await client.context.close();
});

test("the link form's “Show guests the team's activity” is off by default; ticked, the new link shows its client the team's decision note", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const owner = await newPerson(browser, 'Olga Owner');
  const client = await newPerson(browser, 'Tess Client');
  await signUp(owner);
  const projectId = await createProject(owner, `Link option ${Date.now()}`);
  await owner.page.goto(`/projects/${projectId}`);
  const chooser = owner.page.waitForEvent('filechooser');
  await owner.page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(clip);
  await openCut(owner);
  const versionId = (await (await owner.context.request.get(`/api/projects/${projectId}/assets`)).json())
    .assets[0].latestVersion.id as string;
  const decided = await owner.context.request.post(`/api/versions/${versionId}/decisions`, {
    data: { decision: 'approved', note: TEAM_NOTE },
  });
  expect(decided.status()).toBe(201);
  await owner.page.goto(`/projects/${projectId}`);
  const share = async (label: string, showTeam: boolean) => {
    await owner.page.getByRole('button', { name: 'Share for review' }).click();
    const form = owner.page.getByTestId('review-link-form');
    await form.getByLabel('Name (optional)').fill(label);
    await form.getByLabel(/The whole project/).check();
    const option = form.getByLabel('Show guests the team’s activity');
    await expect(option).not.toBeChecked();
    if (showTeam) await option.check();
    await form.getByRole('button', { name: 'Create link' }).click();
    const url = await owner.page.getByTestId('new-review-link-url').inputValue();
    await owner.page.getByRole('button', { name: 'Done' }).click();
    return url;
  };

  const trustedUrl = await share('Trusted', true);
  await share('Plain', false);
  const rows = owner.page.getByTestId('review-link-row');
  await expect(rows.filter({ hasText: 'Trusted' })).toContainText('Shows the team’s activity');
  await expect(rows.filter({ hasText: 'Plain' })).not.toContainText('Shows the team’s activity');
  const listed = (await (await owner.context.request.get(`/api/projects/${projectId}/links`)).json()) as {
    links: { label: string; showTeamActivity: boolean }[];
  };
  expect(Object.fromEntries(listed.links.map((l) => [l.label, l.showTeamActivity]))).toEqual({
    Trusted: true,
    Plain: false,
  });

  await enterAsGuest(client, trustedUrl);
  await openCut(client);
  const panel = client.page.getByTestId('approval-panel');
  await panel.getByTestId('approval-toggle').click();
  await expect(panel.getByText(TEAM_NOTE)).toBeVisible();

  expectCleanConsole(owner, [NO_AUDIO_WAVEFORM]);
  expectCleanConsole(client, [NO_AUDIO_WAVEFORM]);
  await owner.context.close();
  await client.context.close();
});
