import { describe, expect, it } from 'vitest';
import {
  isAttachmentLink,
  isSameSite,
  marksMessageArea,
  markWords,
  unwrapRedirect,
  type ElementMarks,
} from '../../shared/message-links';

const marks = (overrides: Partial<ElementMarks>): ElementMarks => ({
  tag: 'div',
  id: '',
  className: '',
  role: null,
  itemType: null,
  testId: null,
  ...overrides,
});

describe('markWords', () => {
  it.each([
    ['comment-list', ['comment', 'list']],
    ['comment_list', ['comment', 'list']],
    ['commentList', ['comment', 'list']],
    ['CommentList', ['comment', 'list']],
    ['ytd-comment-thread-renderer', ['ytd', 'comment', 'thread', 'renderer']],
    ['msg2Reply', ['msg2', 'reply']],
  ])('%s → %j', (text, words) => {
    expect(markWords(text)).toEqual(words);
  });
});

describe('marksMessageArea', () => {
  it.each<[string, Partial<ElementMarks>, boolean]>([
    // Comment and message areas, as sites mark them.
    ['a WordPress comment list', { className: 'comment-list' }, true],
    ['a comments section by id', { id: 'comments' }, true],
    ['one comment among classes', { className: 'media comment depth-1' }, true],
    ['a camel-case message list', { className: 'messageList' }, true],
    ['a chat log role', { role: 'log' }, true],
    ['the ARIA comment role', { role: 'comment' }, true],
    ['schema.org Comment', { itemType: 'https://schema.org/Comment' }, true],
    ['schema.org UserComments', { itemType: 'http://schema.org/UserComments' }, true],
    ['schema.org EmailMessage', { itemType: 'https://schema.org/EmailMessage' }, true],
    ['a forum post', { itemType: 'https://schema.org/DiscussionForumPosting' }, true],
    ['a test id on a message', { testId: 'message-bubble' }, true],
    ['a chat panel', { className: 'chat-panel' }, true],
    ['replies under a post', { className: 'replies' }, true],
    ['a YouTube comment element', { tag: 'ytd-comment-renderer' }, true],
    ['a conversation view', { id: 'conversationView' }, true],
    // The site's own notices and furniture, which use the same words.
    ['an ordinary article', { tag: 'article', role: 'article', className: 'post' }, false],
    ['a form error message', { className: 'error-message' }, false],
    ['a flash message', { className: 'flash-message' }, false],
    ['a cookie banner message', { id: 'cookie-message' }, false],
    ['a validation message', { className: 'field validation-message' }, false],
    ['a comment count badge', { className: 'comment-count' }, false],
    ['the comment form', { id: 'comment-form' }, false],
    ['a toast', { testId: 'toast-message' }, false],
    ['a status message', { role: 'status', className: 'status-message' }, false],
    ['commentary is not comments', { className: 'commentary' }, false],
    ['a chatbot widget name is not a chat', { className: 'chatbot' }, false],
    ['a page footer', { tag: 'footer', className: 'site-footer' }, false],
    ['a navigation list', { tag: 'nav', role: 'navigation' }, false],
    ['a news story schema', { itemType: 'https://schema.org/NewsArticle' }, false],
    ['a plain tag name is not read', { tag: 'comment' }, false],
    ['nothing at all', {}, false],
  ])('%s → %s', (_, element, expected) => {
    expect(marksMessageArea(marks(element))).toBe(expected);
  });
});

describe('isAttachmentLink', () => {
  it.each<[string, boolean, boolean]>([
    ['https://files.example/report', true, true],
    ['https://files.example/homework.pdf', false, true],
    ['https://files.example/Game.EXE', false, true],
    ['https://files.example/music/song.mp3?dl=1', false, true],
    ['https://files.example/pack.zip#top', false, true],
    ['https://mail.google.com/mail/u/0/?ui=2&ik=abc&attid=0.1&disp=safe', false, true],
    ['https://mail.google.com/mail/u/0/?view=att&th=123', false, true],
    ['https://mail-attachment.googleusercontent.com/attachment/u/0/?id=1', false, true],
    ['https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=1', false, true],
    ['https://attachments.office.net/owa/x/service.svc/s/GetAttachmentThumbnail', false, true],
    ['https://teams.example/api/attachments/123', false, true],
    // Pages, not files.
    ['https://www.example.com/', false, false],
    ['https://www.example.com/news/story.html', false, false],
    ['https://www.example.com/app.php?id=3', false, false],
    ['https://www.example.com/about.aspx', false, false],
    ['https://www.example.com/v1.2/guide', false, false],
    ['https://www.example.com/.well-known/x', false, false],
    ['https://docs.example.com/pdf-guide', false, false],
  ])('%s (download=%s) → %s', (url, download, expected) => {
    expect(isAttachmentLink(new URL(url), download)).toBe(expected);
  });
});

describe('unwrapRedirect', () => {
  it.each([
    ['https://www.google.com/url?q=https://prizes.example/win&sa=D', 'https://prizes.example/win'],
    ['https://www.google.co.uk/url?url=https%3A%2F%2Fprizes.example%2F', 'https://prizes.example/'],
    [
      'https://www.youtube.com/redirect?event=comments&q=http%3A%2F%2Fa.example%2F',
      'http://a.example/',
    ],
    [
      'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fb.example%2Fx&data=1',
      'https://b.example/x',
    ],
    [
      'https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url=https%3A%2F%2Fc.example%2F',
      'https://c.example/',
    ],
    [
      'https://www.google.com/url?q=https://www.youtube.com/redirect?q%3Dhttps://deep.example/',
      'https://deep.example/',
    ],
    // Not redirects, or nothing safe inside.
    [
      'https://www.google.com/search?q=https://a.example/',
      'https://www.google.com/search?q=https://a.example/',
    ],
    [
      'https://www.google.com/url?q=javascript:alert(1)',
      'https://www.google.com/url?q=javascript:alert(1)',
    ],
    ['https://www.google.com/url?q=not%20a%20url', 'https://www.google.com/url?q=not%20a%20url'],
    [
      'https://evil.example/url?q=https://a.example/',
      'https://evil.example/url?q=https://a.example/',
    ],
    [
      'https://google.com.evil.example/url?q=https://a.example/',
      'https://google.com.evil.example/url?q=https://a.example/',
    ],
  ])('%s → %s', (url, expected) => {
    expect(unwrapRedirect(new URL(url)).href).toBe(expected);
  });
});

describe('isSameSite', () => {
  it.each([
    ['www.topmarks.co.uk', 'www.topmarks.co.uk', true],
    ['topmarks.co.uk', 'www.topmarks.co.uk', true],
    ['mail.google.com', 'docs.google.com', false],
    ['mail.google.com', 'google.com', true],
    ['classroom.google.com', 'www.google.com', true],
    ['WWW.Example.COM.', 'example.com', true],
    ['a.github.io', 'b.github.io', false],
    ['example.com', 'example.com.evil.net', false],
    ['notexample.com', 'example.com', false],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(isSameSite(a, b)).toBe(expected);
    expect(isSameSite(b, a)).toBe(expected);
  });
});
