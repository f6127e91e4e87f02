// "How to block someone here", started in the prompts' module by the help script
// (content/block-help.ts), which runs only on the messaging platforms' own hosts. It has its own
// context and signal: on those pages nothing else of the module may have started.
import type { MessagingPlatformId } from '../../../shared/messaging-platform-hosts';
import { createPromptContext } from '../prompt-context';
import { followHowToBlock } from './how-to-block-follow';

export function startHowToBlock(platformId: MessagingPlatformId): void {
  const controller = new AbortController();
  const connected = () => {
    if (globalThis.chrome?.runtime?.id) return true;
    controller.abort();
    return false;
  };
  const { signal } = controller;
  followHowToBlock(signal, createPromptContext(signal, connected), platformId);
}
