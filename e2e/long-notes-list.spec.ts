import type { Page } from '@playwright/test';
import { createProject, expect, newPerson, signUp, test, type Person } from './support/fixtures';
import { expectOnFrame, makeCodedClip } from './support/coded-clip';

const FRAMES = 500;
const NOTES = 150;
const DESKTOP = { width: 1440, height: 900 };

async function uploadAndWait(page: Page, projectId: string, clip: string, name: string): Promise<void> {
  await page.goto(`/projects/${projectId}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(clip);
  const card = page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name });
  await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
}

async function postNote(person: Person, versionId: string, frame: number): Promise<void> {
  const response = await person.context.request.post(`/api/versions/${versionId}/comments`, {
    data: { body: `Note at frame ${frame}`, frame },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test('a cut with 150 notes: the list draws only what is near the screen, yet every note can be reached', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = await makeCodedClip(testInfo.outputPath('long-notes.mov'), {
    frames: FRAMES,
    width: 320,
    height: 180,
  });
  const owner = await newPerson(browser, 'Olivia Owner');
  await signUp(owner);
  const projectId = await createProject(owner, `Long notes ${Date.now()}`);
  await owner.page.setViewportSize(DESKTOP);
  await uploadAndWait(owner.page, projectId, clip, 'long-notes');
  const assets = await (await owner.context.request.get(`/api/projects/${projectId}/assets`)).json();
  const { id: assetId, latestVersion } = assets.assets[0];
  for (let note = 0; note < NOTES; note += 1) await postNote(owner, latestVersion.id, note * 3);

  const page = owner.page;
  const notes = page.getByTestId('comment');
  await page.goto(`/assets/${assetId}?version=1`);
  await expectOnFrame(page, 0);
  await expect(page.locator('#comments-heading')).toHaveText(`Comments (${NOTES})`);
  await expect(notes.first()).toContainText('Note at frame 0');
  const drawn = await notes.count();

  await test.step('only the notes on screen and near it are in the page', async () => {
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(NOTES / 2);
  });

  await test.step('picking the last marker on the timeline brings its note into view', async () => {
    const marker = page.getByTestId('comment-marker').last();
    const frame = Number(await marker.getAttribute('data-frame'));
    expect(frame).toBeGreaterThan(400);
    await marker.click();
    await expect(page.getByText(`Note at frame ${frame}`, { exact: true })).toBeInViewport();
    await expectOnFrame(page, frame);
  });

  await test.step('a note posted now by someone else arrives, and scrolling the column reaches it', async () => {
    await page.locator('.review-side').evaluate((side) => side.scrollTo({ top: 0 }));
    await postNote(owner, latestVersion.id, FRAMES - 1);
    await expect(page.locator('#comments-heading')).toHaveText(`Comments (${NOTES + 1})`);
    // Rows below were only estimated until drawn: the end settles as a person keeps scrolling.
    await expect(async () => {
      await page.locator('.review-side').evaluate((side) => side.scrollTo({ top: side.scrollHeight }));
      await expect(page.getByText(`Note at frame ${FRAMES - 1}`, { exact: true })).toBeInViewport({
        timeout: 500,
      });
    }).toPass({ timeout: 10_000 });
  });

  await test.step('scrolling down a screenful at a time shows every note once, in order, none skipped', async () => {
    const side = page.locator('.review-side');
    await side.evaluate((column) => column.scrollTo({ top: 0 }));
    const seen = new Set<string>();
    for (let screen = 0; screen < 400; screen += 1) {
      for (const text of await notes.locator('.comment-body').allTextContents()) seen.add(text.trim());
      const atEnd = await side.evaluate((column) => {
        const before = column.scrollTop;
        column.scrollBy({ top: column.clientHeight * 0.8 });
        return column.scrollTop === before;
      });
      if (atEnd) break;
      await page.waitForTimeout(50); // a person's pace: the window follows the scroll
    }
    const expected = Array.from({ length: NOTES }, (_, note) => `Note at frame ${note * 3}`);
    expect(expected.filter((text) => !seen.has(text))).toEqual([]);
  });

  await test.step('Tab walks from the first note past the ones first drawn', async () => {
    await page.locator('.review-side').evaluate((side) => side.scrollTo({ top: 0 }));
    await notes.first().getByTestId('comment-where').focus();
    let position = 0;
    for (let press = 0; press < 600 && position <= drawn + 2; press += 1) {
      await page.keyboard.press('Tab');
      position = await page.evaluate(() =>
        Number(document.activeElement?.closest('[aria-posinset]')?.getAttribute('aria-posinset') ?? 0),
      );
    }
    expect(position).toBeGreaterThan(drawn + 2);
    await expect(page.locator(':focus')).toBeInViewport();
  });
});
