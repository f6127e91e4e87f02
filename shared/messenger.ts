// The sending half of the message protocol. It imports messages.ts for types only, so pages
// that send messages (the block page above all) don't load zod and stay light.
import type { MessageName, MessageRequest, MessageResponse } from './messages';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Builds a typed sender over any transport, so UI code never hand-writes an envelope. */
export function createMessenger(transport: (envelope: unknown) => Promise<unknown>) {
  return async function send<N extends MessageName>(
    name: N,
    body: MessageRequest<N>,
  ): Promise<MessageResponse<N>> {
    const reply = (await transport({ name, body })) as Reply<MessageResponse<N>> | undefined;
    if (!reply) throw new Error('The extension did not answer. Try again in a moment.');
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
}
