import { randomUUID } from 'node:crypto';
import { expect, newPerson, signUp, test } from './support/fixtures';

test('an address with no page, and a page whose code does not arrive, say so and let the person go on', async ({
  browser,
}) => {
  const person = await newPerson(browser, 'Nadia Newcomer');
  await signUp(person);
  const { page } = person;
  const projects = page.getByRole('heading', { name: 'Projects', level: 1 });

  await test.step('an address Cutroom has no page for', async () => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('There is nothing at /no/such/page.')).toBeVisible();
    await page.getByRole('link', { name: 'Go to your projects' }).click();
    await expect(projects).toBeVisible();
  });

  await test.step("a cut's page whose code cannot be fetched (a dropped connection, a newer deploy)", async () => {
    await page.route(/\/assets\/AssetReviewPage-[\w-]+\.js$/, (route) => route.abort());
    // Followed from within the app, as a link would: the page's code is fetched only now.
    await page.evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/assets/${randomUUID()}`);
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expect(page.getByRole('link', { name: 'Reload Cutroom' })).toBeVisible();
  });

  await test.step('going back leaves the error behind, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.goBack();
    await expect(projects).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  await test.step('once the code can be fetched, the same page opens: the failure is not kept', async () => {
    await page.unroute(/\/assets\/AssetReviewPage-[\w-]+\.js$/);
    await page.goForward();
    await expect(page.getByRole('heading', { name: 'Cut not found' })).toBeVisible();
    await page.goBack();
    await expect(projects).toBeVisible();
  });

  await test.step('a part fetched on demand that cannot be fetched says so in its place; the page goes on', async () => {
    const feedCode = /\/assets\/ActivityFeed-[\w-]+\.js$/;
    await page.route(feedCode, (route) => route.abort());
    await page.getByTestId('activity-bell').click();
    await expect(page.getByRole('alert')).toHaveText(/The activity feed could not be loaded/);
    await expect(projects).toBeVisible();
    await expect(page.getByRole('link', { name: 'Cutroom', exact: true })).toBeVisible();
    await page.unroute(feedCode);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('activity-panel')).toBeVisible();
  });
});
