// The content scripts' typed sender (shared/messenger.ts over chrome.runtime.sendMessage).
import { createMessenger } from '../../shared/messenger';

export type Send = ReturnType<typeof createMessenger>;
