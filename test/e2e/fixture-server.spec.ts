import { expect, test as base } from '@playwright/test';
import { html, startFixtureServer } from './support/fixture-server';
import type { FixtureServer } from './support/fixture-server';
import { launchBrowser } from './support/launch';
import type { Launched } from './support/launch';

const test = base.extend<{ server: FixtureServer; launched: Launched }>({
  // Playwright reads a fixture's dependencies from this pattern, so it must exist even when empty.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startFixtureServer();
    await use(server);
    await server.close();
  },
  launched: async ({ server }, use) => {
    const launched = await launchBrowser({ extension: false, serverPort: server.port });
    await use(launched);
    await launched.close();
  },
});

test('an http URL reaches the fixture server over plain HTTP with the registered body', async ({
  server,
  launched,
}) => {
  server.route('www.example.org', '/hello', {
    body: html('Hello page', '<p id="greeting">Hi</p>'),
  });
  const page = await launched.context.newPage();

  const response = await page.goto('http://www.example.org/hello?from=test');

  expect(response?.status()).toBe(200);
  expect(page.url()).toBe('http://www.example.org/hello?from=test');
  await expect(page).toHaveTitle('Hello page');
  await expect(page.locator('#greeting')).toHaveText('Hi');
  const [request, ...others] = server.requestsTo('www.example.org');
  expect(others).toEqual([]);
  expect(request).toMatchObject({
    host: 'www.example.org',
    path: '/hello',
    url: '/hello?from=test',
    method: 'GET',
    scheme: 'http',
  });
  expect(response?.headers()['cache-control']).toBe('no-store');
});

test('an https URL reaches the same port over TLS and unregistered paths name what was reached', async ({
  server,
  launched,
}) => {
  const page = await launched.context.newPage();

  const response = await page.goto('https://secure.example.org/');

  expect(response?.status()).toBe(200);
  expect(page.url()).toBe('https://secure.example.org/');
  await expect(page).toHaveTitle('secure.example.org/');
  await expect(page.locator('#fixture')).toHaveText('secure.example.org /');
  expect(server.requestsTo('secure.example.org')).toEqual([
    expect.objectContaining({ scheme: 'https', path: '/', method: 'GET' }),
  ]);
});

test('favicon requests are answered but not recorded', async ({ server, launched }) => {
  const page = await launched.context.newPage();
  await page.goto('http://icons.example.org/page');

  // Ask explicitly, so the test does not depend on whether headless Chromium fetches favicons.
  const status = await page.evaluate(async () => (await fetch('/favicon.ico')).status);

  expect(status).toBe(204);
  expect(server.requests.map((r) => r.path)).toEqual(['/page']);
});

test('requestsTo filters by host, ignoring the port, and clear forgets requests', async ({
  server,
  launched,
}) => {
  const page = await launched.context.newPage();
  await page.goto('http://one.example.org/a');
  await page.goto('https://two.example.org:8443/b');
  await page.goto('http://one.example.org/c');

  expect(server.requestsTo('one.example.org').map((r) => r.path)).toEqual(['/a', '/c']);
  expect(server.requestsTo('two.example.org')).toEqual([
    expect.objectContaining({ path: '/b', scheme: 'https' }),
  ]);
  expect(server.requestsTo((r) => r.scheme === 'https').map((r) => r.host)).toEqual([
    'two.example.org',
  ]);
  expect(server.requestsTo('three.example.org')).toEqual([]);

  server.clear();
  expect(server.requests).toEqual([]);
  server.route('one.example.org', '/a', { body: 'plain', type: 'text/plain', status: 201 });
  const response = await page.goto('http://one.example.org/a');
  expect(response?.status()).toBe(201);
  expect(await response?.text()).toBe('plain');
  expect(server.requests).toHaveLength(1);
});
