import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the picture is drawn inside the <video> element (object-fit: contain), from its real size. */
export async function pictureOnScreen(page: Page, video = '[data-testid="player"] video'): Promise<Box> {
  return page.evaluate((selector) => {
    const video = document.querySelector<HTMLVideoElement>(selector);
    if (!video || video.videoWidth === 0) throw new Error('no picture yet');
    const box = video.getBoundingClientRect();
    const scale = Math.min(box.width / video.videoWidth, box.height / video.videoHeight);
    const width = video.videoWidth * scale;
    const height = video.videoHeight * scale;
    return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
  }, video);
}

/** A point given as fractions of the picture, in page pixels. */
export const pointOn = (picture: Box, x: number, y: number) => ({
  x: picture.x + x * picture.width,
  y: picture.y + y * picture.height,
});

/** The part of the picture between two points given as fractions of it, in page pixels. */
export const boxOn = (picture: Box, from: [number, number], to: [number, number]): Box => ({
  x: picture.x + from[0] * picture.width,
  y: picture.y + from[1] * picture.height,
  width: (to[0] - from[0]) * picture.width,
  height: (to[1] - from[1]) * picture.height,
});

/** Drags with the mouse from one point of the picture to another, as a person draws a shape. */
export async function drag(page: Page, picture: Box, from: [number, number], to: [number, number]) {
  const start = pointOn(picture, ...from);
  const end = pointOn(picture, ...to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** Same centre (within 2 px) and size (within the stroke's width, which the box may include). */
export async function expectBoxNear(shape: Locator, expected: Box) {
  const box = await shape.boundingBox();
  if (!box) throw new Error('the shape is not on screen');
  const centre = (b: Box) => [b.x + b.width / 2, b.y + b.height / 2];
  const [x, y] = centre(box);
  const [expectedX, expectedY] = centre(expected);
  const seen = `${JSON.stringify(box)} vs ${JSON.stringify(expected)}`;
  expect(Math.abs(x - expectedX), seen).toBeLessThan(2);
  expect(Math.abs(y - expectedY), seen).toBeLessThan(2);
  expect(Math.abs(box.width - expected.width), seen).toBeLessThan(8);
  expect(Math.abs(box.height - expected.height), seen).toBeLessThan(8);
}
