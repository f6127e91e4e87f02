import { describe, expect, it } from 'vitest';
import { emptySettings, SETTINGS_SCHEMA_VERSION } from '../../shared/policy-model';
import { loadSettings, SettingsFromFutureError } from '../../shared/settings-migrations';

describe('loadSettings', () => {
  it('starts from empty settings when nothing is stored', () => {
    expect(loadSettings(undefined)).toEqual({
      settings: emptySettings(),
      repairs: [],
      migratedFrom: null,
    });
  });

  it('reads a valid record unchanged', () => {
    const stored = {
      ...emptySettings(),
      keyStage: 'ks2',
      lists: {
        ks1: [],
        ks2: [
          {
            site: 'bbc.co.uk',
            source: 'local',
            addedBy: 'Ms Khan',
            addedAt: '2026-11-01T09:00:00.000Z',
          },
        ],
        alwaysBlocked: [],
        imageSources: [],
      },
    };
    expect(loadSettings(stored).settings).toEqual(stored);
  });

  it('refuses settings from a newer version and leaves them alone', () => {
    expect(() => loadSettings({ schemaVersion: SETTINGS_SCHEMA_VERSION + 1 })).toThrow(
      SettingsFromFutureError,
    );
  });

  it('resets a bad field with a reason and keeps the good ones', () => {
    const { settings, repairs } = loadSettings({
      schemaVersion: 1,
      keyStage: 'ks9',
      pinHash: null,
      lists: {
        ks1: [
          { site: 'topmarks.co.uk', source: 'local' },
          { site: 'bbc co uk', source: 'local' },
        ],
        ks2: 'nope',
      },
    });
    expect(settings.keyStage).toBeNull();
    expect(settings.lists.ks1).toEqual([{ site: 'topmarks.co.uk', source: 'local' }]);
    expect(settings.lists.ks2).toEqual([]);
    expect(repairs).toEqual([
      'keyStage: not ks1 or ks2; reset',
      'lists.ks1 item 2: not a valid entry; dropped',
      'lists.ks2: was not a list; reset to empty',
    ]);
  });

  it('keeps a damaged PIN hash so the options page stays locked rather than open', () => {
    const { settings, repairs } = loadSettings({ ...emptySettings(), pinHash: 'garbled' });
    expect(settings.pinHash).toBe('garbled');
    expect(repairs[0]).toMatch(/^pinHash: damaged/);
  });

  it('migrates a version 1 record, keeping its lists and adding the image-search fields', () => {
    const v1 = {
      schemaVersion: 1,
      keyStage: 'ks2',
      pinHash: null,
      lists: { ks1: [], ks2: [{ site: 'bbc.co.uk', source: 'local' }], alwaysBlocked: [] },
    };
    const { settings, migratedFrom, repairs } = loadSettings(v1);
    expect(migratedFrom).toBe(1);
    expect(repairs).toEqual([]);
    expect(settings).toEqual({
      schemaVersion: 2,
      keyStage: 'ks2',
      pinHash: null,
      lists: {
        ks1: [],
        ks2: [{ site: 'bbc.co.uk', source: 'local' }],
        alwaysBlocked: [],
        imageSources: [],
      },
      imageSearchLift: null,
    });
  });

  it('resets a record with no version', () => {
    expect(loadSettings({ keyStage: 'ks2' }).settings).toEqual(emptySettings());
  });
});
