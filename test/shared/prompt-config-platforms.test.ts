import { describe, expect, it } from 'vitest';
import { MESSAGING_PLATFORM_IDS } from '../../shared/messaging-platforms';
import {
  DEFAULT_COPY_WORD_LIMIT,
  MAX_COPY_WORD_LIMIT,
  MIN_COPY_WORD_LIMIT,
  readPromptConfig,
} from '../../shared/prompt-config';

describe('readPromptConfig: Block It platforms and the copy limit', () => {
  it('lists every platform until the worker writes a config', () => {
    expect(readPromptConfig(undefined).messagingPlatforms).toEqual(MESSAGING_PLATFORM_IDS);
  });

  it.each<[unknown, readonly string[]]>([
    [
      ['padlet', 'gmail'],
      ['gmail', 'padlet'],
    ],
    [[], []],
    [['padlet', 'snapchat', 7], ['padlet']],
    ['padlet', MESSAGING_PLATFORM_IDS],
    [null, MESSAGING_PLATFORM_IDS],
  ])('reads platforms %j as %j', (stored, expected) => {
    expect(
      readPromptConfig({ keyStage: 'ks2', messagingPlatforms: stored }).messagingPlatforms,
    ).toEqual(expected);
  });

  it.each([
    [MIN_COPY_WORD_LIMIT, MIN_COPY_WORD_LIMIT],
    [MAX_COPY_WORD_LIMIT, MAX_COPY_WORD_LIMIT],
    [120, 120],
    [MIN_COPY_WORD_LIMIT - 1, DEFAULT_COPY_WORD_LIMIT],
    [MAX_COPY_WORD_LIMIT + 1, DEFAULT_COPY_WORD_LIMIT],
    [40.5, DEFAULT_COPY_WORD_LIMIT],
    ['100', DEFAULT_COPY_WORD_LIMIT],
  ])('reads a copy limit of %j as %i (the managed range)', (stored, expected) => {
    expect(readPromptConfig({ keyStage: 'ks1', copyWordLimit: stored }).copyWordLimit).toBe(
      expected,
    );
  });
});
