import type { Page } from '@playwright/test';
import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import { makeTestClip, NO_AUDIO_WAVEFORM } from './support/media';

const EXPECTED_FAILURES = [NO_AUDIO_WAVEFORM];

async function uploadWithPicker(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

test('a reviewer decides, the owner sees it live, and v2 answers the notes v1 left open', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const owner = await newPerson(browser, 'Olivia Owner');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  const viewer = await newPerson(browser, 'Vic Viewer');
  for (const person of [owner, reviewer, viewer]) await signUp(person);
  const projectId = await createProject(owner, `Approvals ${Date.now()}`);
  await addMember(owner, projectId, reviewer, 'reviewer');
  await addMember(owner, projectId, viewer, 'viewer');

  const ownerCard = owner.page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'clip' });
  const ownerBell = owner.page.getByTestId('activity-bell');
  let reviewUrl = '';

  await test.step('the owner uploads a clip and opens it once it is ready', async () => {
    await owner.page.goto(`/projects/${projectId}`);
    await uploadWithPicker(owner.page, 'Upload files', clip);
    await ownerCard.getByRole('link').click();
    await expect(owner.page.locator('.version-info .version-status')).toHaveAttribute(
      'data-status',
      'ready',
      {
        timeout: 90_000,
      },
    );
    reviewUrl = owner.page.url();
    await expect(owner.page.getByTestId('approval-panel').getByTestId('approval-badge')).toHaveText(
      'In review',
    );
  });

  await test.step('the owner names the reviewer as the one who must approve this cut', async () => {
    const panel = owner.page.getByTestId('approval-panel');
    await panel.getByTestId('approval-toggle').click();
    await panel.getByTestId('edit-approvers').click();
    await panel.getByLabel("Follow the project's default list").uncheck();
    const picker = panel.getByTestId('approver-picker');
    // Viewers cannot approve, so they are not offered.
    await expect(picker.getByLabel(/Vic Viewer/)).toHaveCount(0);
    await picker.getByLabel(/Rosa Reviewer/).check();
    await panel.getByRole('button', { name: 'Save approvers' }).click();
    const approver = panel.getByTestId('required-approver');
    await expect(approver).toHaveCount(1);
    await expect(approver).toContainText('Rosa Reviewer');
    await expect(approver).toContainText('Waiting');
    await expect(owner.page.locator('.review-title').getByTestId('approval-badge')).toHaveText(
      'In review 0 of 1',
    );
  });

  await test.step('the owner goes back to the grid, where the card says the same', async () => {
    await owner.page.getByRole('link', { name: /^Approvals / }).click();
    await expect(ownerCard.getByTestId('approval-badge')).toHaveText('In review 0 of 1');
  });

  await test.step('a viewer can watch but is offered no decision', async () => {
    await viewer.page.goto(reviewUrl);
    const panel = viewer.page.getByTestId('approval-panel');
    await panel.getByTestId('approval-toggle').click();
    await expect(panel.getByText('Viewers watch and read notes')).toBeVisible();
    await expect(panel.getByTestId('approve-button')).toHaveCount(0);
    await expect(panel.getByTestId('edit-approvers')).toHaveCount(0);
  });

  const history = reviewer.page.getByTestId('decision-entry');

  await test.step('the reviewer approves with a note; the owner’s card turns Approved live', async () => {
    await reviewer.page.goto(reviewUrl);
    const panel = reviewer.page.getByTestId('approval-panel');
    // The decide buttons are in the header; the popover holds where I stand, the note and the history.
    await panel.getByTestId('approval-toggle').click();
    await expect(panel.getByTestId('my-decision')).toHaveText('You have not decided on v1 yet.');
    await panel.getByLabel('Note (optional)').fill('Lovely <b>grade</b>');
    await panel.getByTestId('approve-button').click();
    await expect(panel.getByTestId('my-decision')).toHaveText('You approved v1.');
    await expect(ownerCard.getByTestId('approval-badge')).toHaveText('Approved');
    await expect(history).toHaveCount(1);
    // What people type is shown as text, never as markup.
    await expect(history.first().locator('.decision-note')).toHaveText('Lovely <b>grade</b>');
  });

  await test.step('the reviewer changes their mind: the history keeps both, newest first', async () => {
    const panel = reviewer.page.getByTestId('approval-panel');
    await panel.getByLabel('Note (optional)').fill('Trim the first second');
    await panel.getByTestId('request-changes-button').click();
    await expect(ownerCard.getByTestId('approval-badge')).toHaveText('Changes requested');
    await expect(history).toHaveCount(2);
    await expect(history.first()).toHaveAttribute('data-decision', 'changes_requested');
    await expect(history.first()).toContainText('Rosa Reviewer');
    await expect(history.first()).toContainText('Trim the first second');
    await expect(history.nth(1)).toHaveAttribute('data-decision', 'approved');
    await expect(reviewer.page.locator('.review-title').getByTestId('approval-badge')).toHaveText(
      'Changes requested',
    );
  });

  await test.step('the owner’s bell counts both decisions, then one more when the reviewer mentions them', async () => {
    await expect(ownerBell.getByTestId('activity-unread')).toHaveText('2');
    const field = reviewer.page.getByRole('combobox', { name: 'Comment', exact: true });
    await field.fill('Sky is too bright, ');
    await field.press('End');
    await field.pressSequentially('@Ol');
    await reviewer.page.getByRole('option', { name: /Olivia Owner/ }).waitFor();
    await field.press('Enter');
    await reviewer.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(field).toHaveValue('');
    await expect(ownerBell.getByTestId('activity-unread')).toHaveText('3');
  });

  await test.step('the owner opens the bell and follows the mention to the cut', async () => {
    await ownerBell.click();
    const items = owner.page.getByTestId('activity-item');
    await expect(items.first()).toContainText('Rosa Reviewer mentioned you');
    await expect(items.first()).toContainText('Sky is too bright, @Olivia Owner');
    await expect(items.filter({ hasText: 'Rosa Reviewer requested changes on v1' })).toHaveCount(1);
    await items.first().getByRole('link').click();
    await expect(owner.page).toHaveURL(/\/assets\/[0-9a-f-]{36}\?version=1&frame=\d+$/);
    await expect(owner.page.getByTestId('activity-panel')).toHaveCount(0);
    await expect(ownerBell.getByTestId('activity-unread')).toHaveText('2');
  });

  await test.step('the owner uploads v2: a new round, in review again', async () => {
    await uploadWithPicker(owner.page, 'Upload a new version', clip);
    const versions = owner.page.getByRole('navigation', { name: 'Versions' });
    await versions.getByRole('link', { name: /v2/ }).click();
    await expect(owner.page).toHaveURL(/\?version=2$/);
    await expect(owner.page.locator('.review-title').getByTestId('approval-badge')).toHaveText(
      'In review 0 of 1',
    );
  });

  const ownerCarried = owner.page.getByTestId('carried-over');
  const reviewerCarried = reviewer.page.getByTestId('carried-over');

  await test.step('v2 shows the note v1 left open; the reviewer follows along on v2', async () => {
    await expect(ownerCarried.getByRole('heading', { name: /Open from v1/ })).toBeVisible();
    await expect(ownerCarried.getByTestId('carried-over-note')).toHaveCount(1);
    await expect(ownerCarried.getByTestId('carried-over-note')).toContainText('Sky is too bright');
    await expect(ownerCarried.getByTestId('carried-over-note')).toHaveAttribute('data-addressed', 'false');
    await reviewer.page
      .getByRole('navigation', { name: 'Versions' })
      .getByRole('link', { name: /v2/ })
      .click();
    await expect(reviewerCarried.getByTestId('carried-over-note')).toHaveAttribute('data-addressed', 'false');
  });

  await test.step('the owner marks it addressed in v2; the reviewer sees it at once; undo and redo', async () => {
    await ownerCarried.getByTestId('mark-addressed').click();
    await expect(ownerCarried.getByTestId('addressed-by')).toHaveText('✓ Addressed in v2 by Olivia Owner');
    await expect(ownerCarried.getByTestId('carried-over-summary')).toHaveText('1 of 1 addressed');
    await expect(reviewerCarried.getByTestId('carried-over-note')).toHaveAttribute('data-addressed', 'true');
    await ownerCarried.getByTestId('unmark-addressed').click();
    await expect(ownerCarried.getByTestId('carried-over-note')).toHaveAttribute('data-addressed', 'false');
    await expect(reviewerCarried.getByTestId('carried-over-note')).toHaveAttribute('data-addressed', 'false');
    await ownerCarried.getByTestId('mark-addressed').click();
    await expect(reviewerCarried.getByTestId('addressed-by')).toBeVisible();
  });

  await test.step('the rounds summary sums up each version', async () => {
    await owner.page.getByRole('tab', { name: 'Details' }).click();
    const v1 = owner.page.locator('[data-testid="round"][data-version="1"]');
    await expect(v1).toBeVisible();
    await expect(v1.getByTestId('round-notes')).toHaveText('1 note · 0 still open · 1 addressed in v2');
    await expect(v1.getByTestId('approval-badge')).toHaveText('Changes requested');
    await expect(v1).toContainText('1 requested changes');
  });

  await test.step('mark all read empties the bell', async () => {
    await ownerBell.click();
    await owner.page.getByTestId('mark-all-read').click();
    await expect(ownerBell.getByTestId('activity-unread')).toHaveCount(0);
    await expect(owner.page.locator('[data-testid="activity-item"][data-read="false"]')).toHaveCount(0);
  });

  for (const person of [owner, reviewer, viewer]) {
    expectCleanConsole(person, EXPECTED_FAILURES);
    await person.context.close();
  }
});
