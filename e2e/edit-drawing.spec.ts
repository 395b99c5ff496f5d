import type { Page } from '@playwright/test';
import { boxOn, drag, expectBoxNear, pictureOnScreen } from './support/drawing';
import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import { codedTimecode as timecodeOf, expectOnFrame, goToFrame, makeCodedClip } from './support/coded-clip';
import { NO_AUDIO_WAVEFORM } from './support/media';
import { frameOnPicture } from './support/picture';

const FRAMES = 50;
/** The frame the note is about. */
const F = 17;
const RECTANGLE: [[number, number], [number, number]] = [
  [0.55, 0.2],
  [0.85, 0.5],
];
const ARROW: [[number, number], [number, number]] = [
  [0.2, 0.3],
  [0.5, 0.6],
];

/** The note's saved drawing is the arrow alone, where it was drawn. */
async function expectSavedArrowOnly(page: Page) {
  const saved = page.getByTestId('saved-drawing');
  await expect(saved).toHaveCount(1);
  await expect(saved.locator('[data-shape="rectangle"]')).toHaveCount(0);
  await expect(saved.locator('[data-shape="arrow"]')).toHaveCount(1);
  await expectBoxNear(
    saved.locator('[data-shape="arrow"] line'),
    boxOn(await pictureOnScreen(page), ...ARROW),
  );
}

test('the author changes the drawing of a posted note; the reviewer sees the new drawing live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = testInfo.outputPath('coded-edit-drawing.mov');
  await makeCodedClip(clip, { frames: FRAMES, width: 480, height: 360 });
  const owner = await newPerson(browser, 'Olivia Owner');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [owner, reviewer]) await signUp(person);
  const projectId = await createProject(owner, `Edit drawing ${Date.now()}`);
  await addMember(owner, projectId, reviewer, 'reviewer');

  const page = owner.page;
  await test.step('the owner uploads the cut and opens it on frame F; the reviewer waits there too', async () => {
    await page.goto(`/projects/${projectId}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    const card = page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'coded-edit-drawing' });
    await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', {
      timeout: 90_000,
    });
    await card.getByRole('link').click();
    await expect.poll(() => frameOnPicture(page)).toBe(0);
    await goToFrame(page, F, FRAMES);
    await reviewer.page.goto(page.url());
    await expect.poll(() => frameOnPicture(reviewer.page)).toBe(0);
    await goToFrame(reviewer.page, F, FRAMES);
  });

  const tools = page.getByRole('toolbar', { name: 'Drawing tools' });
  const draft = page.getByTestId('draft-drawing').locator('[data-shape]');
  const ownerNote = page.getByRole('article', { name: 'Comment by Olivia Owner' });
  const reviewerNote = reviewer.page.getByRole('article', { name: 'Comment by Olivia Owner' });
  const reviewerSaved = reviewer.page.getByTestId('saved-drawing');
  const reviewerLive = reviewer.page.getByTestId('live-drawing').locator('[data-shape]');

  await test.step('the owner posts a note with a rectangle at F', async () => {
    await tools.getByRole('button', { name: 'Rectangle', exact: true }).click();
    await drag(page, await pictureOnScreen(page), ...RECTANGLE);
    await expect(draft).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Comment', exact: true }).fill('Box the logo');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(ownerNote.getByTestId('comment-where')).toHaveText(timecodeOf(F));
    await expect(reviewerSaved.locator('[data-shape="rectangle"]')).toHaveCount(1);
    await expect(reviewerLive).toHaveCount(0);
    // The drawing is the author's to change, as the text is.
    await expect(reviewerNote.getByRole('button', { name: 'Edit drawing' })).toHaveCount(0);
  });

  await test.step('from another frame, "Edit drawing" goes to F with the note’s shapes in the draft', async () => {
    await goToFrame(page, 0, FRAMES);
    await ownerNote.getByRole('button', { name: 'Edit drawing' }).click();
    await expectOnFrame(page, F);
    await expect(draft).toHaveCount(1);
    await expect(draft.first()).toHaveAttribute('data-shape', 'rectangle');
    // The draft stands in for the saved drawing, which is not drawn twice.
    await expect(page.getByTestId('saved-drawing')).toHaveCount(0);
    await expect(page.getByTestId('drawing-edit-where')).toContainText(timecodeOf(F));
    await expect(page.getByRole('button', { name: 'Comment', exact: true })).toHaveCount(0);
  });

  await test.step('the owner clears the rectangle and draws an arrow; the reviewer sees it live', async () => {
    await tools.getByRole('button', { name: 'Clear drawing' }).click();
    await expect(draft).toHaveCount(0);
    await tools.getByRole('button', { name: 'Arrow', exact: true }).click();
    await drag(page, await pictureOnScreen(page), ...ARROW);
    await expect(draft).toHaveCount(1);
    await expect(reviewer.page.getByTestId('live-drawing').locator('[data-shape="arrow"]')).toHaveCount(1);
  });

  await test.step('the owner saves: both see the note’s drawing as the arrow alone', async () => {
    await page.getByRole('button', { name: 'Save drawing' }).click();
    await expect(page.getByRole('form', { name: 'Edit drawing' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Comment', exact: true })).toBeVisible();
    await expect(draft).toHaveCount(0);
    await expectSavedArrowOnly(page);
    await expectSavedArrowOnly(reviewer.page);
    await expect(reviewerLive).toHaveCount(0);
    await expect(reviewerNote.getByTitle('Has a drawing')).toBeVisible();
  });

  await test.step('editing again and cancelling leaves the note as it was', async () => {
    await ownerNote.getByRole('button', { name: 'Edit drawing' }).click();
    await expect(draft).toHaveCount(1);
    await tools.getByRole('button', { name: 'Clear drawing' }).click();
    await expect(draft).toHaveCount(0);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Edit drawing' })).toHaveCount(0);
    await expect(draft).toHaveCount(0);
    await expectSavedArrowOnly(page);
    await expectSavedArrowOnly(reviewer.page);
    await expect(reviewerLive).toHaveCount(0);
  });

  for (const person of [owner, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
