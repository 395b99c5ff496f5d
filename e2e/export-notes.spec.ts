import { readFileSync } from 'node:fs';
import { createProject, expect, expectCleanConsole, newPerson, signUp, test } from './support/fixtures';
import { dropFrameTimecode, makeDropFrameClip, uploadAndOpen } from './support/review-page';

test('the review page exports notes as Resolve markers at their drop-frame timecode', async ({
  browser,
}, testInfo) => {
  const clip = await makeDropFrameClip(testInfo.outputPath('df-export.mov'));
  const editor = await newPerson(browser, 'Eddie Editor');
  await signUp(editor);
  const project = `Exports ${Date.now()}`;
  const projectId = await createProject(editor, project);
  await uploadAndOpen(editor, projectId, clip, 'df-export');
  const page = editor.page;
  const assetId = new URL(page.url()).pathname.split('/').pop();
  const listed = await editor.context.request.get(`/api/assets/${assetId}/versions`);
  const versionId: string = (await listed.json()).versions[0].id;
  const posted = await editor.context.request.post(`/api/versions/${versionId}/comments`, {
    data: { body: 'Logo lands a beat early', frame: 32 },
  });
  expect(posted.status()).toBe(201);

  await page.getByText('Export notes', { exact: true }).click();
  const menu = page.locator('.export-menu');
  const formats = menu.getByRole('list', { name: 'Export formats' });
  await expect(formats.getByRole('link')).toHaveCount(8);
  await expect(menu.getByLabel('Include internal notes')).toBeChecked();
  const download = page.waitForEvent('download');
  await formats.getByRole('link', { name: 'DaVinci Resolve markers (EDL)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${project} - df-export - v1 - notes.edl`);
  const edl = readFileSync(await file.path(), 'utf8');
  expect(edl).toContain('FCM: DROP FRAME');
  expect(edl).toContain(`001  001      V     C        ${dropFrameTimecode(32)} `);
  expect(edl).toContain('|M:Eddie Editor: Logo lands a beat early |D:1');
  expectCleanConsole(editor);
});
