import type { Page } from '@playwright/test';
import { boxOn, drag, expectBoxNear, pictureOnScreen } from './support/drawing';
import { addMember, expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';
import {
  clickTimelineAt,
  codedTimecode as timecodeOf,
  expectOnFrame,
  makeCodedClip,
} from './support/coded-clip';
import { NO_AUDIO_WAVEFORM } from './support/media';

const FRAMES = 50;
/** The frame the note is about. */
const F = 31;

/** The saved rectangle covers (0.55,0.2)–(0.85,0.5) of the picture, and the arrow ends at (0.5,0.6). */
async function expectDrawingOnPicture(page: Page) {
  const picture = await pictureOnScreen(page);
  await expectBoxNear(page.getByTestId('player-picture'), picture);
  const saved = page.getByTestId('saved-drawing');
  await expect(saved.locator('[data-shape="rectangle"]')).toHaveCount(1);
  await expect(saved.locator('[data-shape="arrow"]')).toHaveCount(1);
  await expectBoxNear(saved.locator('[data-shape="rectangle"]'), boxOn(picture, [0.55, 0.2], [0.85, 0.5]));
  // The shaft runs from (0.2,0.3) to (0.5,0.6): its box is that diagonal's.
  await expectBoxNear(saved.locator('[data-shape="arrow"] line'), boxOn(picture, [0.2, 0.3], [0.5, 0.6]));
}

test('a note with a drawing at a frame reaches another member live, lines up, and is resolved', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = testInfo.outputPath('coded-review.mov');
  // 4:3 in a 16:9 player: the picture is pillarboxed, so the drawing must find the picture, not the element.
  await makeCodedClip(clip, { frames: FRAMES, width: 480, height: 360 });
  const owner = await newPerson(browser, 'Olivia Owner');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  const projectName = `Review ${Date.now()}`;
  let reviewUrl = '';

  await test.step('the owner registers, makes a project and adds a reviewer', async () => {
    await owner.page.goto('/register');
    await owner.page.getByLabel('Display name').fill(owner.displayName);
    await owner.page.getByLabel('Email').fill(owner.email);
    await owner.page.getByLabel('Password').fill(owner.password);
    await owner.page.getByRole('button', { name: 'Create account' }).click();
    await owner.page.getByLabel('Project name').fill(projectName);
    await owner.page.getByRole('button', { name: 'Create project' }).click();
    await expect(owner.page.getByRole('heading', { name: projectName, level: 1 })).toBeVisible();
    const projectId = /\/projects\/([0-9a-f-]{36})$/.exec(owner.page.url())?.[1];
    if (!projectId) throw new Error(`not on a project page: ${owner.page.url()}`);
    await signUp(reviewer);
    await addMember(owner, projectId, reviewer, 'reviewer');
  });

  await test.step('the owner uploads the clip and opens it once it is ready', async () => {
    const chooser = owner.page.waitForEvent('filechooser');
    await owner.page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    await owner.page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'coded-review' })
      .getByRole('link')
      .click();
    await expect(owner.page.locator('.version-info .version-status')).toHaveAttribute(
      'data-status',
      'ready',
      {
        timeout: 90_000,
      },
    );
    await expectOnFrame(owner.page, 0);
    reviewUrl = owner.page.url();
  });

  await test.step('the reviewer opens the same cut and waits on frame F', async () => {
    await reviewer.page.goto(reviewUrl);
    await expectOnFrame(reviewer.page, 0);
    await clickTimelineAt(reviewer.page, F, FRAMES);
    await expectOnFrame(reviewer.page, F);
    await expect(owner.page.getByTestId('presence-avatar')).toHaveCount(1);
    await expect(owner.page.getByTestId('presence-avatar')).toContainText('RR');
  });

  await test.step('the owner plays, pauses, and lands on frame F', async () => {
    await owner.page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(owner.page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
    await owner.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await clickTimelineAt(owner.page, F, FRAMES);
    await expectOnFrame(owner.page, F);
    // The reviewer sees where the owner is.
    await expect(reviewer.page.getByTestId('peer-playhead')).toHaveAttribute('data-frame', String(F));
  });

  await test.step('the owner draws an arrow and a rectangle; the reviewer sees the strokes live', async () => {
    const page = owner.page;
    const tools = page.getByRole('toolbar', { name: 'Drawing tools' });
    // Picking a tool must not move the picture; measure it where it is when the pen goes down.
    await tools.getByRole('button', { name: 'Arrow', exact: true }).click();
    await drag(page, await pictureOnScreen(page), [0.2, 0.3], [0.5, 0.6]);
    await tools.getByRole('button', { name: 'Yellow' }).click();
    await tools.getByRole('button', { name: 'Rectangle', exact: true }).click();
    await drag(page, await pictureOnScreen(page), [0.55, 0.2], [0.85, 0.5]);
    await expect(page.getByTestId('draft-drawing').locator('[data-shape]')).toHaveCount(2);
    const live = reviewer.page.getByTestId('live-drawing');
    await expect(live.locator('[data-shape="arrow"]')).toHaveCount(1);
    await expect(live.locator('[data-shape="rectangle"]')).toHaveCount(1);
  });

  await test.step('the owner writes the note at F, mentioning the reviewer', async () => {
    const page = owner.page;
    await expect(page.getByTestId('composer-where')).toHaveText(timecodeOf(F));
    const field = page.getByRole('combobox', { name: 'Comment', exact: true });
    await field.fill('Sky is too bright here #grade ');
    await expect(reviewer.page.getByText('Olivia Owner is writing a comment…')).toBeVisible();
    await field.press('End');
    await field.pressSequentially('@Ro');
    await page.getByRole('option', { name: /Rosa Reviewer/ }).waitFor();
    await field.press('Enter');
    await expect(field).toHaveValue('Sky is too bright here #grade @Rosa Reviewer ');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(field).toHaveValue('');
    await expect(reviewer.page.getByText('Olivia Owner is writing a comment…')).toHaveCount(0);
    const note = page.getByRole('article', { name: 'Comment by Olivia Owner' });
    await expect(note.getByTestId('comment-where')).toHaveText(timecodeOf(F));
    await expect(note.getByTitle('Has a drawing')).toBeVisible();
    await expect(page.locator(`[data-testid="comment-marker"][data-frame="${F}"]`)).toHaveCount(1);
    await expectDrawingOnPicture(page);
  });

  const reviewerNote = reviewer.page.getByRole('article', { name: 'Comment by Olivia Owner' });

  await test.step('the reviewer sees the note arrive at F with its drawing on the picture', async () => {
    await expect(reviewerNote).toBeVisible();
    await expect(reviewerNote.getByTestId('comment-where')).toHaveText(timecodeOf(F));
    await expect(reviewerNote.getByText('Sky is too bright here #grade @Rosa Reviewer')).toBeVisible();
    await expect(reviewer.page.locator(`[data-testid="comment-marker"][data-frame="${F}"]`)).toHaveCount(1);
    await expectOnFrame(reviewer.page, F);
    await expectDrawingOnPicture(reviewer.page);
  });

  await test.step('elsewhere the drawing is gone; clicking the note seeks back to F and pauses', async () => {
    const page = reviewer.page;
    await page.keyboard.press('Home');
    await expectOnFrame(page, 0);
    await expect(page.getByTestId('saved-drawing')).toHaveCount(0);
    await reviewerNote.getByTestId('comment-where').click();
    await expectOnFrame(page, F);
    await expectDrawingOnPicture(page);
  });

  await test.step('after resizing the window the drawing still lines up with the picture', async () => {
    // The overlay follows the picture on the next layout: allow it a moment, as a person would.
    await reviewer.page.setViewportSize({ width: 1600, height: 1000 });
    await expect.poll(async () => (await pictureOnScreen(reviewer.page)).width).toBeGreaterThan(600);
    await expect(() => expectDrawingOnPicture(reviewer.page)).toPass({ timeout: 5_000 });
    await reviewer.page.setViewportSize({ width: 1100, height: 640 });
    await expect.poll(async () => (await pictureOnScreen(reviewer.page)).width).toBeLessThan(600);
    await expect(() => expectDrawingOnPicture(reviewer.page)).toPass({ timeout: 5_000 });
  });

  await test.step('in fullscreen the drawing still lines up with the picture', async () => {
    const page = reviewer.page;
    await page.getByRole('button', { name: 'Fullscreen', exact: true }).click();
    await expect(page.getByTestId('player')).toHaveClass(/player-fullscreen/);
    await expect.poll(async () => (await pictureOnScreen(page)).height).toBeGreaterThan(500);
    await expect(() => expectDrawingOnPicture(page)).toPass({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Exit fullscreen' }).click();
    await expect(page.getByTestId('player')).not.toHaveClass(/player-fullscreen/);
    await expect(() => expectDrawingOnPicture(page)).toPass({ timeout: 5_000 });
  });

  await test.step('the owner resolves it and both see it resolved', async () => {
    const ownerNote = owner.page.getByRole('article', { name: 'Comment by Olivia Owner' });
    await ownerNote.getByRole('button', { name: 'Resolve' }).click();
    await expect(ownerNote).toHaveAttribute('data-resolved', 'true');
    await expect(ownerNote.getByTestId('resolved-badge')).toBeVisible();
    await expect(reviewerNote).toHaveAttribute('data-resolved', 'true');
    await expect(reviewerNote.getByTestId('resolved-badge')).toBeVisible();
    // A reviewer may not resolve someone else's note, so is not offered to reopen it either.
    await expect(reviewerNote.getByRole('button', { name: 'Reopen' })).toHaveCount(0);
  });

  for (const [person, name] of [
    [owner, 'owner'],
    [reviewer, 'reviewer'],
  ] as const) {
    const screenshot = testInfo.outputPath(`review-page-${name}.png`);
    await person.page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach(`review page (${name})`, { path: screenshot, contentType: 'image/png' });
  }
  for (const person of [owner, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
