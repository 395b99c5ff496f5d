import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import { codedTimecode, expectOnFrame, makeCodedClip } from './support/coded-clip';
import { linesTall } from './support/layout';
import { NO_AUDIO_WAVEFORM } from './support/media';

const FRAMES = 75;
const PHONE = { width: 390, height: 844 };

test('on a 390×844 phone a reviewer plays, steps, opens the Notes tab and posts a note; no readout wraps', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = await makeCodedClip(testInfo.outputPath('coded-phone.mov'), {
    frames: FRAMES,
    width: 640,
    height: 360,
  });
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [editor, reviewer]) await signUp(person);
  const projectId = await createProject(editor, `Phone ${Date.now()}`);
  await addMember(editor, projectId, reviewer, 'reviewer');

  await editor.page.goto(`/projects/${projectId}`);
  const chooser = editor.page.waitForEvent('filechooser');
  await editor.page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(clip);
  const card = editor.page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'coded-phone' });
  await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await card.getByRole('link').click();
  await expectOnFrame(editor.page, 0);
  const reviewUrl = editor.page.url();

  const page = reviewer.page;
  await page.setViewportSize(PHONE);

  await test.step('the page fits the phone: nothing wider than the screen', async () => {
    await page.goto(reviewUrl);
    await expectOnFrame(page, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const player = await page.getByTestId('player').boundingBox();
    expect(player?.width).toBeLessThanOrEqual(PHONE.width);
  });

  await test.step('play, pause and step with the transport', async () => {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
    // Back to a known frame, then one step on.
    await page.getByRole('slider', { name: 'Timeline' }).focus();
    await page.keyboard.press('Home');
    await expectOnFrame(page, 0);
    await page.getByRole('button', { name: 'Next frame' }).click();
    await page.getByRole('button', { name: 'Next frame' }).click();
    await expectOnFrame(page, 2);
    await page.getByRole('button', { name: 'Previous frame' }).click();
    await expectOnFrame(page, 1);
    await expect(page.getByTestId('timecode')).toHaveText(codedTimecode(1));
  });

  await test.step('the timecode readout and the transport stay on one line each', async () => {
    expect(await linesTall(page.locator('.time-primary'))).toBeLessThanOrEqual(1.05);
    const play = await page.getByRole('button', { name: 'Play', exact: true }).boundingBox();
    const readout = await page.locator('.time-primary').boundingBox();
    const next = await page.getByRole('button', { name: 'Next frame' }).boundingBox();
    // Transport and readout side by side on one row.
    expect(
      Math.abs((readout?.y ?? 0) + (readout?.height ?? 0) / 2 - ((play?.y ?? 0) + (play?.height ?? 0) / 2)),
    ).toBeLessThan(6);
    expect(Math.abs((next?.y ?? 0) - (play?.y ?? 0))).toBeLessThan(2);
  });

  await test.step('Details and Notes are tabs under the player; the note goes up from the Notes tab', async () => {
    const notesTab = page.getByRole('tab', { name: /Notes/ });
    const detailsTab = page.getByRole('tab', { name: 'Details' });
    await expect(notesTab).toHaveAttribute('aria-selected', 'true');
    await detailsTab.click();
    await expect(page.locator('.version-info')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Comment', exact: true })).toBeHidden();
    await notesTab.click();
    await expect(page.locator('.version-info')).toBeHidden();
    const field = page.getByRole('combobox', { name: 'Comment', exact: true });
    await field.fill('Logo is cut off on a phone');
    await expect(page.getByTestId('composer-where')).toHaveText(codedTimecode(1));
    expect(await linesTall(page.getByTestId('composer-where'))).toBeLessThanOrEqual(1.05);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(field).toHaveValue('');
    const note = page.getByTestId('comment').filter({ hasText: 'Logo is cut off on a phone' });
    await expect(note.getByTestId('comment-where')).toHaveText(codedTimecode(1));
    expect(await linesTall(note.getByTestId('comment-where'))).toBeLessThanOrEqual(1.05);
    expect(await linesTall(note.locator('time'))).toBeLessThanOrEqual(1.05);
    await expect(page.locator('[data-testid="comment-marker"][data-frame="1"]')).toHaveText('RR');
    // The editor, on a desktop, has it at once.
    await expect(
      editor.page.getByTestId('comment').filter({ hasText: 'Logo is cut off on a phone' }),
    ).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: testInfo.outputPath('phone-notes.png'), fullPage: true });
  });

  await test.step('the header’s approval stays compact: its badge does not wrap', async () => {
    const badge = page.getByTestId('approval-panel').getByTestId('approval-badge');
    await expect(badge).toHaveText('In review');
    expect(await linesTall(badge)).toBeLessThanOrEqual(1.05);
  });

  for (const person of [editor, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
