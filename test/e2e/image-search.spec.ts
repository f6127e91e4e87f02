// Image search blocked on every engine, SafeSearch locked on, YouTube restricted, in real
// Chromium with real engine hostnames mapped to the fixture server. The whole URL table also
// goes through Chrome's own DNR matcher.
import { IMAGE_SEARCH_CASES } from '../shared/image-search-table';
import { html } from './support/fixture-server';
import { applyPolicy, BLOCK_PAGE, readEnforcement } from './support/extension';
import { expectNoAxeViolations } from './support/axe';
import { openOptions, setFirstPin } from './support/options-page';
import { expect, test } from './support/test';

// Web search is approved on every engine here, so each block below is the image-search rule,
// not the list.
const ENGINES = [
  'google.com',
  'google.co.uk',
  'google.de',
  'bing.com',
  'duckduckgo.com',
  'yahoo.com',
  'yandex.ru',
  'ecosia.org',
  'startpage.com',
  'search.brave.com',
  'qwant.com',
  'baidu.com',
  'pinterest.com',
  'pinterest.co.uk',
  'translate.goog',
  'googleusercontent.com',
  'youtube.com',
  'www.topmarks.co.uk',
];

const REPRESENTATIVE = [
  'https://www.google.com/search?q=tigers&tbm=isch',
  'https://www.google.co.uk/search?udm=2&q=tigers',
  'https://images.google.de/',
  'https://www.bing.com/images/search?q=tigers',
  'https://duckduckgo.com/?q=tigers&ia=images&iax=images',
  'https://images.search.yahoo.com/search/images?p=tigers',
  'https://yandex.ru/images/search?text=tigers',
  'https://www.ecosia.org/images?q=tigers',
  'https://www.startpage.com/sp/search?query=tigers&cat=images',
  'https://search.brave.com/images?q=tigers',
  'https://www.qwant.com/?q=tigers&t=images',
  'https://image.baidu.com/search/index?tn=baiduimage&word=tigers',
  'https://www.pinterest.co.uk/search/pins/?q=tigers',
  'https://www-google-com.translate.goog/search?q=tigers&tbm=isch&_x_tr_sl=auto',
  'https://webcache.googleusercontent.com/search?q=cache:https://www.google.com/search%3Fq%3Dtigers%26tbm%3Disch',
];

test('image search lands on the image-search block page on every engine, and is never requested', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ENGINES });
  const page = await launched.context.newPage();
  for (const url of REPRESENTATIVE) {
    await page.goto(url);
    await expect(page, url).toHaveURL(BLOCK_PAGE);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('why'), url).toBe('images');
    expect(decodeURI(landed.hash.slice(1)), url).toContain(new URL(url).host);
  }
  await expect(page.getByRole('heading')).toHaveText('Image search is switched off at school');
  // The approved image sources are offered, and they are allowed.
  const sources = page.getByRole('navigation', { name: 'Places to find pictures:' });
  await expect(sources.getByRole('link')).toHaveText([
    'www.pics4learning.com',
    'www.photosforclass.com',
    'images.nasa.gov',
  ]);
  await expectNoAxeViolations(page);
  await sources.getByRole('link', { name: 'images.nasa.gov' }).click();
  await expect(page.locator('#fixture')).toHaveText('images.nasa.gov /');

  const imageRequests = server.requests.filter((request) =>
    REPRESENTATIVE.some((url) => {
      const target = new URL(url);
      return request.host === target.hostname && request.path === target.pathname;
    }),
  );
  expect(imageRequests).toEqual([]);
});

test('every URL in the table gets the verdict it should from Chrome itself', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ENGINES });
  const verdicts = await launched.worker.evaluate(
    async (urls) => {
      const rules = await chrome.declarativeNetRequest.getDynamicRules();
      const priority = new Map(rules.map((rule) => [rule.id, rule.priority]));
      const out: Record<string, boolean> = {};
      for (const url of urls) {
        const outcome = await chrome.declarativeNetRequest.testMatchOutcome({
          url,
          type: 'main_frame' as chrome.declarativeNetRequest.ResourceType,
        });
        out[url] = outcome.matchedRules.some((match) => priority.get(match.ruleId) === 500);
      }
      return out;
    },
    IMAGE_SEARCH_CASES.map((c) => c.url),
  );
  const wrong = IMAGE_SEARCH_CASES.filter((c) => verdicts[c.url] !== c.blocked).map(
    (c) => `${c.blocked ? 'should block' : 'should allow'}: ${c.url} (${c.why})`,
  );
  expect(wrong).toEqual([]);
});

test('KS1 gets the picture version of the image-search page, and it passes axe', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks1', ks1: ['google.co.uk'] });
  const page = await launched.context.newPage();
  await page.goto('https://www.google.co.uk/search?q=owls&tbm=isch');
  await expect(page).toHaveURL(BLOCK_PAGE);
  await expect(page.getByRole('heading')).toHaveText("Let's find pictures here instead");
  await expect(page.getByRole('button', { name: 'Ask my teacher' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'www.pics4learning.com' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a link from an allowed results page to its images tab, and an images frame, are blocked', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ENGINES });
  server.route('www.google.com', '/search', {
    body: html(
      'tigers - Google Search',
      '<a id="images" href="/search?q=tigers&tbm=isch">Images</a>',
    ),
  });
  server.route('www.topmarks.co.uk', '/framed', {
    body: html(
      'Framed',
      '<iframe id="frame" src="https://www.bing.com/images/search?q=tigers"></iframe>',
    ),
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.google.com/search?q=tigers');
  await page.click('#images');
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(new URL(page.url()).searchParams.get('why')).toBe('images');

  await page.goto('https://www.topmarks.co.uk/framed');
  await expect(page.frameLocator('#frame').getByText('Part of this page is hidden:')).toBeVisible();
  expect(
    server.requestsTo((r) => r.url.includes('tbm=isch') || r.path.startsWith('/images')),
  ).toEqual([]);
});

test('SafeSearch is on for the web search that stays, whatever the address says', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ENGINES });
  const page = await launched.context.newPage();
  const cases = [
    ['https://www.google.com/search?q=tigers&safe=off', 'safe', 'active'],
    ['https://www.google.co.uk/search?q=tigers', 'safe', 'active'],
    ['https://www.bing.com/search?q=tigers&adlt=off', 'adlt', 'strict'],
    ['https://duckduckgo.com/?q=tigers&kp=-2', 'kp', '1'],
  ] as const;
  for (const [url, key, value] of cases) {
    server.clear();
    await page.goto(url);
    expect(new URL(page.url()).searchParams.get(key), url).toBe(value);
    // What reached the server is the safe search, never the unsafe one.
    const host = new URL(url).hostname;
    const received = server.requestsTo(host).map((r) => new URLSearchParams(r.url.split('?')[1]));
    expect(received.length, url).toBeGreaterThan(0);
    for (const params of received) expect(params.getAll(key), url).toEqual([value]);
  }
});

test('YouTube gets Restricted Mode through the header on every request', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ENGINES });
  server.route('www.youtube.com', '/watch', {
    body: html('video', '<script>fetch("/youtubei/v1/next", { method: "POST" })</script>'),
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.youtube.com/watch?v=abc');
  await expect.poll(() => server.requestsTo('www.youtube.com').length).toBeGreaterThanOrEqual(2);
  for (const request of server.requestsTo('www.youtube.com')) {
    expect(request.headers['youtube-restrict'], request.url).toBe('Strict');
  }
});

test('a teacher can lift image search for a lesson, and it is recorded and ends', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ENGINES });
  const options = await launched.context.newPage();
  await openOptions(options, launched.extensionId);
  await setFirstPin(options, 'Mr Jones', '4826');
  const section = options.getByRole('region', { name: 'Image search' });
  await section.getByLabel('Allow it for').selectOption('15');
  const before = (await readEnforcement(launched.worker))?.policyHash;
  await section.getByRole('button', { name: 'Allow image search for a supervised lesson' }).click();
  await expect(section.getByRole('status')).toContainText(
    'allowed for a supervised lesson, by Mr Jones',
  );
  await expect
    .poll(async () => (await readEnforcement(launched.worker))?.policyHash)
    .not.toBe(before);

  const pupil = await launched.context.newPage();
  await pupil.goto('https://www.google.com/search?q=tigers&tbm=isch');
  await expect(pupil.locator('#fixture')).toHaveText('www.google.com /search');
  // SafeSearch still applies while image search is allowed.
  expect(new URL(pupil.url()).searchParams.get('safe')).toBe('active');
  expect(server.requestsTo('www.google.com').length).toBeGreaterThan(0);

  await section.getByRole('button', { name: 'Block image search again now' }).click();
  await expect(section.getByRole('status')).toHaveText(/Image search is blocked for pupils/);
  await expect(section.getByRole('table')).toContainText('Allowed image search');
  await expect(section.getByRole('table')).toContainText('Image search blocked again');
  await pupil.goto('https://www.google.com/search?q=lions&tbm=isch');
  await expect(pupil).toHaveURL(BLOCK_PAGE);
});
