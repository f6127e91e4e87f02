import { describe, expect, it } from 'vitest';
import { isChatBox, isSendButtonName } from '../../shared/zip-it/send-moments';

describe('send buttons, by their name', () => {
  it.each([
    ['Send', true],
    ['  send message ', true],
    ['Post comment', true],
    ['Submit', true],
    ['Reply', true],
    ['Comment', true],
    ['Publish', true],
    ['Share', true],
    ['Comments (3)', false],
    ['Posts', false],
    ['Previous', false],
    ['Sender details', false],
    ['Next question', false],
    ['', false],
  ])('%j: %s', (name, expected) => {
    expect(isSendButtonName(name)).toBe(expected);
  });
});

describe('chat boxes (Enter sends) and writing boxes (Enter is a new line)', () => {
  const box = (over: Partial<Parameters<typeof isChatBox>[0]>) =>
    isChatBox({
      hints: '',
      enterKeyHint: '',
      rows: null,
      singleLine: false,
      multiLine: false,
      ...over,
    });

  it.each([
    [{ enterKeyHint: 'send' }, true, 'enterkeyhint=send'],
    [{ enterKeyHint: 'Go' }, true, 'enterkeyhint=go'],
    [{ singleLine: true }, true, 'a one-line rich-text box'],
    [{ rows: '1' }, true, 'a one-row textarea'],
    [{ rows: '2' }, true, 'a two-row textarea'],
    [{ hints: 'Type a message' }, true, 'a message box'],
    [{ hints: 'chat-input' }, true, 'a chat input'],
    [{ hints: 'Add a comment…' }, true, 'a comment box'],
    [{}, false, 'a textarea with nothing to say what it is'],
    [{ rows: '10', hints: 'essay Write your story' }, false, 'a story box'],
    [{ rows: '8', enterKeyHint: 'enter' }, false, 'enterkeyhint=enter'],
    [{ hints: 'postcode notes', rows: 'x' }, false, 'not the word post'],
    [
      { hints: 'Add a comment', multiLine: true },
      false,
      'a comment box that says it is multi-line',
    ],
    [{ hints: 'Reply', rows: '6' }, false, 'a six-row reply box: Enter is a new line'],
    [{ rows: '6', enterKeyHint: 'send' }, true, 'a big box that says Enter sends'],
  ] as const)('%j: %s (%s)', (over, expected, _why) => {
    expect(box(over)).toBe(expected);
  });
});
