import type { Page } from '@playwright/test';
import { createProject, expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';
import { makeTestClip, NO_AUDIO_WAVEFORM } from './support/media';

const PASSWORD = 'open sesame';

/** Tomorrow at 17:00 local time, as a `datetime-local` input takes it. */
function tomorrowEvening(): string {
  const at = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T17:00`;
}
// The guest types a wrong password once; after the link is turned off their session ends.
const GUEST_FAILURES = [
  /^401 POST \/api\/share\/[A-Za-z0-9_-]+\/guests$/,
  /^404 GET \/api\/share\/[A-Za-z0-9_-]+$/,
  /^401 (GET|POST) \/api\/.+$/,
  NO_AUDIO_WAVEFORM,
];

async function comment(page: Page, text: string, internal = false): Promise<void> {
  const field = page.getByRole('combobox', { name: 'Comment', exact: true });
  await field.fill(text);
  if (internal) await page.getByLabel('Internal (team only)').check();
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(field).toHaveValue('');
}

test('a producer shares a cut with a password link; the client comments and approves, and the producer sees both live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const producer = await newPerson(browser, 'Paula Producer');
  const client = await newPerson(browser, 'Carla Client');
  await signUp(producer);
  const projectId = await createProject(producer, `Client review ${Date.now()}`);
  let reviewUrl = '';
  let linkUrl = '';

  await test.step('the producer uploads a cut and leaves a note for the team only', async () => {
    await producer.page.goto(`/projects/${projectId}`);
    const chooser = producer.page.waitForEvent('filechooser');
    await producer.page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    await producer.page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'clip' })
      .getByRole('link')
      .click();
    await expect(producer.page.locator('.version-info .version-status')).toHaveAttribute(
      'data-status',
      'ready',
      {
        timeout: 90_000,
      },
    );
    reviewUrl = producer.page.url();
    await comment(producer.page, 'Team only: the client has not seen the alt ending', true);
  });

  await test.step('the producer makes a password link for that cut, allowing comments and approval', async () => {
    await producer.page.goto(`/projects/${projectId}`);
    await producer.page.getByRole('button', { name: 'Share for review' }).click();
    const form = producer.page.getByTestId('review-link-form');
    await form.getByLabel('Name (optional)').fill('For Carla');
    await form.getByRole('list', { name: 'Cuts to share' }).getByLabel('clip').check();
    await expect(form.getByLabel('Comment')).toBeChecked();
    await expect(form.getByLabel('Approve or ask for changes')).toBeChecked();
    await expect(form.getByLabel('Download originals')).not.toBeChecked();
    await form.getByLabel('Password (optional)').fill(PASSWORD);
    await form.getByLabel('Due (optional)').fill(tomorrowEvening());
    await form.getByRole('button', { name: 'Create link' }).click();
    linkUrl = await producer.page.getByTestId('new-review-link-url').inputValue();
    expect(linkUrl).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    const row = producer.page.getByTestId('review-link-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('For Carla');
    await expect(row).toContainText('Password');
    await expect(row).toContainText('never used');
    // The round went out with a due date: the cut says when.
    await producer.page.goto(reviewUrl);
    await expect(producer.page.getByTestId('cut-due').locator('time')).toHaveAttribute(
      'datetime',
      new Date(tomorrowEvening()).toISOString(),
    );
  });

  await test.step('the client opens the link: nothing is shown before the password', async () => {
    await client.page.goto(linkUrl);
    await expect(client.page.getByText('This review link is protected by a password.')).toBeVisible();
    await expect(client.page.getByText('Client review')).toHaveCount(0);
    await client.page.getByLabel('Your name').fill('Carla Client');
    await client.page.getByLabel('Password').fill('open barley');
    await client.page.getByRole('button', { name: 'Start reviewing' }).click();
    await expect(client.page.getByText('That password is not right for this review link.')).toBeVisible();
    await client.page.getByLabel('Password').fill(PASSWORD);
    await client.page.getByRole('button', { name: 'Start reviewing' }).click();
    await expect(client.page).toHaveURL(/\/shared$/);
    await expect(client.page.getByTestId('guest-permissions')).toHaveText(
      'You can watch, comment and approve or ask for changes.',
    );
    await expect(client.page.getByRole('heading', { name: 'For Carla' })).toBeVisible();
  });

  await test.step('the client opens the cut: the team’s internal note and the download are not there', async () => {
    await client.page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'clip' })
      .getByRole('link')
      .click();
    await expect(client.page.locator('.version-info .version-status')).toHaveAttribute(
      'data-status',
      'ready',
    );
    await expect(client.page.getByTestId('approval-panel')).toBeVisible();
    await expect(client.page.getByText('Team only: the client has not seen the alt ending')).toHaveCount(0);
    await expect(client.page.getByLabel('Internal (team only)')).toHaveCount(0);
    await expect(client.page.getByRole('link', { name: 'Download original' })).toHaveCount(0);
    await expect(client.page.getByTestId('activity-bell')).toHaveCount(0);
    // The due date is the team's planning.
    await expect(client.page.getByTestId('cut-due')).toHaveCount(0);
  });

  await test.step('the client comments; the producer sees it at once, signed "(guest)"', async () => {
    await producer.page.goto(reviewUrl);
    await expect(producer.page.getByTestId('comment')).toHaveCount(1);
    await comment(client.page, 'Can the logo be a touch bigger?');
    const fromClient = producer.page
      .getByTestId('comment')
      .filter({ hasText: 'Can the logo be a touch bigger?' });
    await expect(fromClient).toHaveCount(1);
    await expect(fromClient).toContainText('Carla Client (guest)');
  });

  await test.step('the client approves; the producer’s badge and history change live', async () => {
    const panel = client.page.getByTestId('approval-panel');
    await panel.getByTestId('approval-toggle').click();
    await panel.getByLabel('Note (optional)').fill('Approved once the logo is bigger');
    await panel.getByTestId('approve-button').click();
    await expect(panel.getByTestId('my-decision')).toHaveText('You approved v1.');
    await expect(producer.page.locator('.review-title').getByTestId('approval-badge')).toHaveText('Approved');
    await producer.page.getByTestId('approval-panel').getByTestId('approval-toggle').click();
    const entry = producer.page.getByTestId('decision-entry').first();
    await expect(entry).toContainText('Carla Client (guest)');
    await expect(entry).toContainText('Approved once the logo is bigger');
  });

  await test.step('opening the link again, the client carries on as the same guest', async () => {
    await client.page.goto(linkUrl);
    await expect(client.page.getByTestId('share-continue')).toContainText('Carla Client (guest)');
    await client.page.getByRole('link', { name: 'Continue reviewing' }).click();
    await expect(client.page).toHaveURL(/\/shared$/);
    await client.page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'clip' })
      .getByRole('link')
      .click();
    await expect(client.page.getByTestId('approval-panel')).toBeVisible();
  });

  await test.step('the producer turns the link off; it no longer opens', async () => {
    await producer.page.goto(`/projects/${projectId}`);
    const row = producer.page.getByTestId('review-link-row');
    await expect(row).toContainText('1 guest');
    await expect(row.getByTestId('review-link-guests')).toHaveText('Carla Client (guest)');
    await row.getByRole('button', { name: 'Turn off' }).click();
    await producer.page.getByRole('dialog').getByRole('button', { name: 'Turn off link' }).click();
    await expect(row).toHaveAttribute('data-status', 'revoked');
    // The client, still on the cut, is told at once: turning the link off closes their live connection.
    await expect(client.page.getByTestId('guest-link-ended')).toContainText('turned it off', {
      timeout: 5_000,
    });
    await client.page.goto(linkUrl);
    await expect(client.page.getByTestId('share-link-gone')).toContainText(
      'does not exist or has been turned off',
    );
  });

  expectCleanConsole(producer, [NO_AUDIO_WAVEFORM]);
  expectCleanConsole(client, GUEST_FAILURES);
  await producer.context.close();
  await client.context.close();
});

test('a whole-project link shows the client a new cut the moment it is uploaded', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const producer = await newPerson(browser, 'Paula Producer');
  const client = await newPerson(browser, 'Carla Client');
  await signUp(producer);
  const projectId = await createProject(producer, `Whole project ${Date.now()}`);
  const upload = async () => {
    const chooser = producer.page.waitForEvent('filechooser');
    await producer.page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
  };

  await producer.page.goto(`/projects/${projectId}`);
  await upload();
  await producer.page.getByRole('button', { name: 'Share for review' }).click();
  const form = producer.page.getByTestId('review-link-form');
  await form.getByLabel(/The whole project/).check();
  await form.getByRole('button', { name: 'Create link' }).click();
  const linkUrl = await producer.page.getByTestId('new-review-link-url').inputValue();

  await client.page.goto(linkUrl);
  await expect(client.page.getByTestId('share-intro')).toContainText('Paula Producer shared from');
  await client.page.getByLabel('Your name').fill('Carla Client');
  await client.page.getByRole('button', { name: 'Start reviewing' }).click();
  const cards = client.page.getByRole('list', { name: 'Cuts' }).getByRole('listitem');
  await expect(cards).toHaveCount(1);

  await upload();
  await expect(cards).toHaveCount(2);

  expectCleanConsole(producer, [NO_AUDIO_WAVEFORM]);
  expectCleanConsole(client, [NO_AUDIO_WAVEFORM]);
  await producer.context.close();
  await client.context.close();
});
