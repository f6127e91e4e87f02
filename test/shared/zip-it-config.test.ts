import { describe, expect, it } from 'vitest';
import { FALLBACK_PROMPT_CONFIG, readPromptConfig } from '../../shared/prompt-config';
import { FALLBACK_ZIP_IT_CONFIG, readZipItConfig } from '../../shared/zip-it/zip-it-config';

const good = {
  trustedSites: ['oakfield.example.org', '=www.purplemash.com'],
  signInSites: ['accounts.google.com'],
  pupilName: 'Zoë Brown',
  schoolName: 'Oakfield Primary School',
};

describe('reading the Zip It settings the prompts script finds in storage', () => {
  it('takes a well-formed config as it is', () => {
    expect(readZipItConfig(good)).toEqual(good);
    expect(readPromptConfig({ keyStage: 'ks2', zipIt: good }).zipIt).toEqual(good);
  });

  it.each([[undefined], [null], ['zip'], [[good]], [42]])(
    'reads %j as the strictest config: on everywhere, no sign-in sites, no names',
    (value) => {
      expect(readZipItConfig(value)).toEqual(FALLBACK_ZIP_IT_CONFIG);
      expect(FALLBACK_ZIP_IT_CONFIG).toEqual({
        trustedSites: [],
        signInSites: [],
        pupilName: null,
        schoolName: null,
      });
    },
  );

  it('falls back field by field: a bad list is an empty list, a bad name is no name', () => {
    expect(
      readZipItConfig({
        ...good,
        trustedSites: ['oakfield.example.org', 7],
        signInSites: 'accounts.google.com',
        pupilName: '   ',
      }),
    ).toEqual({
      trustedSites: [],
      signInSites: [],
      pupilName: null,
      schoolName: 'Oakfield Primary School',
    });
    expect(readZipItConfig({ ...good, schoolName: 'x'.repeat(201), trustedSites: [''] })).toEqual({
      ...good,
      schoolName: null,
      trustedSites: [],
    });
  });

  it('is part of the prompts config, and the prompts fallback has Zip It on everywhere', () => {
    expect(FALLBACK_PROMPT_CONFIG.zipIt).toEqual(FALLBACK_ZIP_IT_CONFIG);
    expect(readPromptConfig(undefined).zipIt).toEqual(FALLBACK_ZIP_IT_CONFIG);
    expect(readPromptConfig({ keyStage: 'ks1' }).zipIt).toEqual(FALLBACK_ZIP_IT_CONFIG);
  });
});
