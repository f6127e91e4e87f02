import { describe, expect, it } from 'vitest';
import { unwrapRedirect } from '../../shared/message-links';
import { carriesWebAddress, isSameSite } from '../../shared/same-site';

// The prompts script decides from these alone whether a click on a link may wait for Block
// It's module: a link that may leave the site must never be missed.
describe("the prompts script's first look at a link", () => {
  it.each([
    'https://www.google.com/url?q=https://prizes.example/win&sa=D',
    'https://www.google.co.uk/url?url=https%3A%2F%2Fprizes.example%2F',
    'https://www.youtube.com/redirect?event=comments&q=http%3A%2F%2Fa.example%2F',
    'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fb.example%2Fx&data=1',
    'https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url=https%3A%2F%2Fc.example%2F',
  ])('sees that a redirect, %s, may lead elsewhere', (url) => {
    const link = new URL(url);
    expect(unwrapRedirect(link).href).not.toBe(link.href);
    expect(carriesWebAddress(link.search)).toBe(true);
  });

  it.each(['', '?v=dQw4w9WgXcQ&t=10', '?q=maths+homework', '?q=http', '?next=/inbox'])(
    'lets a same-site link with the query %j go at once',
    (search) => {
      expect(carriesWebAddress(search)).toBe(false);
    },
  );

  it.each([
    ['mail.google.com', 'google.com', true],
    ['www.school.org', 'school.org', true],
    ['school.org.', 'SCHOOL.ORG', true],
    ['school.org', 'notschool.org', false],
    ['a.example', 'b.example', false],
  ])('%s and %s are one site: %s', (a, b, same) => {
    expect(isSameSite(a, b)).toBe(same);
  });
});
