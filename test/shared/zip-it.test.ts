import { describe, expect, it } from 'vitest';
import { PUPIL_EVENT_DETAILS } from '../../shared/pupil-event';
import {
  detectInText,
  detectPersonalData,
  ZIP_IT_DETAILS,
} from '../../shared/zip-it/personal-data-detectors';
import { ZIP_IT_FIELD_CASES, ZIP_IT_PERSON, ZIP_IT_TEXT_CASES } from './zip-it-table';

const inText = (text: string) =>
  detectPersonalData([{ value: text, hints: '', password: false }], ZIP_IT_PERSON, {
    signInSite: false,
  });

describe('Zip It detectors: the table of realistic inputs', () => {
  it('is big, and mostly things that must send', () => {
    expect(ZIP_IT_TEXT_CASES.length + ZIP_IT_FIELD_CASES.length).toBeGreaterThanOrEqual(100);
    const quiet = ZIP_IT_TEXT_CASES.filter((row) => row.found.length === 0).length;
    expect(quiet).toBeGreaterThanOrEqual(50);
    for (const detail of ZIP_IT_DETAILS) {
      const rows = [...ZIP_IT_TEXT_CASES, ...ZIP_IT_FIELD_CASES];
      expect(
        rows.some((row) => row.found.includes(detail)),
        detail,
      ).toBe(true);
    }
  });

  it.each(ZIP_IT_TEXT_CASES.map((row) => [row.why, row.text, row.found] as const))(
    '%s: %j',
    (_why, text, found) => {
      expect(inText(text)).toEqual(found);
    },
  );

  it.each(ZIP_IT_FIELD_CASES.map((row) => [row.why, row] as const))('%s', (_why, row) => {
    expect(detectPersonalData(row.fields, ZIP_IT_PERSON, { signInSite: row.signInSite })).toEqual(
      row.found,
    );
  });
});

describe('Zip It detectors', () => {
  it('names the same kinds the record allows (shared/pupil-event.ts)', () => {
    expect([...ZIP_IT_DETAILS].sort()).toEqual([...PUPIL_EVENT_DETAILS['zip-it']].sort());
  });

  it('looks for no name or school the device does not know', () => {
    const nobody = { pupilName: null, schoolName: null };
    expect([...detectInText('Zoe Brown, Oakfield Primary School', nobody)]).toEqual([]);
  });

  it('never takes one word as a full name', () => {
    const oneName = { pupilName: 'Zoë', schoolName: null };
    expect([...detectInText('Zoe', oneName)]).toEqual([]);
  });

  it('stays quick on long and awkward text (no runaway matching)', () => {
    const awkward = [
      '0'.repeat(50_000) + 'x',
      '1 '.repeat(20_000) + 'a',
      '12 ' + 'Oak '.repeat(20_000),
      'my birthday '.repeat(5_000),
      'a'.repeat(50_000) + '@',
    ];
    const started = performance.now();
    for (const text of awkward) inText(text);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
