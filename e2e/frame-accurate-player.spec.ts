import path from 'node:path';
import { generateFrameCodedClip } from '@cutroom/media';
import { frameToTimecode, parseStartTimecode, type FrameRate } from '@cutroom/timecode';
import {
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
  type Person,
} from './support/fixtures';
import { NO_AUDIO_WAVEFORM } from './support/media';
import { frameOnPicture } from './support/picture';

interface Clip {
  title: string;
  fileName: string;
  rate: FrameRate;
  frames: number;
  startTimecode?: string;
  dropFrame: boolean;
  displayedRate: string;
  /** With a sound track: the player also plays its audio rendition and draws the waveform. */
  audio?: boolean;
}

const clips: Clip[] = [
  {
    title: '23.976 fps',
    fileName: 'coded-23976.mov',
    rate: { fpsNum: 24000, fpsDen: 1001 },
    frames: 72,
    startTimecode: '10:00:00:00',
    dropFrame: false,
    displayedRate: '23.976 fps',
  },
  {
    title: '25 fps',
    fileName: 'coded-25.mov',
    rate: { fpsNum: 25, fpsDen: 1 },
    frames: 75,
    dropFrame: false,
    displayedRate: '25 fps',
    audio: true,
  },
  {
    // Starts a second before a minute boundary, so the labels skip ;00 and ;01 at 00:01:00.
    title: '29.97 fps drop-frame from 00:00:59;00',
    fileName: 'coded-2997df.mov',
    rate: { fpsNum: 30000, fpsDen: 1001 },
    frames: 90,
    startTimecode: '00:00:59:00',
    dropFrame: true,
    displayedRate: '29.97 fps',
  },
  {
    title: '59.94 fps drop-frame',
    fileName: 'coded-5994df.mov',
    rate: { fpsNum: 60000, fpsDen: 1001 },
    frames: 120,
    startTimecode: '01:09:59:00',
    dropFrame: true,
    displayedRate: '59.94 fps',
  },
];

/** Random frames visited per clip; from each, a step forward and back. */
const SEEKS = 50;

/** A repeatable sequence of frames to visit. */
function frameSequence(count: number, frames: number): number[] {
  let seed = 20250601;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % frames;
  });
}

/** Uploads the clip and opens it at once: processing finishes while the page is open, no reload needed. */
async function uploadAndOpen(editor: Person, projectId: string, file: string, name: string) {
  const page = editor.page;
  await page.goto(`/projects/${projectId}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name }).getByRole('link').click();
  await expect(page.locator('.version-info .version-status')).toHaveAttribute('data-status', 'ready', {
    timeout: 90_000,
  });
  await expect(page.getByTestId('player')).toBeVisible();
}

for (const clip of clips) {
  test(`seeking and stepping show the exact frame and its timecode at ${clip.title}`, async ({
    browser,
  }, testInfo) => {
    const file = testInfo.outputPath(clip.fileName);
    await generateFrameCodedClip({
      path: file,
      fpsNum: clip.rate.fpsNum,
      fpsDen: clip.rate.fpsDen,
      frames: clip.frames,
      width: 640,
      height: 360,
      startTimecode: clip.startTimecode,
      dropFrameTimecode: clip.dropFrame,
      audio: clip.audio,
    });
    const editor = await newPerson(browser, 'Frances Framer');
    await signUp(editor);
    const projectId = await createProject(editor, `Frames ${Date.now()}`);
    await uploadAndOpen(editor, projectId, file, path.parse(clip.fileName).name);

    const page = editor.page;
    const player = page.getByTestId('player');
    const timecode = page.getByTestId('timecode');
    const startFrame = parseStartTimecode(clip.startTimecode, { rate: clip.rate, dropFrame: clip.dropFrame });
    const expectedTimecode = (frame: number) =>
      frameToTimecode(frame, { rate: clip.rate, dropFrame: clip.dropFrame, startFrame });

    /** The frame the player says is on screen, the frame the picture shows, and the timecode shown, agree. */
    async function expectOnFrame(frame: number) {
      await expect(player).toHaveAttribute('data-frame', String(frame));
      await expect.poll(() => frameOnPicture(page), { message: `picture of frame ${frame}` }).toBe(frame);
      await expect(timecode).toHaveText(expectedTimecode(frame));
    }

    await expect(page.getByTestId('frame-rate')).toHaveText(clip.displayedRate);
    if (clip.audio) await expect(page.locator('canvas.waveform')).toBeVisible();
    await expectOnFrame(0);

    // The bar a person aims at: the track inside the (padded) timeline.
    const box = await page.getByTestId('timeline-track').boundingBox();
    if (!box) throw new Error('the timeline is not on screen');
    for (const target of frameSequence(SEEKS, clip.frames)) {
      // The middle of the frame's slice of the timeline.
      await page.mouse.click(box.x + ((target + 0.5) / clip.frames) * box.width, box.y + box.height / 2);
      await expectOnFrame(target);
      if (target + 1 < clip.frames) {
        await page.keyboard.press('ArrowRight');
        await expectOnFrame(target + 1);
        await page.keyboard.press('ArrowLeft');
        await expectOnFrame(target);
      }
      if (target > 0) {
        await page.keyboard.press('ArrowLeft');
        await expectOnFrame(target - 1);
      }
    }

    await page.keyboard.press('End');
    await expectOnFrame(clip.frames - 1);
    await page.keyboard.press('Home');
    await expectOnFrame(0);

    // Kept with the run's results: what the review page looked like.
    const screenshot = testInfo.outputPath('review-page.png');
    await page.screenshot({ path: screenshot });
    await testInfo.attach('review page', { path: screenshot, contentType: 'image/png' });
    expectCleanConsole(editor, clip.audio ? [] : [NO_AUDIO_WAVEFORM]);
    await editor.context.close();
  });
}
