import type { Page } from '@playwright/test';
import { clickTimelineAt, expectOnFrame, goToFrame, makeCodedClip } from './support/coded-clip';
import { createProject, expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';
import { NO_AUDIO_WAVEFORM } from './support/media';
import { frameOnPicture } from './support/picture';
import { uploadAndOpen, uploadNewVersion } from './support/review-page';

const FRAMES = 75;
const PANE = { a: '[data-testid="compare-a"] video', b: '[data-testid="compare-b"] video' };

/** The compare view stands paused with A on `aFrame` and B on `bFrame`, and each picture shows its frame. */
async function expectCompareOn(page: Page, aFrame: number, bFrame: number) {
  const view = page.getByTestId('compare-view');
  await expect(view).toHaveAttribute('data-frame', String(aFrame));
  await expect(view).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('compare-b')).toHaveAttribute('data-frame', String(bFrame));
  await expect.poll(() => frameOnPicture(page, PANE.a), { message: `A on frame ${aFrame}` }).toBe(aFrame);
  await expect.poll(() => frameOnPicture(page, PANE.b), { message: `B on frame ${bFrame}` }).toBe(bFrame);
}

test('leaving compare by the breadcrumb lands on the frame B showed, and the address always names the frame on screen', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = (name: string) =>
    makeCodedClip(testInfo.outputPath(name), { frames: FRAMES, width: 640, height: 360 });
  const editor = await newPerson(browser, 'Cora Comparer');
  await signUp(editor);
  const projectId = await createProject(editor, `Compare and back ${Date.now()}`);
  const page = editor.page;
  await uploadAndOpen(editor, projectId, await clip('leave-compare-v1.mov'), 'leave-compare');
  const v2Tab = await uploadNewVersion(page, await clip('leave-compare-v2.mov'));

  await test.step('compare opens from v2’s frame 30; the address names A’s frame, not the frame it opened on', async () => {
    await v2Tab.click();
    await expect(page).toHaveURL(/version=2/);
    await goToFrame(page, 30, FRAMES);
    await page.locator('.review-title').getByRole('link', { name: 'Compare', exact: true }).click();
    await expectCompareOn(page, 30, 30);
    await expect(page).toHaveURL(/\/compare\?a=[0-9a-f-]{36}&b=[0-9a-f-]{36}&frame=30$/);
  });

  await test.step('lined up with B five frames on, A steps to 20: the address follows A', async () => {
    await page.getByLabel('Line up').selectOption('offset');
    await page.getByLabel('B offset (frames)').fill('5');
    await clickTimelineAt(page, 18, FRAMES);
    await expectCompareOn(page, 18, 23);
    await expect(page).toHaveURL(/&frame=18$/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectCompareOn(page, 20, 25);
    await expect(page).toHaveURL(/&frame=20$/);
    expect(new URL(page.url()).searchParams.get('bframe')).toBeNull();
  });

  await test.step('the breadcrumb goes back to v2 on frame 25, the picture B showed, with no bframe', async () => {
    await page.locator('.breadcrumb').getByRole('link').click();
    await expect(page).not.toHaveURL(/compare/);
    await expect(page).toHaveURL(/\?version=2&frame=25$/);
    await expectOnFrame(page, 25);
    expect(new URL(page.url()).searchParams.get('bframe')).toBeNull();
  });

  await test.step('opened on frame 25, Home shows frame 0, though the stream began loading past it', async () => {
    await page.reload();
    await expectOnFrame(page, 25);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Home');
    await expectOnFrame(page, 0);
    await page.keyboard.press('ArrowRight');
    await expectOnFrame(page, 1);
  });

  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  await editor.context.close();
});
