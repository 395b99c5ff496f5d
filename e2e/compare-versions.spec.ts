import type { Page } from '@playwright/test';
import { decodeFrameCode, generateReedit, generateReeditSource, rgbaToGray } from '@cutroom/media';
import { createProject, expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';
import { NO_AUDIO_WAVEFORM } from './support/media';

// v1: four moving shots (210 frames at 25 fps), each frame's index burned into its lower right
// corner. v2 re-edits it with ffmpeg: frames 40–49, 100 and 150–160 cut, a 30-frame shot inserted
// before v1's frame 80, scaled to 256×144 and re-encoded at 300 kb/s. So v1's frame f is v2's f
// up to 39, and f − 22 + 30 = f + 8 after 160: near the end the frame numbers differ.
const SHOTS = [50, 60, 45, 55];
const FRAMES = 210;
const CUT: Array<number | [number, number]> = [[40, 49], 100, [150, 160]];
const EXPECTED_FAILURES = [NO_AUDIO_WAVEFORM];

/** Where v1's frame is in v2 by the edit above, or null for a cut frame. */
function v2FrameOf(frame: number): number | null {
  if (frame < 40) return frame;
  if (frame < 50) return null;
  if (frame < 80) return frame - 10;
  if (frame < 100) return frame + 20;
  if (frame === 100) return null;
  if (frame < 150) return frame + 19;
  if (frame <= 160) return null;
  return frame + 8;
}

const PANE = { a: '[data-testid="compare-a"] video', b: '[data-testid="compare-b"] video' };
const PLAYER = '[data-testid="player"] video';

/** The index burned into the corner of the picture a video shows (read from the element). */
async function burnedIndex(page: Page, selector: string): Promise<number | null> {
  const width = 40;
  const height = 36;
  const rgba = await page.evaluate(
    ({ selector, width, height }) => {
      const video = document.querySelector<HTMLVideoElement>(selector);
      if (!video || video.readyState < 2 || video.videoWidth === 0) return null;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return null;
      const { videoWidth: w, videoHeight: h } = video;
      // The code's box: the lower right quarter of the width and 2/5 of the height (REEDIT_CODE_CROP).
      context.drawImage(video, (w * 3) / 4, (h * 3) / 5, w / 4, (h * 2) / 5, 0, 0, width, height);
      return Array.from(context.getImageData(0, 0, width, height).data);
    },
    { selector, width, height },
  );
  return rgba ? decodeFrameCode(rgbaToGray(rgba, width, height), width, height) : null;
}

test('the compare view steps v1 and its re-edit frame by frame, each side showing the same picture', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const v1File = testInfo.outputPath('reel-v1.mp4');
  const v2File = testInfo.outputPath('reel-v2.mp4');
  await generateReeditSource({ path: v1File, shotFrames: SHOTS });
  await generateReedit({
    source: v1File,
    path: v2File,
    cut: CUT,
    insert: { at: 70, frames: 30 },
    width: 256,
    height: 144,
    bitrateKbps: 300,
  });

  const editor = await newPerson(browser, 'Cora Comparer');
  await signUp(editor);
  const projectId = await createProject(editor, `Compare ${Date.now()}`);
  const page = editor.page;
  const ready = page.locator('.version-info .version-status');

  await test.step('v1 is uploaded and gets a note on frame 180', async () => {
    await page.goto(`/projects/${projectId}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(v1File);
    await page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'reel-v1' })
      .getByRole('link')
      .click();
    await expect(ready).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
    const box = await page.getByTestId('timeline-track').boundingBox();
    if (!box) throw new Error('the timeline is not on screen');
    await page.mouse.click(box.x + ((180 + 0.5) / FRAMES) * box.width, box.y + box.height / 2);
    await expect(page.getByTestId('player')).toHaveAttribute('data-frame', '180');
    await page.getByRole('combobox', { name: 'Comment', exact: true }).fill('Hold this shot longer');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(page.getByTestId('comment-marker')).toHaveAttribute('data-frame', '180');
  });

  await test.step('v2 (the re-edit) shows the note as a marker where its picture went', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload a new version' }).click();
    await (await chooser).setFiles(v2File);
    await page.getByRole('navigation', { name: 'Versions' }).getByRole('link', { name: /v2/ }).click();
    await expect(ready).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
    const carried = page.getByTestId('carried-marker');
    await expect(carried).toHaveAttribute('data-frame', '188', { timeout: 30_000 });
    await expect(carried).toHaveText('v1');
    await carried.click();
    await expect(page.getByTestId('player')).toHaveAttribute('data-frame', '188');
    await expect.poll(() => burnedIndex(page, PLAYER), { message: 'v1’s frame 180 on v2' }).toBe(180);
    await page.getByRole('combobox', { name: 'Comment', exact: true }).fill('Better now');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(page.getByTestId('comment-marker')).toHaveAttribute('data-frame', '188');
  });

  await test.step('the version switcher opens the compare view of v1 against v2 at the frame on screen', async () => {
    await page.locator('.review-title').getByRole('link', { name: 'Compare', exact: true }).click();
    await expect(page).toHaveURL(
      /\/assets\/[0-9a-f-]{36}\/compare\?a=[0-9a-f-]{36}&b=[0-9a-f-]{36}&frame=180$/,
    );
    await expect(page.getByTestId('change')).not.toHaveCount(0);
    // v1's note sits on A's timeline at its frame.
    await expect(page.getByTestId('compare-view').getByTestId('comment-marker')).toHaveAttribute(
      'data-frame',
      '180',
    );
    // v2's note, made on the same picture, is at the same place: hollow, marked B.
    const fromB = page.getByTestId('compare-view').getByTestId('carried-marker');
    await expect(fromB).toHaveAttribute('data-frame', '180');
    await expect(fromB).toHaveText('B');
  });

  const view = page.getByTestId('compare-view');
  /** A stands on `aFrame` and B on `bFrame`, and both pictures show v1's index `aFrame`. */
  async function expectBoth(aFrame: number, bFrame: number) {
    await expect(view).toHaveAttribute('data-frame', String(aFrame));
    await expect(page.getByTestId('compare-b')).toHaveAttribute('data-target', String(bFrame));
    await expect(page.getByTestId('compare-b')).toHaveAttribute('data-frame', String(bFrame));
    await expect.poll(() => burnedIndex(page, PANE.a), { message: `A on v1 frame ${aFrame}` }).toBe(aFrame);
    await expect.poll(() => burnedIndex(page, PANE.b), { message: `B on v1 frame ${aFrame}` }).toBe(aFrame);
  }

  await test.step('B opens on the review page’s frame, A on the picture it shows', async () => {
    // v2's frame 188 was on screen, showing v1's picture 180: B (v2) stays on 188, A (v1) opens on 180.
    await expectBoth(180, 188);
  });

  await test.step('at the start both sides step together on the same frames', async () => {
    await page.keyboard.press('Home');
    await expectBoth(0, 0);
    for (let frame = 1; frame <= 5; frame += 1) {
      await page.keyboard.press('ArrowRight');
      await expectBoth(frame, frame);
    }
    await page.keyboard.press('Home');
    await expectBoth(0, 0);
  });

  await test.step('played and paused, B stops on the picture A stops on', async () => {
    await page.keyboard.press('Space');
    await expect(view).toHaveAttribute('data-playing', 'true');
    await expect.poll(async () => Number(await view.getAttribute('data-frame'))).toBeGreaterThan(60);
    await page.keyboard.press('Space');
    await expect(view).toHaveAttribute('data-playing', 'false');
    // The last frame presented after the pause is where both settle: read them together until they agree.
    const paneB = page.getByTestId('compare-b');
    await expect
      .poll(async () => {
        const stopped = Number(await view.getAttribute('data-frame'));
        const matching = v2FrameOf(stopped);
        if ((await burnedIndex(page, PANE.a)) !== stopped) return `A not yet on ${stopped}`;
        if (matching === null)
          return (await paneB.getAttribute('data-target')) === '' ? 'in step' : 'B has a target';
        if ((await paneB.getAttribute('data-frame')) !== String(matching)) return `B not yet on ${matching}`;
        return (await burnedIndex(page, PANE.b)) === stopped
          ? 'in step'
          : `B's picture is not v1's ${stopped}`;
      })
      .toBe('in step');
    if (v2FrameOf(Number(await view.getAttribute('data-frame'))) === null) {
      await expect(page.getByTestId('not-in-version')).toBeVisible();
    }
  });

  await test.step('near the end, where the numbers differ, B shows the picture A shows', async () => {
    await page.keyboard.press('End');
    await expectBoth(FRAMES - 1, FRAMES - 1 + 8);
    for (let frame = FRAMES - 2; frame >= FRAMES - 8; frame -= 1) {
      await page.keyboard.press('ArrowLeft');
      await expectBoth(frame, frame + 8);
    }
  });

  await test.step('a cut picture has a clear card on B; N jumps to the next change', async () => {
    await page.keyboard.press('Home');
    await expectBoth(0, 0);
    await page.keyboard.press('n');
    await expect(view).toHaveAttribute('data-frame', '40');
    await expect(page.getByTestId('not-in-version')).toHaveText('Not in v2: this picture was cut');
    const cutShot = testInfo.outputPath('compare-cut-frame.png');
    await page.screenshot({ path: cutShot });
    await testInfo.attach('side by side on a cut frame', { path: cutShot, contentType: 'image/png' });
    await page.keyboard.press('ArrowLeft');
    await expectBoth(39, 39);
    await expect(page.getByTestId('not-in-version')).toHaveCount(0);
  });

  await test.step('by frame number with an offset, B shows its own frame A + offset', async () => {
    await page.getByLabel('Line up').selectOption('offset');
    await page.getByLabel('B offset (frames)').fill('3');
    await expect(page.getByTestId('compare-b')).toHaveAttribute('data-target', '42');
    await expect(page.getByTestId('compare-b')).toHaveAttribute('data-frame', '42');
    // v2's frame 42 shows v1's 52 (ten frames cut before it).
    await expect.poll(() => burnedIndex(page, PANE.b)).toBe(52);
  });

  await test.step('the sound comes from A, or from B when chosen', async () => {
    const muted = () =>
      page.evaluate(() =>
        (['a', 'b'] as const).map(
          (side) => document.querySelector<HTMLVideoElement>(`[data-testid="compare-${side}"] video`)?.muted,
        ),
      );
    await expect.poll(muted).toEqual([false, true]);
    await page.getByLabel('Sound').selectOption('b');
    await expect.poll(muted).toEqual([true, false]);
    await page.getByLabel('Sound').selectOption('a');
    await expect.poll(muted).toEqual([false, true]);
  });

  await test.step('the wipe and the flip keep both pictures in step', async () => {
    await page.getByLabel('Line up').selectOption('map');
    await page.getByRole('radio', { name: 'Wipe' }).click();
    await page.keyboard.press('b');
    await expect(view).toHaveAttribute('data-swapped', 'true');
    await expectBoth(39, 39);
    const stage = await page.getByTestId('compare-stage').boundingBox();
    if (!stage) throw new Error('the stage is not on screen');
    await page.mouse.move(stage.x + stage.width * 0.5, stage.y + stage.height / 2);
    await page.mouse.down();
    await page.mouse.move(stage.x + stage.width * 0.25, stage.y + stage.height / 2);
    await page.mouse.up();
    const split = await page.getByTestId('wipe-split').boundingBox();
    expect(Math.abs((split?.x ?? 0) - (stage.x + stage.width * 0.25))).toBeLessThan(4);
  });

  await test.step('a note drawn and written on B lands on B’s own frame, and shows on A’s timeline', async () => {
    await page.getByRole('radio', { name: 'Side by side' }).click();
    await page.keyboard.press('b');
    await expect(view).toHaveAttribute('data-swapped', 'false');
    await page.keyboard.press('End');
    await expectBoth(FRAMES - 1, FRAMES - 1 + 8);
    const form = page.getByRole('form', { name: 'Note on a version' });
    await form.getByRole('radio', { name: /^On B · v2/ }).check();
    // A rectangle drawn on B's picture goes with the note.
    await form.getByRole('button', { name: 'Rectangle' }).click();
    const overlay = page.getByTestId('compare-b').getByTestId('drawing-overlay');
    const area = await overlay.boundingBox();
    if (!area) throw new Error('no drawing area over B');
    await page.mouse.move(area.x + area.width * 0.1, area.y + area.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.3, area.y + area.height * 0.3, { steps: 4 });
    await page.mouse.up();
    await form.getByLabel('Note', { exact: true }).fill('Trim the tail');
    await form.getByRole('button', { name: 'Post note on B' }).click();
    await expect(form.getByLabel('Note', { exact: true })).toHaveValue('');
    await expect(view.getByTestId('carried-marker').filter({ hasText: 'B' }).last()).toHaveAttribute(
      'data-frame',
      String(FRAMES - 1),
    );
    const v2Id = new URL(page.url()).searchParams.get('b');
    const listed = await editor.context.request.get(`/api/versions/${v2Id}/comments`);
    const { comments } = (await listed.json()) as {
      comments: { body: string; frame: number | null; annotation: { shapes: { kind: string }[] } | null }[];
    };
    const posted = comments.find((comment) => comment.body === 'Trim the tail');
    expect(posted?.frame).toBe(FRAMES - 1 + 8);
    expect(posted?.annotation?.shapes.map((shape) => shape.kind)).toEqual(['rectangle']);

    await expect(page.getByTestId('compare-b').getByTestId('saved-drawing')).toHaveCount(1);
    await expect(page.getByTestId('compare-a').getByTestId('saved-drawing')).toHaveCount(0);
  });

  const screenshot = testInfo.outputPath('compare-view.png');
  await page.screenshot({ path: screenshot });
  await testInfo.attach('compare view', { path: screenshot, contentType: 'image/png' });

  await test.step('a cut card’s menu opens the compare view too', async () => {
    await page.goto(`/projects/${projectId}`);
    const cuts = page.getByRole('list', { name: 'Cuts' });
    await cuts.getByRole('button', { name: 'Actions for reel-v1' }).click();
    await cuts.getByRole('link', { name: 'Compare versions' }).click();
    await expect(view).toHaveAttribute('data-frame', '0');
    await expect(page.getByLabel('Version A')).toHaveValue(/[0-9a-f-]{36}/);
    await expectBoth(0, 0);
  });

  const client = await newPerson(browser, 'Gus Guest');
  await test.step('a review-link guest who sees both versions compares them the same way', async () => {
    const made = await editor.context.request.post(`/api/projects/${projectId}/links`, {
      data: { permissions: ['view'], label: 'For Gus' },
    });
    expect(made.status()).toBe(201);
    const link = (await made.json()) as { path: string };
    await client.page.goto(new URL(link.path, page.url()).toString());
    await client.page.getByLabel('Your name').fill(client.displayName);
    await client.page.getByRole('button', { name: 'Start reviewing' }).click();
    await expect(client.page).toHaveURL(/\/shared$/);
    await client.page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'reel-v1' })
      .getByRole('link')
      .click();
    await client.page.locator('.review-title').getByRole('link', { name: 'Compare', exact: true }).click();
    const guestView = client.page.getByTestId('compare-view');
    await expect(guestView).toHaveAttribute('data-frame', '0');
    await client.page.keyboard.press('End');
    await expect(guestView).toHaveAttribute('data-frame', String(FRAMES - 1));
    await expect(client.page.getByTestId('compare-b')).toHaveAttribute('data-frame', String(FRAMES - 1 + 8));
    await expect.poll(() => burnedIndex(client.page, PANE.a)).toBe(FRAMES - 1);
    await expect.poll(() => burnedIndex(client.page, PANE.b)).toBe(FRAMES - 1);
  });

  await test.step('what the editor draws on B shows on the guest’s B as it is drawn; ticked Internal, it leaves the guest’s picture', async () => {
    // The team's live drawing reaches guests whose link shows the team's activity.
    const links = (await (await editor.context.request.get(`/api/projects/${projectId}/links`)).json()) as {
      links: { id: string; label: string }[];
    };
    const forGus = links.links.find((link) => link.label === 'For Gus');
    const shown = await editor.context.request.patch(`/api/projects/${projectId}/links/${forGus?.id}`, {
      data: { showTeamActivity: true },
    });
    expect(shown.status()).toBe(200);
    await client.page.reload();
    // The address names the frame that stood on screen: the reload opens there again.
    await expect(client.page).toHaveURL(new RegExp(`&frame=${FRAMES - 1}$`));
    await expect(client.page.getByTestId('compare-view')).toHaveAttribute('data-frame', String(FRAMES - 1));
    await client.page.keyboard.press('End');
    await expect(client.page.getByTestId('compare-b')).toHaveAttribute('data-frame', String(FRAMES - 1 + 8));
    await page.keyboard.press('End');
    await expectBoth(FRAMES - 1, FRAMES - 1 + 8);
    const form = page.getByRole('form', { name: 'Note on a version' });
    await form.getByRole('radio', { name: /^On B · v2/ }).check();
    await form.getByRole('button', { name: 'Rectangle' }).click();
    const area = await page.getByTestId('compare-b').getByTestId('drawing-overlay').boundingBox();
    if (!area) throw new Error('no drawing area over B');
    await page.mouse.move(area.x + area.width * 0.5, area.y + area.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.7, area.y + area.height * 0.7, { steps: 4 });
    const onGuestB = client.page.getByTestId('compare-b').getByTestId('live-drawing').locator('[data-shape]');
    // Seen while the pen is still down, on B only.
    await expect(onGuestB).toHaveCount(1);
    await page.mouse.up();
    await expect(onGuestB).toHaveCount(1);
    await expect(
      client.page.getByTestId('compare-a').getByTestId('live-drawing').locator('[data-shape]'),
    ).toHaveCount(0);
    await form.getByLabel('Internal').check();
    await expect(onGuestB).toHaveCount(0);
  });

  expectCleanConsole(editor, EXPECTED_FAILURES);
  expectCleanConsole(client, EXPECTED_FAILURES);
  await editor.context.close();
  await client.context.close();
});
