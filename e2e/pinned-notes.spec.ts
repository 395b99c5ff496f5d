import type { Page } from '@playwright/test';
import type { Comment, CommentList } from '@cutroom/contracts';
import { pictureOnScreen, pointOn } from './support/drawing';
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
import { expectOnFrame, goToFrame } from './support/coded-clip';
import { NO_AUDIO_WAVEFORM } from './support/media';
import {
  DF_CLIP,
  dropFrameTimecode as tc,
  makeDropFrameClip,
  uploadAndOpen,
  watchPresentedFrames,
} from './support/review-page';

const FRAMES = DF_CLIP.frames;

/** Posts the composer's note and returns the comment as the api then lists it. */
async function postNote(person: Person): Promise<Comment> {
  const page = person.page;
  const created = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && /\/api\/versions\/[^/]+\/comments$/.test(response.url()),
  );
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  const posted = (await response.json()) as Comment;
  const listed = await person.context.request.get(`/api/versions/${posted.versionId}/comments?status=all`);
  const stored = ((await listed.json()) as CommentList).comments.find((comment) => comment.id === posted.id);
  if (!stored) throw new Error(`comment ${posted.id} is not listed`);
  return stored;
}

/** The player is where it was: same frame, paused, no loop marked. */
async function expectPlayerUntouched(page: Page, frame: number) {
  await page.waitForTimeout(300);
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('player')).toHaveAttribute('data-frame', String(frame));
  await expect(page.getByTestId('loop-range')).toHaveCount(0);
  await expect(page.getByTestId('player')).not.toHaveClass(/player-fullscreen/);
}

test('typing pins the note to the frame on screen; text typed on the picture reaches a second person', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = await makeDropFrameClip(testInfo.outputPath('pinned-2997df.mov'));
  const owner = await newPerson(browser, 'Olivia Owner');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  await signUp(owner);
  await signUp(reviewer);
  const projectId = await createProject(owner, `Pins ${Date.now()}`);
  await addMember(owner, projectId, reviewer, 'reviewer');
  await uploadAndOpen(owner, projectId, clip, 'pinned-2997df');
  await reviewer.page.goto(owner.page.url());
  const page = owner.page;
  const player = page.getByTestId('player');
  const composer = page.getByRole('combobox', { name: 'Comment', exact: true });
  const where = page.getByTestId('composer-where');
  const pin = page.getByTestId('composer-pin');
  await expectOnFrame(page, 0);

  await test.step('a note begun while playing is pinned to the frame on screen at the first key', async () => {
    await watchPresentedFrames(page, DF_CLIP.rate);
    // The test's own witness: the frame presented when the first key reached the composer.
    await composer.evaluate((field) =>
      field.addEventListener(
        'keydown',
        () => {
          const seen = window as unknown as { shownFrame: number; typedAt?: number };
          seen.typedAt ??= seen.shownFrame;
        },
        { capture: true },
      ),
    );
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(player).toHaveAttribute('data-playing', 'true');
    await page.waitForTimeout(600);
    await composer.focus();
    await page.keyboard.type('Logo flickers here');
    const typedAt = await page.evaluate(() => (window as unknown as { typedAt: number }).typedAt);
    expect(typedAt).toBeGreaterThan(0);
    await expect(player).toHaveAttribute('data-playing', 'false');
    await expect(pin).toHaveAttribute('data-frame', String(typedAt));
    await expect(where).toHaveText(tc(typedAt));
    await expect(pin).toContainText(`at ${tc(typedAt)}`);
    // Paused back on the pinned frame: the picture shows what the note is about.
    await expectOnFrame(page, typedAt);

    await test.step('playback and seeking go on; the pin stays, and posting stores it', async () => {
      await page.getByRole('button', { name: 'Play' }).click();
      await expect(player).toHaveAttribute('data-playing', 'true');
      await page.waitForTimeout(400);
      await goToFrame(page, 80, FRAMES);
      await expect(where).toHaveText(tc(typedAt));
      await expect(page.getByRole('button', { name: `Pin to ${tc(80)}` })).toBeVisible();
      const stored = await postNote(owner);
      expect({ frame: stored.frame, frameEnd: stored.frameEnd, body: stored.body }).toEqual({
        frame: typedAt,
        frameEnd: null,
        body: 'Logo flickers here',
      });
      await expect(composer).toHaveValue('');
      await expect(where).toHaveText(tc(80));
      const seen = reviewer.page.getByRole('article', { name: 'Comment by Olivia Owner' });
      await expect(seen.getByTestId('comment-where')).toHaveText(tc(typedAt));
    });
  });

  await test.step('the pin can be moved to the frame shown, or cleared to a general note', async () => {
    await composer.fill('Cut two frames earlier');
    await expect(where).toHaveText(tc(80));
    await goToFrame(page, 40, FRAMES);
    await expect(where).toHaveText(tc(80));
    await page.getByRole('button', { name: `Pin to ${tc(40)}` }).click();
    await expect(where).toHaveText(tc(40));
    await page.getByRole('button', { name: 'Unpin: make it a general note' }).click();
    await expect(where).toHaveText('General note');
    await expect(page.getByLabel('General note')).toBeChecked();
    await page.getByLabel('General note').uncheck();
    await expect(where).toHaveText(tc(40));
    await goToFrame(page, 45, FRAMES);
    expect((await postNote(owner)).frame).toBe(40);
  });

  await test.step('"over the loop range" follows the I and O marks, and a note over it spans in to out', async () => {
    const overLoop = page.getByRole('checkbox', { name: /^Over the loop range/ });
    await expect(overLoop).toBeDisabled();
    await goToFrame(page, 20, FRAMES);
    await page.keyboard.press('i');
    await goToFrame(page, 35, FRAMES);
    await page.keyboard.press('o');
    await expect(overLoop).toBeEnabled();
    await expect(overLoop).toBeChecked();
    await expect(
      page.getByRole('checkbox', { name: `Over the loop range ${tc(20)} – ${tc(35)}` }),
    ).toBeVisible();
    await composer.fill('Grade the whole shot');
    await expect(where).toHaveText(`${tc(20)} – ${tc(35)}`);
    const stored = await postNote(owner);
    expect([stored.frame, stored.frameEnd]).toEqual([20, 35]);
    await page.keyboard.press('Shift+X');
    await expect(overLoop).toBeDisabled();
  });

  await test.step('with the text tool, click the picture and type there; keys typed there stay text', async () => {
    await goToFrame(page, 50, FRAMES);
    const tools = page.getByRole('toolbar', { name: 'Drawing tools' });
    await tools.getByRole('button', { name: 'Text', exact: true }).click();
    const picture = await pictureOnScreen(page);
    const spot = pointOn(picture, 0.3, 0.4);
    await page.mouse.click(spot.x, spot.y);
    const box = page.getByTestId('picture-text-box');
    await expect(box).toBeFocused();
    await page.keyboard.type('j k l i o Logo');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await expectPlayerUntouched(page, 50);
    await page.keyboard.press('Enter');
    await expect(box).toHaveCount(0);
    const typed = page.getByTestId('draft-drawing').locator('[data-shape="text"]');
    await expect(typed).toHaveText('j k l i o Logo');
    const shown = await typed.boundingBox();
    expect(Math.abs((shown?.x ?? 0) - spot.x)).toBeLessThan(3);
    expect(Math.abs((shown?.y ?? 0) - spot.y)).toBeLessThan(6);
    // Escape drops a text box without a shape.
    const other = pointOn(picture, 0.6, 0.7);
    await page.mouse.click(other.x, other.y);
    await page.keyboard.type('not this');
    await page.keyboard.press('Escape');
    await expect(box).toHaveCount(0);
    await expect(page.getByTestId('draft-drawing').locator('[data-shape]')).toHaveCount(1);
    await composer.fill('Move the logo');
    const stored = await postNote(owner);
    expect(stored.frame).toBe(50);
    const shapes = stored.annotation?.shapes ?? [];
    expect(shapes).toHaveLength(1);
    const [text] = shapes;
    if (text.kind !== 'text') throw new Error(`a ${text.kind} was stored`);
    expect(text.text).toBe('j k l i o Logo');
    expect(text.at[0]).toBeCloseTo(0.3, 2);
    expect(text.at[1]).toBeCloseTo(0.4, 2);
  });

  await test.step('the reviewer sees the text on that frame', async () => {
    const note = reviewer.page
      .getByRole('article', { name: 'Comment by Olivia Owner' })
      .filter({ hasText: 'Move the logo' });
    await note.getByRole('button', { name: `Go to ${tc(50)}` }).click();
    await expectOnFrame(reviewer.page, 50);
    await expect(reviewer.page.getByTestId('saved-drawing').locator('[data-shape="text"]')).toHaveText(
      'j k l i o Logo',
    );
  });

  expectCleanConsole(owner, [NO_AUDIO_WAVEFORM]);
  expectCleanConsole(reviewer, [NO_AUDIO_WAVEFORM]);
  await owner.context.close();
  await reviewer.context.close();
});
