// Receives every runtime message: works out who sent it, refuses a sender the message isn't
// for, validates the body with the message's schema, and answers { ok, data } or { ok, error }.
import browser, { type Runtime } from 'webextension-polyfill';
import {
  envelopeSchema,
  messageSpecs,
  type MessageName,
  type MessageRequest,
  type MessageResponse,
  type SenderKind,
} from '../shared/messages';
import type { Reply } from '../shared/messenger';

/** Each handler gets the checked body, and the sender for those that act on its tab. */
export type Handlers = {
  [N in MessageName]: (
    body: MessageRequest<N>,
    sender: Runtime.MessageSender,
  ) => Promise<MessageResponse<N>>;
};

const OPTIONS_PAGE = 'options/index.html';
const PUPIL_PAGES = 'extension/';

export function senderKind(sender: Runtime.MessageSender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const origin = browser.runtime.getURL('');
  const url = sender.url ?? '';
  if (url.startsWith(origin)) {
    const path = url.slice(origin.length).split(/[?#]/)[0] ?? '';
    if (path === OPTIONS_PAGE) return 'options';
    if (path.startsWith(PUPIL_PAGES)) return 'pupil-page';
    return null;
  }
  // A content script runs in a web page's tab; its sender URL is the page's.
  return sender.tab ? 'content' : null;
}

const isMessageName = (name: string): name is MessageName => Object.hasOwn(messageSpecs, name);

export function createMessageRouter(handlers: Handlers, whenReady: () => Promise<unknown>) {
  return async function route(
    message: unknown,
    sender: Runtime.MessageSender,
  ): Promise<Reply<unknown>> {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || !isMessageName(envelope.data.name)) {
      return { ok: false, error: 'Unknown message.' };
    }
    const name = envelope.data.name;
    const spec = messageSpecs[name];
    const kind = senderKind(sender);
    if (!kind || !(spec.senders as readonly SenderKind[]).includes(kind)) {
      console.warn(`Refused '${name}' from ${kind ?? 'an unknown sender'}`, sender.url);
      return { ok: false, error: 'This page may not send that message.' };
    }
    const body = spec.request.safeParse(envelope.data.body);
    if (!body.success) {
      return { ok: false, error: body.error.issues.map((issue) => issue.message).join('; ') };
    }
    await whenReady();
    try {
      const handler = handlers[name] as (
        body: unknown,
        sender: Runtime.MessageSender,
      ) => Promise<unknown>;
      return { ok: true, data: await handler(body.data, sender) };
    } catch (error) {
      console.warn(`Handler for '${name}' failed`, error);
      return { ok: false, error: error instanceof Error ? error.message : 'Something went wrong.' };
    }
  };
}
