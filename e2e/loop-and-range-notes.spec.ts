import type { Page } from '@playwright/test';
import { createProject, expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';
import {
  clickTimelineAt as clickOnTimeline,
  codedTimecode as timecodeOf,
  makeCodedClip,
} from './support/coded-clip';
import { pictureOnScreen, pointOn } from './support/drawing';
import { NO_AUDIO_WAVEFORM } from './support/media';
import { frameOnPicture } from './support/picture';

const FRAMES = 75;
/** Clicks a frame on the timeline; looping or not, that frame is the one on screen. */
async function clickTimelineAt(page: Page, frame: number) {
  await clickOnTimeline(page, frame, FRAMES);
  await expect(page.getByTestId('player')).toHaveAttribute('data-frame', String(frame));
  await expect.poll(() => frameOnPicture(page)).toBe(frame);
}

test('an editor loops a shot with I and O, notes it over the range, and works the thread', async ({
  browser,
}, testInfo) => {
  const clip = testInfo.outputPath('coded-loop.mov');
  await makeCodedClip(clip, { frames: FRAMES, width: 640, height: 360 });
  const editor = await newPerson(browser, 'Eddie Editor');
  await signUp(editor);
  const projectId = await createProject(editor, `Loops ${Date.now()}`);
  const page = editor.page;
  await page.goto(`/projects/${projectId}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(clip);
  // Opened once ready: this story is about the finished cut, not one still being processed.
  const card = page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'coded-loop' });
  await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await card.getByRole('link').click();
  await expect(page.getByTestId('player')).toHaveAttribute('data-frame', '0');
  await expect.poll(() => frameOnPicture(page)).toBe(0);
  const player = page.getByTestId('player');

  await test.step('I and O mark frames 10 to 20, and playback loops inside them', async () => {
    await clickTimelineAt(page, 10);
    await page.keyboard.press('i');
    await clickTimelineAt(page, 20);
    await page.keyboard.press('o');
    await expect(page.getByTestId('loop-range')).toBeVisible();
    await expect(
      page.getByRole('button', { name: `Clear loop ${timecodeOf(10)} to ${timecodeOf(20)}` }),
    ).toBeVisible();
    await page.keyboard.press('k');
    await expect(player).toHaveAttribute('data-playing', 'true');
    // Three seconds of a three-second clip: without the loop it would have reached its end and stopped.
    const seen: number[] = [];
    for (let sample = 0; sample < 12; sample += 1) {
      await page.waitForTimeout(250);
      seen.push(Number(await player.getAttribute('data-frame')));
    }
    await expect(player).toHaveAttribute('data-playing', 'true');
    expect(Math.min(...seen), seen.join(',')).toBeGreaterThanOrEqual(10);
    expect(Math.max(...seen), seen.join(',')).toBeLessThanOrEqual(22);
    await page.keyboard.press('k');
    await expect(player).toHaveAttribute('data-playing', 'false');
  });

  const note = page.getByRole('article', { name: 'Comment by Eddie Editor' }).filter({ hasText: 'Flicker' });

  await test.step('a note with typed-in text drawn over the range goes on the whole range', async () => {
    await clickTimelineAt(page, 15);
    await expect(page.getByTestId('composer-where')).toHaveText(`${timecodeOf(10)} – ${timecodeOf(20)}`);
    const tools = page.getByRole('toolbar', { name: 'Drawing tools' });
    await tools.getByRole('button', { name: 'Text', exact: true }).click();
    const spot = pointOn(await pictureOnScreen(page), 0.1, 0.1);
    await page.mouse.click(spot.x, spot.y);
    await page.keyboard.type('Here');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('draft-drawing').locator('[data-shape="text"]')).toHaveText('Here');
    // Undo and redo from the keyboard once the text box has closed.
    await expect(page.getByTestId('picture-text-box')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('draft-drawing').locator('[data-shape]')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('draft-drawing').locator('[data-shape="text"]')).toHaveText('Here');
    await page.getByRole('combobox', { name: 'Comment', exact: true }).fill('Flicker across this shot #vfx');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(note.getByTestId('comment-where')).toHaveText(`${timecodeOf(10)} – ${timecodeOf(20)}`);
    // The note's band covers its range; its author's marker sits at the range's start.
    await expect(
      page.locator('[data-testid="comment-range"][data-frame="10"][data-frame-end="20"]'),
    ).toHaveCount(1);
    await expect(page.locator('[data-testid="comment-marker"][data-frame="10"]')).toHaveText('EE');
    await expect(page.getByTestId('saved-drawing').locator('[data-shape="text"]')).toHaveText('Here');
    await page.keyboard.press('Shift+X');
    await expect(page.getByTestId('loop-range')).toHaveCount(0);
    await clickTimelineAt(page, 25);
    await expect(page.getByTestId('saved-drawing')).toHaveCount(0);
    await clickTimelineAt(page, 20);
    await expect(page.getByTestId('saved-drawing')).toHaveCount(1);
  });

  await test.step('the author edits the note', async () => {
    await note.getByRole('button', { name: 'Edit', exact: true }).click();
    await note.getByRole('combobox', { name: 'Edit comment' }).fill('Flicker across this shot #vfx #grade');
    await note.getByRole('button', { name: 'Save' }).click();
    await expect(note.getByText('Flicker across this shot #vfx #grade')).toBeVisible();
    await expect(note.getByText('(edited)')).toBeVisible();
  });

  await test.step('replies, reactions and filters', async () => {
    await note.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('combobox', { name: 'Reply', exact: true }).fill('Fixed in the next cut');
    await page.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await expect(page.getByRole('list', { name: 'Replies to Eddie Editor' })).toContainText(
      'Fixed in the next cut',
    );
    await note.getByText('☺+').click();
    await note.getByRole('button', { name: 'React with 👍' }).click();
    await expect(note.getByRole('button', { name: '👍 1' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByLabel('With drawing').check();
    await expect(note).toBeVisible();
    await page.getByLabel('Hashtag').fill('#sound');
    await expect(page.getByText('No comments match these filters.')).toBeVisible();
    await page.getByLabel('Hashtag').fill('#VFX');
    await expect(note).toBeVisible();
    await page.getByLabel('Hashtag').fill('');
    await page.getByLabel('With drawing').uncheck();
  });

  await test.step('what a person types shows as text, never as markup; a note can be deleted', async () => {
    await page.getByLabel('General note').check();
    await expect(page.getByTestId('composer-where')).toHaveText('General note');
    await page
      .getByRole('combobox', { name: 'Comment', exact: true })
      .fill('<b>bold</b> <img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const general = page
      .getByRole('article', { name: 'Comment by Eddie Editor' })
      .filter({ hasText: '<b>bold</b>' });
    await expect(general).toBeVisible();
    await expect(general.locator('b, img')).toHaveCount(0);
    await general.getByRole('button', { name: 'Delete' }).click();
    await general.getByRole('button', { name: 'Confirm delete' }).click();
    await expect(general).toHaveCount(0);
    await expect(note).toBeVisible();
  });

  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  await editor.context.close();
});
