import type { Page } from '@playwright/test';
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
import { codedTimecode, expectOnFrame, makeCodedClip } from './support/coded-clip';
import { NO_AUDIO_WAVEFORM } from './support/media';

const FRAMES = 75;
const DESKTOP = { width: 1440, height: 900 };

async function uploadAndWait(page: Page, projectId: string, clip: string, name: string): Promise<void> {
  await page.goto(`/projects/${projectId}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(clip);
  const card = page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name });
  await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
}

async function latestVersionId(
  person: Person,
  projectId: string,
): Promise<{ assetId: string; versionId: string }> {
  const response = await person.context.request.get(`/api/projects/${projectId}/assets`);
  expect(response.status()).toBe(200);
  const { assets } = (await response.json()) as { assets: { id: string; latestVersion: { id: string } }[] };
  return { assetId: assets[0].id, versionId: assets[0].latestVersion.id };
}

async function postNote(person: Person, versionId: string, body: string, frame: number): Promise<void> {
  const response = await person.context.request.post(`/api/versions/${versionId}/comments`, {
    data: { body, frame },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test('notes come first: at 1440×900 the composer and notes are in sight, the header decides, markers seek', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = await makeCodedClip(testInfo.outputPath('coded-notes.mov'), {
    frames: FRAMES,
    width: 640,
    height: 360,
  });
  const owner = await newPerson(browser, 'Olivia Owner');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  const director = await newPerson(browser, 'Dana Director');
  for (const person of [owner, reviewer, director]) await signUp(person);
  const projectId = await createProject(owner, `Notes first ${Date.now()}`);
  await addMember(owner, projectId, reviewer, 'reviewer');
  await addMember(owner, projectId, director, 'reviewer');
  for (const person of [owner, reviewer, director]) await person.page.setViewportSize(DESKTOP);

  await uploadAndWait(owner.page, projectId, clip, 'coded-notes');
  const { assetId, versionId } = await latestVersionId(owner, projectId);
  const reviewUrl = `/assets/${assetId}?version=1`;
  // Enough notes to fill the column: the first ones must still be in sight.
  await postNote(owner, versionId, 'Flicker in the sky, top left corner', 10);
  await postNote(director, versionId, 'Hold this shot a beat longer', 40);
  await postNote(owner, versionId, 'Cut on the turn, not after it', 41);
  for (let n = 0; n < 6; n += 1) await postNote(director, versionId, `Grade note ${n + 1}: warmer`, 60 + n);

  const page = reviewer.page;

  await test.step('the reviewer opens the cut: composer and first notes in sight, approval pending in the header', async () => {
    await page.goto(reviewUrl);
    await expectOnFrame(page, 0);
    const control = page.getByTestId('approval-panel');
    await expect(control.getByTestId('approval-badge')).toHaveText('In review');
    await expect(control.getByTestId('approve-button')).toBeInViewport();
    const composer = page.getByRole('combobox', { name: 'Comment', exact: true });
    await expect(composer).toBeInViewport({ ratio: 1 });
    const notes = page.getByTestId('comment');
    await expect(notes).toHaveCount(9);
    await expect(notes.first()).toBeInViewport({ ratio: 1 });
    await expect(notes.nth(1)).toBeInViewport({ ratio: 1 });
    // Nothing had to scroll to get there: not the page, not the notes column.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.locator('.review-side').evaluate((side) => side.scrollTop)).toBe(0);
    await page.screenshot({ path: testInfo.outputPath('notes-first-1440.png') });
  });

  await test.step('each note shows its author, how long ago (exact on hover) and its timecode', async () => {
    const first = page
      .getByRole('article', { name: 'Comment by Olivia Owner' })
      .filter({ hasText: 'Flicker' });
    await expect(first.getByTestId('avatar')).toHaveText('OO');
    const time = first.locator('time');
    await expect(time).toHaveText('just now');
    await expect(time).toHaveAttribute('title', /\d{4}.*\d{1,2}:\d{2}|\d{1,2}:\d{2}.*\d{4}/);
    await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expect(first.getByTestId('comment-where')).toHaveText(codedTimecode(10));
    await first.getByTestId('comment-where').click();
    await expectOnFrame(page, 10);
  });

  await test.step('markers show who, are 24 px targets, cluster when close, and seek to the note', async () => {
    const single = page.locator('[data-testid="comment-marker"][data-frame="10"]');
    await expect(single).toHaveText('OO');
    await expect(single).toHaveAttribute('title', 'Olivia Owner: Flicker in the sky, top left corner');
    const box = await single.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeGreaterThanOrEqual(24);
    // Frames 40 and 41 are a few pixels apart: one target naming both.
    const cluster = page.locator('[data-testid="comment-marker"][data-frame="40"]');
    await expect(cluster).toHaveAttribute('data-count', '2');
    await expect(cluster).toHaveText('2');
    await expect(cluster).toHaveAttribute(
      'title',
      'Dana Director: Hold this shot a beat longer\nOlivia Owner: Cut on the turn, not after it',
    );
    await expect(page.locator('[data-testid="comment-marker"][data-frame="41"]')).toHaveCount(0);
    await cluster.click();
    await expectOnFrame(page, 40);
  });

  await test.step('the reviewer approves from the header; the others see it live; the popover has the history', async () => {
    await owner.page.goto(reviewUrl);
    await director.page.goto(reviewUrl);
    const control = page.getByTestId('approval-panel');
    await control.getByTestId('approve-button').click();
    await expect(control.getByTestId('approval-badge')).toHaveText('Approved');
    await expect(owner.page.getByTestId('approval-panel').getByTestId('approval-badge')).toHaveText(
      'Approved',
    );
    await expect(director.page.getByTestId('approval-panel').getByTestId('approval-badge')).toHaveText(
      'Approved',
    );
    await expect(control.getByTestId('approval-count')).toHaveText('1 approval');
    await director.page.getByTestId('approval-panel').getByTestId('approval-toggle').click();
    const popover = director.page.getByRole('dialog', { name: 'Approval of v1' });
    await expect(popover).toBeVisible();
    await expect(popover.getByTestId('approval-detail')).toHaveText('Approved by Rosa Reviewer.');
    const entry = popover.getByTestId('decision-entry');
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('Rosa Reviewer');
    await expect(entry.locator('time')).toHaveText('just now');
    await director.page.keyboard.press('Escape');
    await expect(popover).toHaveCount(0);
  });

  await test.step('relative times move on as time passes', async () => {
    await director.page.clock.install();
    await director.page.reload();
    const note = director.page.getByTestId('comment').filter({ hasText: 'Flicker' });
    await expect(note.locator('time')).toHaveText('just now');
    await director.page.clock.fastForward('03:00');
    await expect(note.locator('time')).toHaveText('3 min ago');
  });

  for (const person of [owner, reviewer, director]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
