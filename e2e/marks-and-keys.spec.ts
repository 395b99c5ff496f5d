import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import { clickTimelineAt, expectOnFrame } from './support/coded-clip';
import { NO_AUDIO_WAVEFORM } from './support/media';
import {
  DF_CLIP,
  dropFrameTimecode as tc,
  makeDropFrameClip,
  presentedFrame,
  uploadAndOpen,
  watchPresentedFrames,
} from './support/review-page';

test('I and O take the frame at the key press, and keys typed into notes never move the player', async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const clip = await makeDropFrameClip(testInfo.outputPath('marks-2997df.mov'));
  const editor = await newPerson(browser, 'Eddie Editor');
  const director = await newPerson(browser, 'Dana Director');
  await signUp(editor);
  await signUp(director);
  const projectId = await createProject(editor, `Marks ${Date.now()}`);
  await addMember(editor, projectId, director, 'reviewer');
  await uploadAndOpen(editor, projectId, clip, 'marks-2997df');
  const page = editor.page;
  const player = page.getByTestId('player');
  const loopButton = (from: number, to: number) =>
    page.getByRole('button', { name: `Clear loop ${tc(from)} to ${tc(to)}` });
  await expectOnFrame(page, 0);

  await test.step('step, I, step step step, O pressed faster than the picture follows', async () => {
    await clickTimelineAt(page, 25, DF_CLIP.frames);
    await expectOnFrame(page, 25);
    for (const key of ['ArrowRight', 'i', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'o']) {
      await page.keyboard.press(key);
    }
    await expect(loopButton(26, 29)).toBeVisible();
    await expectOnFrame(page, 29);
    await page.keyboard.press('Shift+X');
    // All six keys in one task: no frame can be drawn between them.
    await clickTimelineAt(page, 29, DF_CLIP.frames);
    await expectOnFrame(page, 29);
    await page.evaluate(() => {
      for (const key of ['ArrowRight', 'i', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'o']) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
    });
    // Frame 30 is 00:01:00;02, past the two labels drop-frame skips: marked and labelled exactly.
    expect([tc(29), tc(30)]).toEqual(['00:00:59;29', '00:01:00;02']);
    await expect(loopButton(30, 33)).toBeVisible();
    await expectOnFrame(page, 33);
    await page.keyboard.press('Shift+X');
    await expect(page.getByTestId('loop-range')).toHaveCount(0);
  });

  await test.step('while playing, I and O mark the frame on screen at the key press', async () => {
    await clickTimelineAt(page, 5, DF_CLIP.frames);
    await expectOnFrame(page, 5);
    await watchPresentedFrames(page, DF_CLIP.rate);
    await page.keyboard.press('l');
    await expect(player).toHaveAttribute('data-playing', 'true');
    await page.waitForTimeout(200);
    const press = (key: string) =>
      page.evaluate((key) => {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        return (window as unknown as { shownFrame: number }).shownFrame;
      }, key);
    const inFrame = await press('i');
    await page.waitForTimeout(300);
    // Playing on from I loops back to it at the clip's end: O may come after such a jump.
    const outFrame = await press('o');
    await page.keyboard.press('k');
    await expect(player).toHaveAttribute('data-playing', 'false');
    await expect(outFrame >= inFrame ? loopButton(inFrame, outFrame) : loopButton(0, outFrame)).toBeVisible();
    expect(await presentedFrame(page)).not.toBeNull();
  });

  const composer = page.getByRole('combobox', { name: 'Comment', exact: true });
  const before = { frame: '', loop: '' };

  await test.step('J, K, L, I, O, space and arrows typed into the composer stay text', async () => {
    before.frame = (await player.getAttribute('data-frame')) ?? '';
    before.loop = (await page.getByTestId('loop-range').getAttribute('style')) ?? '';
    await composer.click();
    await page.keyboard.type('j k l i o ');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await page.keyboard.type('JKLIO f m ?');
    await expect(composer).toHaveValue('j k l i o JKLIO f m ?');
    await page.waitForTimeout(300);
    await expect(player).toHaveAttribute('data-playing', 'false');
    await expect(player).toHaveAttribute('data-frame', before.frame);
    await expect(player).not.toHaveClass(/player-fullscreen/);
    await expect(page.getByTestId('loop-range')).toHaveAttribute('style', before.loop);
    await expect(page.getByRole('dialog', { name: /shortcuts/i })).toHaveCount(0);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(composer).toHaveValue('');
  });

  const note = page.getByRole('article', { name: 'Comment by Eddie Editor' });
  const reply = page.getByRole('combobox', { name: 'Reply', exact: true });

  await test.step('the same keys typed into a reply stay text', async () => {
    await note.getByRole('button', { name: 'Reply' }).click();
    await expect(reply).toBeFocused();
    await page.keyboard.type(' j k l i o');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect(reply).toHaveValue(' j k l i o');
    await page.waitForTimeout(300);
    await expect(player).toHaveAttribute('data-playing', 'false');
    await expect(player).toHaveAttribute('data-frame', before.frame);
    await expect(page.getByTestId('loop-range')).toHaveAttribute('style', before.loop);
  });

  await test.step('a mention chosen in the middle of a reply keeps the rest of the text whole', async () => {
    await reply.fill('Thanks sounds right');
    await reply.press('Home');
    for (let i = 0; i < 'Thanks '.length; i += 1) await reply.press('ArrowRight');
    await page.keyboard.type('@Da');
    await page.getByRole('option', { name: /Dana Director/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect(reply).toHaveValue('Thanks @Dana Director sounds right');
    await page.keyboard.type('and ');
    await expect(reply).toHaveValue('Thanks @Dana Director and sounds right');
    // Chosen with the mouse, the same.
    await reply.fill('Lovely grade');
    await reply.press('Home');
    for (let i = 0; i < 'Lovely '.length; i += 1) await reply.press('ArrowRight');
    await page.keyboard.type('@da');
    await page.getByRole('option', { name: /Dana Director/ }).click();
    await expect(reply).toHaveValue('Lovely @Dana Director grade');
    await page.keyboard.type('warm ');
    await expect(reply).toHaveValue('Lovely @Dana Director warm grade');
    await page.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await expect(page.getByRole('list', { name: 'Replies to Eddie Editor' })).toContainText(
      'Lovely @Dana Director warm grade',
    );
  });

  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  await editor.context.close();
  await director.context.close();
});
