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
import { codedTimecode as timecodeOf, goToFrame, makeCodedClip } from './support/coded-clip';
import { NO_AUDIO_WAVEFORM } from './support/media';
import { frameOnPicture } from './support/picture';

const FRAMES = 50;
/** The frame the note is about. */
const F = 23;
const RECTANGLE: [[number, number], [number, number]] = [
  [0.55, 0.2],
  [0.85, 0.5],
];

test('in fullscreen the owner draws on a frame and posts the note there; undo and clear reach the reviewer live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = testInfo.outputPath('coded-fullscreen.mov');
  // 4:3 on a 16:9 screen: the picture is pillarboxed in fullscreen, so drawing must find the picture.
  await makeCodedClip(clip, { frames: FRAMES, width: 480, height: 360 });
  const owner = await newPerson(browser, 'Olivia Owner');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  const viewer = await newPerson(browser, 'Vic Viewer');
  for (const person of [owner, reviewer, viewer]) await signUp(person);
  const projectId = await createProject(owner, `Fullscreen ${Date.now()}`);
  await addMember(owner, projectId, reviewer, 'reviewer');
  await addMember(owner, projectId, viewer, 'viewer');

  const page = owner.page;
  const player = page.getByTestId('player');
  await test.step('the owner uploads the cut and opens it on frame F', async () => {
    await page.goto(`/projects/${projectId}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    const card = page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'coded-fullscreen' });
    await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', {
      timeout: 90_000,
    });
    await card.getByRole('link').click();
    await expect.poll(() => frameOnPicture(page)).toBe(0);
    await goToFrame(page, F, FRAMES);
  });

  await test.step('the reviewer waits on frame F, and a viewer in fullscreen is offered no drawing tools', async () => {
    await reviewer.page.goto(page.url());
    await expect.poll(() => frameOnPicture(reviewer.page)).toBe(0);
    await goToFrame(reviewer.page, F, FRAMES);
    await viewer.page.goto(page.url());
    await viewer.page.getByRole('button', { name: 'Fullscreen', exact: true }).click();
    await expect(viewer.page.getByTestId('player')).toHaveClass(/player-fullscreen/);
    await expect(viewer.page.getByRole('toolbar', { name: 'Drawing tools' })).toHaveCount(0);
    await expect(viewer.page.getByRole('combobox', { name: 'Note' })).toHaveCount(0);
    await viewer.context.close();
  });

  const tools = player.getByRole('toolbar', { name: 'Drawing tools' });
  const draft = player.getByTestId('draft-drawing').locator('[data-shape]');
  const live = reviewer.page.getByTestId('live-drawing');

  await test.step('in fullscreen the owner draws a rectangle and an arrow; the reviewer sees both live', async () => {
    await player.getByRole('button', { name: 'Fullscreen', exact: true }).click();
    await expect(player).toHaveClass(/player-fullscreen/);
    await expect.poll(async () => (await pictureOnScreen(page)).height).toBeGreaterThan(500);
    await tools.getByRole('button', { name: 'Rectangle', exact: true }).click();
    await drag(page, await pictureOnScreen(page), ...RECTANGLE);
    await tools.getByRole('button', { name: 'Arrow', exact: true }).click();
    await drag(page, await pictureOnScreen(page), [0.2, 0.3], [0.5, 0.6]);
    await expect(draft).toHaveCount(2);
    await expect(live.locator('[data-shape="arrow"]')).toHaveCount(1);
    await expect(live.locator('[data-shape="rectangle"]')).toHaveCount(1);
    // Drawn on the fullscreen picture, it lands on the same part of the reviewer's smaller one.
    await expectBoxNear(
      live.locator('[data-shape="rectangle"]'),
      boxOn(await pictureOnScreen(reviewer.page), ...RECTANGLE),
    );
  });

  await test.step('undo, redo (buttons and keys) and clear change the reviewer’s live drawing too', async () => {
    await tools.getByRole('button', { name: 'Undo' }).click();
    await expect(draft).toHaveCount(1);
    await expect(live.locator('[data-shape="arrow"]')).toHaveCount(0);
    await expect(live.locator('[data-shape="rectangle"]')).toHaveCount(1);
    await page.keyboard.press('Control+Shift+Z');
    await expect(draft).toHaveCount(2);
    await expect(live.locator('[data-shape="arrow"]')).toHaveCount(1);
    await page.keyboard.press('Control+Z');
    await expect(live.locator('[data-shape="arrow"]')).toHaveCount(0);
    await tools.getByRole('button', { name: 'Clear drawing' }).click();
    await expect(draft).toHaveCount(0);
    await expect(live.locator('[data-shape]')).toHaveCount(0);
    await tools.getByRole('button', { name: 'Undo' }).click();
    await expect(draft).toHaveCount(1);
    await expect(live.locator('[data-shape="rectangle"]')).toHaveCount(1);
    await expect(live.locator('[data-shape]')).toHaveCount(1);
  });

  const fullscreenNote = player.getByRole('combobox', { name: 'Note' });

  await test.step('leaving fullscreen keeps the drawing and the note begun there', async () => {
    await fullscreenNote.fill('Crop tighter on the sign');
    await player.getByRole('button', { name: 'Exit fullscreen' }).click();
    await expect(player).not.toHaveClass(/player-fullscreen/);
    await expect(draft).toHaveCount(1);
    await expect(page.getByTestId('composer-where')).toHaveText(timecodeOf(F));
    await expect(page.getByRole('combobox', { name: 'Comment', exact: true })).toHaveValue(
      'Crop tighter on the sign',
    );
    // F, the player's own key, goes back into fullscreen.
    await page.keyboard.press('f');
    await expect(player).toHaveClass(/player-fullscreen/);
    await expect(fullscreenNote).toHaveValue('Crop tighter on the sign');
  });

  await test.step('the owner posts the note from fullscreen, at frame F with its drawing', async () => {
    await expect(player.getByTestId('fullscreen-composer-where')).toHaveText(timecodeOf(F));
    await player.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(fullscreenNote).toHaveValue('');
    await expect(draft).toHaveCount(0);
    await expect(player).toHaveClass(/player-fullscreen/);
    const saved = player.getByTestId('saved-drawing');
    await expect(saved.locator('[data-shape]')).toHaveCount(1);
    await expectBoxNear(
      saved.locator('[data-shape="rectangle"]'),
      boxOn(await pictureOnScreen(page), ...RECTANGLE),
    );
  });

  await test.step('the reviewer gets the note at F, its drawing saved where it was drawn, and no live copy', async () => {
    const note = reviewer.page.getByRole('article', { name: 'Comment by Olivia Owner' });
    await expect(note).toBeVisible();
    await expect(note.getByTestId('comment-where')).toHaveText(timecodeOf(F));
    await expect(note.getByText('Crop tighter on the sign')).toBeVisible();
    await expect(live.locator('[data-shape]')).toHaveCount(0);
    const saved = reviewer.page.getByTestId('saved-drawing');
    await expect(saved.locator('[data-shape]')).toHaveCount(1);
    await expectBoxNear(
      saved.locator('[data-shape="rectangle"]'),
      boxOn(await pictureOnScreen(reviewer.page), ...RECTANGLE),
    );
  });

  const screenshot = testInfo.outputPath('fullscreen-owner.png');
  await page.screenshot({ path: screenshot });
  await testInfo.attach('owner in fullscreen', { path: screenshot, contentType: 'image/png' });
  await page.getByRole('button', { name: 'Exit fullscreen' }).click();
  for (const person of [owner, reviewer, viewer]) expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
  for (const person of [owner, reviewer]) await person.context.close();
});
