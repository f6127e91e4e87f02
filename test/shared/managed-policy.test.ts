import { describe, expect, it } from 'vitest';
import { applyManagedPolicy, type ManagedFields } from '../../shared/managed-policy';
import { hashPin } from '../../shared/pin-hash';

const lastGood: ManagedFields = {
  keyStage: 'ks2',
  ks2: ['bbc.co.uk'],
  alwaysBlocked: ['bad.example'],
};

describe('applyManagedPolicy', () => {
  it('takes a well-formed policy and canonicalises its sites', () => {
    const state = applyManagedPolicy(
      { keyStage: 'ks1', ks1Sites: ['HTTPS://WWW.BBC.CO.UK/cbeebies/', 'topmarks.co.uk.'] },
      {},
    );
    expect(state.errors).toEqual([]);
    expect(state.fields).toEqual({
      keyStage: 'ks1',
      ks1: ['www.bbc.co.uk/cbeebies/', 'topmarks.co.uk'],
    });
  });

  it('keeps every last good value when the policy reads as empty (start-up)', () => {
    expect(applyManagedPolicy({}, lastGood)).toEqual({ fields: lastGood, errors: [] });
  });

  it('rejects a wrong-typed field on its own and keeps its last good value', () => {
    const state = applyManagedPolicy(
      { keyStage: 'ks3', ks2Sites: 'bbc.co.uk', alwaysBlockedSites: ['worse.example'] },
      lastGood,
    );
    expect(state.fields).toEqual({
      keyStage: 'ks2',
      ks2: ['bbc.co.uk'],
      alwaysBlocked: ['worse.example'],
    });
    expect(state.errors).toEqual([
      "keyStage: expected 'ks1' or 'ks2', got 'ks3'; kept the last good value",
      "ks2Sites: expected a list of web addresses, got 'bbc.co.uk'; kept the last good list",
    ]);
  });

  it('drops bad items with their position and keeps the good ones', () => {
    const state = applyManagedPolicy({ ks1Sites: ['bbc.co.uk', 'bbc co uk', 7] }, {});
    expect(state.fields.ks1).toBeUndefined();
    expect(state.errors[0]).toMatch(/^ks1Sites: expected a list of web addresses/);
    const mixed = applyManagedPolicy({ ks1Sites: ['bbc.co.uk', 'bbc co uk'] }, {});
    expect(mixed.fields.ks1).toEqual(['bbc.co.uk']);
    expect(mixed.errors).toEqual(["ks1Sites item 2: 'bbc co uk' is not a web address"]);
  });

  it('clears a field the admin removed from a non-empty policy', () => {
    const state = applyManagedPolicy({ keyStage: 'ks2' }, lastGood);
    expect(state.fields).toEqual({ keyStage: 'ks2' });
  });

  it('names unknown settings so a typo in Google Admin is visible', () => {
    const state = applyManagedPolicy({ keystage: 'ks2' }, {});
    expect(state.errors).toEqual(['keystage: not a setting this extension knows; ignored']);
  });

  it('accepts only a real PIN hash, never a PIN', async () => {
    const hash = await hashPin('4321', 1_000);
    expect(applyManagedPolicy({ teacherPinHash: hash }, {}).fields.teacherPinHash).toBe(hash);
    const plain = applyManagedPolicy({ teacherPinHash: '4321' }, { teacherPinHash: hash });
    expect(plain.fields.teacherPinHash).toBe(hash);
    expect(plain.errors[0]).toMatch(/^teacherPinHash: not a PIN hash/);
  });

  it('treats a non-object policy as unreadable and keeps the last good one', () => {
    expect(applyManagedPolicy('ks2', lastGood).fields).toEqual(lastGood);
  });

  describe('flagScreenshots', () => {
    it.each([
      [true, true],
      [false, false],
    ])('takes %s', (value, expected) => {
      const state = applyManagedPolicy({ flagScreenshots: value }, {});
      expect(state.errors).toEqual([]);
      expect(state.fields.flagScreenshots).toBe(expected);
    });

    it.each([['true'], [1], [null], [['yes']]])(
      'refuses %j, naming the field, and keeps the last good value',
      (value) => {
        const state = applyManagedPolicy({ flagScreenshots: value }, { flagScreenshots: true });
        expect(state.fields.flagScreenshots).toBe(true);
        expect(state.errors).toHaveLength(1);
        expect(state.errors[0]).toMatch(/^flagScreenshots: expected true or false, got .*; kept/);
      },
    );

    it('is off (absent) when the admin removes it', () => {
      expect(applyManagedPolicy({ keyStage: 'ks1' }, { flagScreenshots: true }).fields).toEqual({
        keyStage: 'ks1',
      });
    });
  });

  describe('keywords', () => {
    it('takes a list, trimmed, with repeats (any case or punctuation) dropped', () => {
      const state = applyManagedPolicy(
        { keywords: ['  self harm ', 'Self-Harm', 'grooming', 'ISIS'] },
        {},
      );
      expect(state.errors).toEqual([]);
      expect(state.fields.keywords).toEqual(['self harm', 'grooming', 'ISIS']);
    });

    it.each([['suicide'], [{ 0: 'suicide' }], [7]])(
      'refuses %j, naming the field, and keeps the last good list',
      (value) => {
        const state = applyManagedPolicy({ keywords: value }, { keywords: ['grooming'] });
        expect(state.fields.keywords).toEqual(['grooming']);
        expect(state.errors).toEqual([
          expect.stringMatching(/^keywords: expected a list of words or phrases, got /),
        ]);
      },
    );

    it('drops bad items with their position and keeps the good ones', () => {
      const state = applyManagedPolicy(
        { keywords: ['grooming', 'x', 42, 'a'.repeat(101), '!!', 'C++', 'self harm'] },
        {},
      );
      expect(state.fields.keywords).toEqual(['grooming', 'self harm']);
      expect(state.errors).toEqual([
        "keywords item 2: expected a word or phrase of 2 to 100 characters, got 'x'",
        'keywords item 3: expected a word or phrase of 2 to 100 characters, got a number',
        expect.stringMatching(/^keywords item 4: expected a word or phrase/),
        "keywords item 5: expected a word or phrase of 2 to 100 characters, got '!!'",
        "keywords item 6: expected a word or phrase of 2 to 100 characters, got 'C++'",
      ]);
    });

    it('uses the first 500 of a longer list and says so', () => {
      const many = Array.from({ length: 510 }, (_, i) => `keyword ${i}`);
      const state = applyManagedPolicy({ keywords: many }, {});
      expect(state.fields.keywords).toHaveLength(500);
      expect(state.errors).toEqual(['keywords: more than 500; only the first 500 are used']);
    });

    it('takes an empty list as "no keywords" (how a school withdraws its list)', () => {
      const state = applyManagedPolicy({ keywords: [] }, { keywords: ['grooming'] });
      expect(state.fields.keywords).toEqual([]);
    });
  });

  describe('messagingPlatforms', () => {
    it('takes known platform names, in any case, with repeats dropped', () => {
      const state = applyManagedPolicy({ messagingPlatforms: ['Gmail', 'padlet', 'gmail '] }, {});
      expect(state.errors).toEqual([]);
      expect(state.fields.messagingPlatforms).toEqual(['gmail', 'padlet']);
    });

    it('drops an unknown name with its position, naming the ones it knows, and keeps the rest', () => {
      const state = applyManagedPolicy({ messagingPlatforms: ['teams', 'snapchat', 3] }, {});
      expect(state.fields.messagingPlatforms).toEqual(['teams']);
      expect(state.errors).toEqual([
        "messagingPlatforms item 2: expected one of gmail, outlook, teams, classroom, padlet, seesaw, scratch, youtube, got 'snapchat'",
        'messagingPlatforms item 3: expected one of gmail, outlook, teams, classroom, padlet, seesaw, scratch, youtube, got a number',
      ]);
    });

    it.each([['gmail'], [{ 0: 'gmail' }], [true]])(
      'refuses %j, naming the field, and keeps the last good list',
      (value) => {
        const state = applyManagedPolicy(
          { messagingPlatforms: value },
          { messagingPlatforms: ['scratch'] },
        );
        expect(state.fields.messagingPlatforms).toEqual(['scratch']);
        expect(state.errors).toEqual([
          expect.stringMatching(
            /^messagingPlatforms: expected a list of platform names, got .*; kept the last good list$/,
          ),
        ]);
      },
    );

    it('takes an empty list as "none of them"', () => {
      const state = applyManagedPolicy(
        { messagingPlatforms: [] },
        { messagingPlatforms: ['gmail'] },
      );
      expect(state.fields.messagingPlatforms).toEqual([]);
    });
  });

  describe('copyWordLimit', () => {
    it.each([[5], [40], [250], [10_000]])('takes %i', (value) => {
      const state = applyManagedPolicy({ copyWordLimit: value }, {});
      expect(state.errors).toEqual([]);
      expect(state.fields.copyWordLimit).toBe(value);
    });

    it.each([
      [4, 'got 4'],
      [10_001, 'got 10001'],
      [40.5, 'got 40.5'],
      ['40', "got '40'"],
      [null, 'got null'],
    ])('refuses %j with a reason and keeps the last good value', (value, got) => {
      const state = applyManagedPolicy({ copyWordLimit: value }, { copyWordLimit: 60 });
      expect(state.fields.copyWordLimit).toBe(60);
      expect(state.errors).toEqual([
        `copyWordLimit: expected a whole number from 5 to 10000, ${got}; kept the last good value`,
      ]);
    });

    it('goes back to the default (absent) when the admin removes it', () => {
      expect(applyManagedPolicy({ keyStage: 'ks1' }, { copyWordLimit: 60 }).fields).toEqual({
        keyStage: 'ks1',
      });
    });
  });

  describe('Zip It: schoolName, zipItTrustedSites and signInSites', () => {
    it('takes the school name trimmed, and the two lists canonicalised', () => {
      const state = applyManagedPolicy(
        {
          schoolName: '  Oakfield Primary School ',
          zipItTrustedSites: ['HTTPS://www.Purplemash.com/', 'oakfield.example.org'],
          signInSites: ['accounts.google.com', 'https://login.example.com/sso/'],
        },
        {},
      );
      expect(state.errors).toEqual([]);
      expect(state.fields).toEqual({
        schoolName: 'Oakfield Primary School',
        zipItTrustedSites: ['=www.purplemash.com', 'oakfield.example.org'],
        signInSites: ['accounts.google.com', 'login.example.com/sso/'],
      });
    });

    it.each([[''], ['x'], [42], [['Oakfield']], ['a'.repeat(201)]])(
      'refuses the school name %j, naming the field, and keeps the last good one',
      (value) => {
        const state = applyManagedPolicy({ schoolName: value }, { schoolName: 'Oakfield' });
        expect(state.fields.schoolName).toBe('Oakfield');
        expect(state.errors).toEqual([
          expect.stringMatching(/^schoolName: expected the school's name .*; kept the last good/),
        ]);
      },
    );

    it.each([['zipItTrustedSites'], ['signInSites']] as const)(
      'refuses a %s that is not a list and keeps the last good list; bad items are named',
      (key) => {
        const bad = applyManagedPolicy({ [key]: 'accounts.google.com' }, { [key]: ['a.example'] });
        expect(bad.fields[key]).toEqual(['a.example']);
        expect(bad.errors).toEqual([
          `${key}: expected a list of web addresses, got 'accounts.google.com'; kept the last good list`,
        ]);
        const mixed = applyManagedPolicy({ [key]: ['b.example', 'not a site'] }, {});
        expect(mixed.fields[key]).toEqual(['b.example']);
        expect(mixed.errors).toEqual([`${key} item 2: 'not a site' is not a web address`]);
      },
    );

    it('clears them when the admin removes them (Zip It then prompts everywhere)', () => {
      const state = applyManagedPolicy(
        { keyStage: 'ks2' },
        { schoolName: 'Oakfield', zipItTrustedSites: ['a.example'], signInSites: ['b.example'] },
      );
      expect(state.fields).toEqual({ keyStage: 'ks2' });
    });
  });

  describe('deviceRecordDays', () => {
    it.each([[1], [7], [30], [90]])('takes %i', (value) => {
      const state = applyManagedPolicy({ deviceRecordDays: value }, {});
      expect(state.errors).toEqual([]);
      expect(state.fields.deviceRecordDays).toBe(value);
    });

    it.each([
      [0, 'got 0'],
      [91, 'got 91'],
      [7.5, 'got 7.5'],
      ['7', "got '7'"],
      [null, 'got null'],
    ])('refuses %j with a reason and keeps the last good value', (value, got) => {
      const state = applyManagedPolicy({ deviceRecordDays: value }, { deviceRecordDays: 30 });
      expect(state.fields.deviceRecordDays).toBe(30);
      expect(state.errors).toEqual([
        `deviceRecordDays: expected a whole number of days from 1 to 90, ${got}; kept the last good value`,
      ]);
    });

    it('goes back to the default (absent) when the admin removes it', () => {
      expect(applyManagedPolicy({ keyStage: 'ks1' }, { deviceRecordDays: 30 }).fields).toEqual({
        keyStage: 'ks1',
      });
    });
  });
});
