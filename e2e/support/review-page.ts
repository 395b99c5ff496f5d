import type { Page } from '@playwright/test';
import { generateFrameCodedClip } from '@cutroom/media';
import { frameToTimecode, parseStartTimecode, type FrameRate } from '@cutroom/timecode';
import { expect, type Person } from './fixtures';

/** A frame-coded clip at 29.97 fps drop-frame, starting a second before a minute boundary. */
export const DF_CLIP = {
  rate: { fpsNum: 30000, fpsDen: 1001 } as FrameRate,
  frames: 90,
  startTimecode: '00:00:59;00',
};

export async function makeDropFrameClip(path: string): Promise<string> {
  await generateFrameCodedClip({
    path,
    fpsNum: DF_CLIP.rate.fpsNum,
    fpsDen: DF_CLIP.rate.fpsDen,
    frames: DF_CLIP.frames,
    width: 640,
    height: 360,
    startTimecode: DF_CLIP.startTimecode,
    dropFrameTimecode: true,
  });
  return path;
}

const dfStart = parseStartTimecode(DF_CLIP.startTimecode, { rate: DF_CLIP.rate, dropFrame: true });
/** How the player labels a frame of the drop-frame clip (00:00:59;00 is frame 0). */
export const dropFrameTimecode = (frame: number) =>
  frameToTimecode(frame, { rate: DF_CLIP.rate, dropFrame: true, startFrame: dfStart });

/** Uploads a file on the project page and opens its review page once the cut is ready. */
export async function uploadAndOpen(person: Person, projectId: string, file: string, name: string) {
  const page = person.page;
  await page.goto(`/projects/${projectId}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(file);
  const card = page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name });
  await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await card.getByRole('link').click();
  await expect(page.getByTestId('player')).toHaveAttribute('data-frame', '0');
}

/**
 * Uploads `file` as the cut's next version from its review page and waits until that version
 * (`v<round>`) is ready; the finished upload's panel is dismissed (it would push the timeline out of
 * the window). Returns the version's tab, not yet opened.
 */
export async function uploadNewVersion(page: Page, file: string, round = 2) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload a new version' }).click();
  await (await chooser).setFiles(file);
  const tab = page
    .getByRole('navigation', { name: 'Versions' })
    .getByRole('link', { name: new RegExp(`^v${round}`) });
  await expect(tab).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  return tab;
}

/** Opens a review link and signs in to it under the guest's name: they land on the shared page. */
export async function enterAsGuest(guest: Person, linkPath: string): Promise<void> {
  await guest.page.goto(linkPath);
  await guest.page.getByLabel('Your name').fill(guest.displayName);
  await guest.page.getByRole('button', { name: 'Start reviewing' }).click();
  await expect(guest.page).toHaveURL(/\/shared$/);
}

/** A review link of the whole project with these rights, made through the api; its path. */
export async function createProjectLink(
  owner: Person,
  projectId: string,
  data: { permissions: string[]; label: string },
): Promise<string> {
  const made = await owner.context.request.post(`/api/projects/${projectId}/links`, { data });
  expect(made.status(), await made.text()).toBe(201);
  return ((await made.json()) as { path: string }).path;
}

/**
 * Records, in the page, the frame each presented picture belongs to (from requestVideoFrameCallback's
 * mediaTime): the test's own witness of what was on screen, independent of the player's code.
 */
export async function watchPresentedFrames(page: Page, rate: FrameRate): Promise<void> {
  await page.evaluate(
    ({ fpsNum, fpsDen }) => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="player"] video');
      if (!video) throw new Error('no video');
      const record = (_now: number, metadata: { mediaTime: number }) => {
        (window as unknown as { shownFrame: number }).shownFrame = Math.round(
          (metadata.mediaTime * fpsNum) / fpsDen,
        );
        video.requestVideoFrameCallback(record);
      };
      video.requestVideoFrameCallback(record);
    },
    { fpsNum: rate.fpsNum, fpsDen: rate.fpsDen },
  );
}

/** The frame last presented on screen, as `watchPresentedFrames` saw it. */
export const presentedFrame = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownFrame?: number }).shownFrame ?? null);
