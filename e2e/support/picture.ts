import type { Page } from '@playwright/test';
import { decodeFrameCode, rgbaToGray } from '@cutroom/media';

/**
 * Reads the frame code off the picture on screen: the video drawn to a small canvas. The player's,
 * or another video's (`selector`: a compare view's pane).
 */
export async function frameOnPicture(
  page: Page,
  selector = '[data-testid="player"] video',
): Promise<number | null> {
  // Small is fast to hand over, and the 4×4 blocks stay many pixels wide.
  const width = 64;
  const height = 36;
  const rgba = await page.evaluate(
    ({ width, height, selector }) => {
      const video = document.querySelector<HTMLVideoElement>(selector);
      if (!video || video.readyState < 2) return null;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return null;
      context.drawImage(video, 0, 0, width, height);
      return Array.from(context.getImageData(0, 0, width, height).data);
    },
    { width, height, selector },
  );
  return rgba ? decodeFrameCode(rgbaToGray(rgba, width, height), width, height) : null;
}
