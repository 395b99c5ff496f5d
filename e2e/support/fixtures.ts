import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect };

/** Someone using Cutroom in their own browser window (own cookies, own socket). */
export interface Person {
  displayName: string;
  email: string;
  password: string;
  context: BrowserContext;
  page: Page;
  /** Errors and warnings the page logged or threw; a healthy page logs none. */
  consoleProblems: string[];
  /** Responses with an error status, as "404 GET /api/…". */
  failedResponses: string[];
}

let people = 0;

function serverUrl(): string {
  const url = process.env.CUTROOM_E2E_URL;
  if (!url) throw new Error('CUTROOM_E2E_URL is not set: run through e2e/playwright.config.ts');
  return url;
}

/** A new person with a fresh browser window; not signed up yet. */
export async function newPerson(browser: Browser, displayName: string): Promise<Person> {
  people += 1;
  const slug = displayName.toLowerCase().replace(/[^a-z]+/g, '-');
  const email = `${slug}-${Date.now()}-${people}@example.com`;
  const context = await browser.newContext({ baseURL: serverUrl(), viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const consoleProblems: string[] = [];
  const failedResponses: string[] = [];
  page.on('console', (message) => {
    // Failed loads are judged by their response below, where the address is known.
    if (message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      consoleProblems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => consoleProblems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() < 400) return;
    failedResponses.push(
      `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`,
    );
  });
  return {
    displayName,
    email,
    password: 'correct horse battery',
    context,
    page,
    consoleProblems,
    failedResponses,
  };
}

/** Signs the person up through the API (their window shares the cookie), for people a story only needs. */
export async function signUp(person: Person): Promise<void> {
  const response = await person.context.request.post('/api/auth/register', {
    data: { email: person.email, password: person.password, displayName: person.displayName },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Creates a project through the API and returns its id. */
export async function createProject(owner: Person, name: string): Promise<string> {
  const response = await owner.context.request.post('/api/projects', { data: { name } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export async function addMember(
  owner: Person,
  projectId: string,
  member: Person,
  role: 'owner' | 'editor' | 'reviewer' | 'viewer',
): Promise<void> {
  const response = await owner.context.request.post(`/api/projects/${projectId}/members`, {
    data: { email: member.email, role },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Signed out, the app asks who is signed in and hears 401: that is how it knows. */
const SESSION_PROBE = /^401 GET \/api\/auth\/me$/;

/**
 * Nothing logged, nothing thrown, and no failed request but the ones the story expects
 * (e.g. 404 for a project someone may not see).
 */
export function expectCleanConsole(person: Person, expectedFailures: readonly RegExp[] = []): void {
  expect(person.consoleProblems, `console of ${person.displayName}`).toEqual([]);
  const unexpected = person.failedResponses.filter(
    (failure) => ![SESSION_PROBE, ...expectedFailures].some((pattern) => pattern.test(failure)),
  );
  expect(unexpected, `failed requests of ${person.displayName}`).toEqual([]);
}

export const test = base.extend<{ baseURL: string | undefined }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(serverUrl()),
});
