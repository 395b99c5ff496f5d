import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { addMember, createProject, expect, newPerson, signUp, test } from './support/fixtures';
import { makeTruncatedClip } from './support/media';

test('the picker refuses a document by name, and a cut-short MP4 fails as incomplete, live for everyone', async ({
  browser,
}, testInfo) => {
  const media = testInfo.outputPath('media');
  const cutShort = makeTruncatedClip(media, 'final-export.mp4');
  const notes = path.join(media, 'notes.pdf');
  writeFileSync(notes, '%PDF-1.4\nnot a cut\n');
  const editor = await newPerson(browser, 'Edie Editor');
  const director = await newPerson(browser, 'Dara Director');
  for (const person of [editor, director]) await signUp(person);
  const projectId = await createProject(editor, `Refusals ${Date.now()}`);
  await addMember(editor, projectId, director, 'reviewer');
  for (const person of [editor, director]) await person.page.goto(`/projects/${projectId}`);
  const page = editor.page;

  await test.step('the picker offers media only', async () => {
    const accept = await page.locator('input[type=file]').first().getAttribute('accept');
    expect(accept).toContain('video/*');
    expect(accept).toContain('audio/*');
    expect(accept).toContain('image/*');
  });

  await test.step('a PDF chosen with a clip is refused with its name and why; the clip goes up', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles([notes, cutShort]);
    const refused = page.getByRole('listitem', { name: 'Upload of notes.pdf' });
    await expect(refused.getByRole('status')).toHaveText('Not uploaded');
    await expect(refused.getByRole('alert')).toHaveText(
      '“notes.pdf” was not uploaded: it is a PDF document, not video, audio or an image. Cutroom reviews video, audio and stills only.',
    );
    await expect(page.getByRole('listitem', { name: 'notes', exact: true })).toHaveCount(0);
  });

  await test.step('the cut-short MP4 fails as incomplete: the tray says Failed, with the reason', async () => {
    const row = page.getByRole('listitem', { name: 'Upload of final-export.mp4' });
    await expect(row.getByRole('status')).toHaveText('Failed', { timeout: 30_000 });
    await expect(row.getByRole('alert')).toContainText('the upload or the export may be incomplete');
    await expect(row.getByRole('alert')).not.toContainText('not a video');
  });

  await test.step('the card says Failed with the reason, for the director too, never "In review"', async () => {
    for (const person of [editor, director]) {
      const card = person.page.getByRole('listitem', { name: 'final-export', exact: true });
      await expect(card.locator('.status-badge')).toHaveText('Failed');
      await expect(card).toContainText('the upload or the export may be incomplete');
      await expect(card).not.toContainText('In review');
    }
  });

  await test.step('Retry processes the stored original again: it fails again, for the same reason', async () => {
    const card = page.getByRole('listitem', { name: 'final-export', exact: true });
    const retried = page.waitForResponse((response) => /\/retry$/.test(response.url()));
    await card.getByRole('button', { name: 'Retry processing final-export' }).click();
    expect((await retried).status()).toBe(200);
    await expect(card.locator('.status-badge')).toHaveText('Failed', { timeout: 30_000 });
    await expect(card).toContainText('the upload or the export may be incomplete');
  });

  await test.step('Delete asks first, then the cut is gone for the director too', async () => {
    const card = page.getByRole('listitem', { name: 'final-export', exact: true });
    await card.getByRole('button', { name: 'Delete final-export' }).click();
    await expect(card).toContainText('Delete “final-export”? It goes to Recently deleted.');
    await card.getByRole('button', { name: 'Delete cut' }).click();
    for (const person of [editor, director]) {
      await expect(person.page.getByRole('listitem', { name: 'final-export', exact: true })).toHaveCount(0);
    }
  });
});
