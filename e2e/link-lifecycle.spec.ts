import type { Page } from '@playwright/test';
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

// Once the link is off, the guests' pages are refused (401) until it is back on.
const ENDED_LINK = [/^401 (GET|POST) \/api\/.+$/, NO_AUDIO_WAVEFORM];

const commentField = (page: Page) => page.getByRole('combobox', { name: 'Comment', exact: true });

async function joinAndOpenCut(guest: Person, linkUrl: string): Promise<void> {
  await enterAsGuest(guest, linkUrl);
  await guest.page
    .getByRole('list', { name: 'Cuts' })
    .getByRole('listitem', { name: 'clip' })
    .getByRole('link')
    .click();
  await expect(guest.page.locator('.version-info .version-status')).toHaveAttribute('data-status', 'ready');
}

test('an owner turns a link off while two clients write: both are told at once and keep their drafts; turned back on, they carry on, and a decision made through it stays', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const owner = await newPerson(browser, 'Olga Owner');
  const ana = await newPerson(browser, 'Ana Client');
  const ben = await newPerson(browser, 'Ben Client');
  await signUp(owner);
  const projectId = await createProject(owner, `Link lifecycle ${Date.now()}`);
  let assetId = '';
  let versionId = '';
  let linkUrl = '';

  await test.step('the owner uploads a cut and shares it with comment and approve rights', async () => {
    await owner.page.goto(`/projects/${projectId}`);
    const chooser = owner.page.waitForEvent('filechooser');
    await owner.page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    await owner.page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'clip' })
      .getByRole('link')
      .click();
    await expect(owner.page.locator('.version-info .version-status')).toHaveAttribute(
      'data-status',
      'ready',
      {
        timeout: 90_000,
      },
    );
    assetId = new URL(owner.page.url()).pathname.split('/').at(-1) ?? '';
    const versions = await owner.context.request.get(`/api/assets/${assetId}/versions`);
    versionId = ((await versions.json()) as { versions: { id: string }[] }).versions[0].id;
    const made = await owner.context.request.post(`/api/projects/${projectId}/links`, {
      data: { assetIds: [assetId], permissions: ['view', 'comment', 'approve'], label: 'For the clients' },
    });
    expect(made.status()).toBe(201);
    linkUrl = new URL(((await made.json()) as { path: string }).path, owner.page.url()).toString();
  });

  await test.step('both clients join; Ana approves; both start writing a note', async () => {
    await joinAndOpenCut(ana, linkUrl);
    await joinAndOpenCut(ben, linkUrl);
    const approved = await ana.context.request.post(`/api/versions/${versionId}/decisions`, {
      data: { decision: 'approved', note: 'Lovely' },
    });
    expect(approved.status()).toBe(201);
    await commentField(ana.page).fill('The logo could be a touch bigger at the');
    await commentField(ben.page).fill('Music cue at 00:12 is late');
  });

  await test.step('the owner turns the link off after confirming; both clients are told within a second', async () => {
    await owner.page.goto(`/projects/${projectId}`);
    const row = owner.page.getByTestId('review-link-row');
    await row.getByRole('button', { name: 'Turn off' }).click();
    const dialog = owner.page.getByRole('dialog');
    await expect(dialog).toContainText('Turn off “For the clients”?');
    await expect(dialog).toContainText('Its 2 guests are told at once');
    await dialog.getByRole('button', { name: 'Turn off link' }).click();
    for (const guest of [ana, ben]) {
      await expect(guest.page.getByRole('alert').filter({ hasText: 'This link has ended' })).toBeVisible({
        timeout: 1_000,
      });
    }
    await expect(row).toHaveAttribute('data-status', 'revoked');
    await expect(ana.page.getByTestId('guest-link-ended')).toContainText('turned it off');
    // What they were writing is still there to read and copy.
    await expect(commentField(ana.page)).toHaveValue('The logo could be a touch bigger at the');
    await expect(commentField(ben.page)).toHaveValue('Music cue at 00:12 is late');
  });

  await test.step('Ana’s approval still stands: the state and the history agree', async () => {
    const approval = await owner.context.request.get(`/api/assets/${assetId}/approval`);
    expect(await approval.json()).toMatchObject({ state: 'approved', approvedCount: 1 });
    await owner.page.goto(`/assets/${assetId}`);
    await expect(owner.page.locator('.review-title').getByTestId('approval-badge')).toHaveText('Approved');
  });

  await test.step('the owner turns it back on; Ana checks again and sends her note, which the owner sees live', async () => {
    await owner.page.goto(`/projects/${projectId}`);
    const row = owner.page.getByTestId('review-link-row');
    await row.getByRole('button', { name: 'Turn on' }).click();
    await expect(row).toHaveAttribute('data-status', 'active');
    await owner.page.goto(`/assets/${assetId}`);
    await ana.page.getByRole('button', { name: 'Check again' }).click();
    await expect(ana.page.getByTestId('guest-link-ended')).toHaveCount(0);
    await commentField(ana.page).fill('The logo could be a touch bigger at the end');
    await ana.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(commentField(ana.page)).toHaveValue('');
    await expect(
      owner.page.getByTestId('comment').filter({ hasText: 'The logo could be a touch bigger at the end' }),
    ).toContainText('Ana Client (guest)');
  });

  await test.step('the owner copies the link again: the address opens for a new client', async () => {
    await owner.page.goto(`/projects/${projectId}`);
    const row = owner.page.getByTestId('review-link-row');
    await row.getByRole('button', { name: 'Copy link' }).click();
    const copied = await row.getByTestId('review-link-url').inputValue();
    expect(copied).toBe(linkUrl);
    const cleo = await newPerson(browser, 'Cleo Client');
    await cleo.page.goto(copied);
    await expect(cleo.page.getByRole('button', { name: 'Start reviewing' })).toBeVisible();
    await cleo.context.close();
  });

  await test.step('the owner takes commenting away: Ana’s note box goes at once, Ben’s too', async () => {
    await expect(commentField(ana.page)).toBeVisible();
    await ben.page.reload();
    await expect(commentField(ben.page)).toBeVisible();
    const row = owner.page.getByTestId('review-link-row');
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = owner.page.getByRole('form', { name: 'Edit For the clients' });
    await form.getByLabel('Comment').uncheck();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(row).toContainText('Guests can watch and approve or ask for changes');
    await expect(commentField(ana.page)).toHaveCount(0, { timeout: 2_000 });
    await expect(commentField(ben.page)).toHaveCount(0, { timeout: 2_000 });
  });

  expectCleanConsole(owner, [NO_AUDIO_WAVEFORM]);
  expectCleanConsole(ana, ENDED_LINK);
  expectCleanConsole(ben, ENDED_LINK);
  for (const person of [owner, ana, ben]) await person.context.close();
});
