import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createProject, expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';
import { makeTestClip } from './support/media';

/** A slow uplink (bytes per second), or none: uploads of a small clip then take a few seconds. */
async function throttleUploads(page: Page, bytesPerSecond: number | null) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}

test('an editor on a slow connection pauses, reloads mid-upload and continues where it stopped', async ({
  browser,
}, testInfo) => {
  const clip = makeTestClip(testInfo.outputPath('media'), 'rough-cut.mp4');
  const editor = await newPerson(browser, 'Elena Editor');
  await signUp(editor);
  const projectId = await createProject(editor, `Feature ${Date.now()}`);
  const page = editor.page;
  await page.goto(`/projects/${projectId}`);
  await throttleUploads(page, 8 * 1024);
  const row = page.getByRole('listitem', { name: 'Upload of rough-cut.mp4' });

  await test.step('the upload shows its progress and can be paused and resumed', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    await expect(row.getByRole('status')).toHaveText(/^\d+% · .* KB of 58\.\d KB$/);
    await row.getByRole('button', { name: 'Pause upload of rough-cut.mp4' }).click();
    await expect(row.getByRole('status')).toHaveText(/^Paused at \d+%$/);
    await expect(row).toHaveAttribute('data-state', 'paused');
    await row.getByRole('button', { name: 'Resume upload of rough-cut.mp4' }).click();
    await expect(row).toHaveAttribute('data-state', 'uploading');
  });

  await test.step('after a reload the browser offers to continue it', async () => {
    await page.waitForTimeout(1000);
    await page.reload();
    await throttleUploads(page, 8 * 1024);
    const interrupted = page.getByRole('region', { name: 'Interrupted uploads' });
    await expect(interrupted.getByText('rough-cut.mp4')).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await interrupted.getByRole('button', { name: 'Continue upload of rough-cut.mp4' }).click();
    await (await chooser).setFiles(clip);
    await expect(row.getByText('New cut · resumed')).toBeVisible();
    // It continues from the bytes the server already has, not from zero.
    await expect(row.getByRole('status')).toHaveText(/^([1-9]\d?)% · /);
    await throttleUploads(page, null);
    await expect(row.getByRole('status')).toHaveText('Uploaded');
    await expect(interrupted).toHaveCount(0);
  });

  await test.step('the server has the file exactly as it was, as one cut with one version', async () => {
    const card = page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'rough-cut' });
    await expect(card.getByText('1 version', { exact: true })).toBeVisible();
    const response = await editor.context.request.get(`/api/projects/${projectId}/assets`);
    const { assets } = (await response.json()) as {
      assets: { name: string; latestVersion: { sha256: string | null; sizeBytes: number } | null }[];
    };
    const bytes = readFileSync(clip);
    expect(assets).toHaveLength(1);
    expect(assets[0].latestVersion).toMatchObject({
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  expectCleanConsole(editor);
  await editor.context.close();
});
