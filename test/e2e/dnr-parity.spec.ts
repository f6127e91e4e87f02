// Chrome's own verdict (declarativeNetRequest.testMatchOutcome on the installed rules) against
// the verdict the navigation backstop computes in code, over a table of URL shapes. If the
// compiler and the judge ever drift apart, this fails.
import { buildEffectivePolicy } from '../../shared/effective-policy';
import { createUrlJudge } from '../../shared/url-verdict';
import { applyPolicy, settingsWith, type PolicyLists } from './support/extension';
import { expect, test } from './support/test';

const POLICY: PolicyLists = {
  keyStage: 'ks1',
  ks1: [
    'bbc.co.uk',
    '=www.topmarks.co.uk',
    'https://www.phonicsplay.co.uk/games/',
    'https://kids.example.org/maths',
    '192.168.0.10',
    'thepiratebay.org',
    '=www.y2mate.com',
    'croxyproxy.com',
  ],
  alwaysBlocked: ['https://www.bbc.co.uk/news/', 'bad.example', '=blocked.bbc.co.uk'],
};

const URLS = [
  'https://bbc.co.uk/',
  'https://www.bbc.co.uk/cbeebies/',
  'http://www.bbc.co.uk/cbeebies/?a=1',
  'https://www.bbc.co.uk/news/',
  'https://www.bbc.co.uk/news/uk-123',
  'https://www.bbc.co.uk/newsround',
  'https://blocked.bbc.co.uk/',
  'https://deeper.blocked.bbc.co.uk/',
  'https://bbc.co.uk.evil.com/',
  'https://evilbbc.co.uk/',
  'https://www.topmarks.co.uk/',
  'https://www.topmarks.co.uk:8443/maths',
  'https://games.topmarks.co.uk/',
  'https://www.phonicsplay.co.uk/games/phase2',
  'https://www.phonicsplay.co.uk/games',
  'https://www.phonicsplay.co.uk/Games/phase2',
  'https://www.phonicsplay.co.uk/',
  'https://kids.example.org/maths',
  'https://kids.example.org/maths/',
  'https://kids.example.org/maths?level=2',
  'https://kids.example.org/mathsgames',
  'https://kids.example.org/MATHS',
  'http://192.168.0.10/',
  'http://192.168.0.10:8080/intranet',
  'http://192.168.0.11/',
  'https://bad.example/',
  'https://www.bad.example/page',
  'https://example.com/?u=https://www.bbc.co.uk/',
  'https://example.com/https://www.topmarks.co.uk/',
  'https://xn--bcher-kva.de/',
  // The piracy category: on the allowed list above, and blocked anyway.
  'https://thepiratebay.org/search/cats',
  'https://www.y2mate.com/youtube/abc',
  'https://notthepiratebay.org/',
  // The circumvention category: proxies and VPNs, blocked whatever the lists say.
  'https://www.croxyproxy.com/',
  'https://nordvpn.com/download/',
  'https://notcroxyproxy.com/',
];

test('the installed DNR rules and the backstop judge agree on every URL in the table', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, POLICY);
  const policy = buildEffectivePolicy(settingsWith(POLICY), {});
  const judge = createUrlJudge(policy);

  const chromeVerdicts = await launched.worker.evaluate(async (urls) => {
    const rules = await chrome.declarativeNetRequest.getDynamicRules();
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const verdicts: Record<string, string> = {};
    for (const url of urls) {
      const outcome = await chrome.declarativeNetRequest.testMatchOutcome({
        url,
        type: 'main_frame' as chrome.declarativeNetRequest.ResourceType,
      });
      const rule = byId.get(outcome.matchedRules[0]?.ruleId ?? -1);
      if (!rule) verdicts[url] = 'none';
      else if (rule.action.type === 'allow') verdicts[url] = 'allow';
      else
        verdicts[url] =
          /why=(always|piracy|circumvention)/.exec(
            rule.action.redirect?.regexSubstitution ?? '',
          )?.[1] ?? 'list';
    }
    return verdicts;
  }, URLS);

  const codeVerdicts = Object.fromEntries(
    URLS.map((url) => {
      const verdict = judge(url);
      return [url, verdict.allowed ? 'allow' : verdict.reason];
    }),
  );
  expect(chromeVerdicts).toEqual(codeVerdicts);
  // And the table really exercises every outcome.
  expect(new Set(Object.values(codeVerdicts))).toEqual(
    new Set(['allow', 'list', 'always', 'piracy', 'circumvention']),
  );
});
