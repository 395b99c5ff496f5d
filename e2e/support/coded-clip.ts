import { expect, type Page } from '@playwright/test';
import { generateFrameCodedClip } from '@cutroom/media';
import { frameToTimecode } from '@cutroom/timecode';
import { frameOnPicture } from './picture';

/** The rate of the frame-coded clips the review stories upload: 25 fps, non-drop, starting at 0. */
export const CODED_RATE = { fpsNum: 25, fpsDen: 1 };

/** A frame-coded clip at 25 fps: every frame shows its own number, readable off the screen. */
export async function makeCodedClip(
  path: string,
  size: { frames: number; width: number; height: number },
): Promise<string> {
  await generateFrameCodedClip({ path, fpsNum: CODED_RATE.fpsNum, fpsDen: CODED_RATE.fpsDen, ...size });
  return path;
}

/** How the player labels a frame of such a clip. */
export const codedTimecode = (frame: number) =>
  frameToTimecode(frame, { rate: CODED_RATE, dropFrame: false, startFrame: 0 });

/** Clicks the middle of a frame's slice of the timeline, as frame-accurate-player.spec.ts does. */
export async function clickTimelineAt(page: Page, frame: number, frameCount: number): Promise<void> {
  const box = await page.getByTestId('timeline-track').boundingBox();
  if (!box) throw new Error('the timeline is not on screen');
  await page.mouse.click(box.x + ((frame + 0.5) / frameCount) * box.width, box.y + box.height / 2);
}

/** The player stands paused on the frame, and that frame's picture is the one on screen. */
export async function expectOnFrame(page: Page, frame: number): Promise<void> {
  await expect(page.getByTestId('player')).toHaveAttribute('data-frame', String(frame));
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
  await expect.poll(() => frameOnPicture(page), { message: `picture of frame ${frame}` }).toBe(frame);
}

/** Clicks a frame on the timeline and waits until it is the one on screen. */
export async function goToFrame(page: Page, frame: number, frameCount: number): Promise<void> {
  await clickTimelineAt(page, frame, frameCount);
  await expectOnFrame(page, frame);
}
