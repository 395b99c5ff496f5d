import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createProject, expect, newPerson, signUp, test } from './support/fixtures';
import { makeTestClip } from './support/media';

/**
 * What axe-core finds on a page that would stop someone using a keyboard or a screen reader:
 * every serious or critical violation, named with the elements it was found on.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  // A scan that checked nothing would pass on an empty page: it must have looked at something.
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(' ')} [${node.any.map((check) => check.message).join('; ')}]`)
          .join(', ')}`,
    );
}

test('sign-in, project, review and guest pages have no serious or critical accessibility violation', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const editor = await newPerson(browser, 'Ada Access');
  const guest = await newPerson(browser, 'Gus Guest');

  await test.step('sign-in and sign-up pages', async () => {
    await editor.page.goto('/login');
    await expect(editor.page.getByRole('button', { name: /sign in/i })).toBeVisible();
    expect.soft(await seriousViolations(editor.page), 'sign-in page').toEqual([]);
    await editor.page.goto('/register');
    await expect(editor.page.getByRole('button', { name: /create account|sign up/i })).toBeVisible();
    expect.soft(await seriousViolations(editor.page), 'sign-up page').toEqual([]);
  });

  await signUp(editor);
  const projectId = await createProject(editor, `Accessible ${Date.now()}`);

  await test.step('the project page with a cut', async () => {
    await editor.page.goto(`/projects/${projectId}`);
    const chooser = editor.page.waitForEvent('filechooser');
    await editor.page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    const card = editor.page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'clip' });
    await expect(card).toBeVisible();
    expect.soft(await seriousViolations(editor.page), 'project page').toEqual([]);
    await card.getByRole('link').first().click();
  });

  await test.step('the review page with a ready cut and a note', async () => {
    await expect(editor.page.locator('.version-info .version-status')).toHaveAttribute(
      'data-status',
      'ready',
      {
        timeout: 90_000,
      },
    );
    const field = editor.page.getByRole('combobox', { name: 'Comment', exact: true });
    await field.fill('The title card needs a second longer');
    await editor.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(editor.page.getByTestId('comment')).toHaveCount(1);
    expect.soft(await seriousViolations(editor.page), 'review page').toEqual([]);
  });

  await test.step('the review page by keyboard alone: every stop is named, and the controls that matter are reached', async () => {
    await editor.page.locator('body').click({ position: { x: 1, y: 1 } });
    const stops: string[] = [];
    for (let press = 0; press < 120; press += 1) {
      await editor.page.keyboard.press('Tab');
      const stop = await editor.page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const labelledBy = element.getAttribute('aria-labelledby');
        const name =
          element.getAttribute('aria-label') ??
          (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
          (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
            ? (element.labels?.[0]?.textContent ?? element.placeholder)
            : null) ??
          element.textContent ??
          element.getAttribute('title');
        return `${element.tagName.toLowerCase()}|${(name ?? '').trim()}`;
      });
      if (stop === null) continue;
      if (stops.includes(stop) && stops.length > 10) break;
      stops.push(stop);
    }
    expect(stops.length).toBeGreaterThan(10);
    expect(
      stops.filter((stop) => stop.endsWith('|')),
      'focusable controls without a name',
    ).toEqual([]);
    const names = stops.map((stop) => stop.split('|')[1]);
    for (const control of [/^play$/i, /step.*forward|next frame/i, /^comment$/i]) {
      expect(
        names.some((name) => control.test(name)),
        `${control} reached by Tab in ${names.join(' · ')}`,
      ).toBe(true);
    }
  });

  await test.step('the guest pages: the link landing and the shared cut', async () => {
    const response = await editor.context.request.post(`/api/projects/${projectId}/links`, {
      data: { label: 'For Gus', permissions: ['view', 'comment', 'approve'] },
    });
    expect(response.status(), await response.text()).toBe(201);
    const { path } = (await response.json()) as { path: string };
    await guest.page.goto(path);
    await expect(guest.page.getByLabel('Your name')).toBeVisible();
    expect.soft(await seriousViolations(guest.page), 'link landing page').toEqual([]);
    await guest.page.getByLabel('Your name').fill('Gus Guest');
    await guest.page.getByRole('button', { name: 'Start reviewing' }).click();
    await expect(guest.page).toHaveURL(/\/shared$/);
    expect.soft(await seriousViolations(guest.page), 'guest home').toEqual([]);
    await guest.page
      .getByRole('list', { name: 'Cuts' })
      .getByRole('listitem', { name: 'clip' })
      .getByRole('link')
      .first()
      .click();
    await expect(guest.page.getByTestId('comment')).toHaveCount(1);
    expect.soft(await seriousViolations(guest.page), 'guest review page').toEqual([]);
  });
});
