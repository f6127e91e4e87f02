import { describe, expect, it } from 'vitest';
import { formatCitation, formatVisitDate } from '../../shared/citation';

const visited = new Date('2026-12-04T10:30:00Z');

describe('formatCitation', () => {
  it.each([
    [
      'a page with a site name',
      {
        title: 'Owls',
        siteName: 'National Geographic Kids',
        url: 'https://www.natgeokids.com/uk/owls/',
      },
      '"Owls". National Geographic Kids (www.natgeokids.com). https://www.natgeokids.com/uk/owls/. Visited 4 December 2026.',
    ],
    [
      'no site name: the host alone',
      { title: 'Owls', url: 'https://kids.example.org/owls' },
      '"Owls". kids.example.org. https://kids.example.org/owls. Visited 4 December 2026.',
    ],
    [
      'a site name that is just the host is not repeated',
      { title: 'Owls', siteName: 'example.org', url: 'https://www.example.org/owls' },
      '"Owls". www.example.org. https://www.example.org/owls. Visited 4 December 2026.',
    ],
    [
      'no title',
      { title: '  ', url: 'https://kids.example.org/' },
      'kids.example.org. https://kids.example.org/. Visited 4 December 2026.',
    ],
    [
      'spaces and new lines in the title are tidied',
      { title: '\n  Owls:\n   a guide  ', url: 'https://kids.example.org/' },
      '"Owls: a guide". kids.example.org. https://kids.example.org/. Visited 4 December 2026.',
    ],
    [
      'the fragment (a place on the page) is dropped; the query stays',
      { title: 'Owls', url: 'https://kids.example.org/a?page=2#:~:text=hoot' },
      '"Owls". kids.example.org. https://kids.example.org/a?page=2. Visited 4 December 2026.',
    ],
    [
      'a title that asks a question keeps its mark',
      { title: 'Do owls sleep?', url: 'https://kids.example.org/' },
      '"Do owls sleep?". kids.example.org. https://kids.example.org/. Visited 4 December 2026.',
    ],
  ])('%s', (_, source, expected) => {
    expect(formatCitation({ ...source, visited }, { timeZone: 'Europe/London' })).toBe(expected);
  });

  it('cuts a very long title, so a page cannot fill the box', () => {
    const citation = formatCitation(
      { title: 'Owl '.repeat(100), url: 'https://kids.example.org/', visited },
      { timeZone: 'UTC' },
    );
    expect(citation.length).toBeLessThan(230);
    expect(citation).toMatch(/^"Owl Owl [^"]*…"\. kids\.example\.org\. /);
  });

  it('refuses an address that is not one', () => {
    expect(() => formatCitation({ title: 'x', url: 'not a url', visited })).toThrow(
      /Not a web address/,
    );
  });
});

describe('formatVisitDate', () => {
  it.each([
    ['2026-12-04T10:30:00Z', 'UTC', '4 December 2026'],
    ['2026-01-31T23:30:00Z', 'Europe/London', '31 January 2026'],
    ['2026-07-31T23:30:00Z', 'Europe/London', '1 August 2026'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(formatVisitDate(new Date(iso), zone)).toBe(expected);
  });
});
