// The page's state: who is signed in, what the background last reported, and whether a call is
// in flight. The token lives only in memory, so closing the tab or locking forgets it and no
// other page or storage area can ever read it.
import { computed, signal } from '@preact/signals';
import type { AdminState, MessageName, MessageRequest, MessageResponse } from '../shared/messages';
import { t } from './i18n';
import { send } from './messenger';

export type PinSource = AdminState['pinSource'];

interface Session {
  token: string;
  expiresAt: string;
  /** As the teacher typed it; the background records it against every change. */
  name: string;
}

export interface Notice {
  text: string;
  tone: 'alert' | 'status';
}

export const session = signal<Session | null>(null);
export const pinSource = signal<PinSource | null>(null);
export const statusError = signal<string | null>(null);
export const adminState = signal<AdminState | null>(null);
export const stateError = signal<string | null>(null);
/** Why the page is locked (session ended, locked by hand), shown on the unlock form. */
export const lockNotice = signal<Notice | null>(null);
/** Remembered between lock and unlock so a teacher need only retype the PIN. */
export const lastName = signal('');

const inFlight = signal(0);
export const busy = computed(() => inFlight.value > 0);

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Marks a user action as in flight, so every action button waits for it. */
export async function track<T>(work: () => Promise<T>): Promise<T> {
  inFlight.value += 1;
  try {
    return await work();
  } finally {
    inFlight.value -= 1;
  }
}

// The background reports an ended session only in words (admin-session.ts); matching the
// start of its sentence is the one signal there is.
const SESSION_ENDED = 'Your session has ended';

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

export async function loadStatus(): Promise<void> {
  try {
    const status = await send('admin.status', {});
    pinSource.value = status.pinSource;
    statusError.value = null;
  } catch (error) {
    statusError.value = errorText(error);
  }
}

export function startSession(next: Session): void {
  clearTimeout(expiryTimer);
  adminState.value = null;
  stateError.value = null;
  lockNotice.value = null;
  lastName.value = next.name;
  session.value = next;
  // Lock the page when the background would refuse the token anyway, rather than on the next click.
  const remaining = Math.max(0, Date.parse(next.expiresAt) - Date.now());
  expiryTimer = setTimeout(
    () => endSession({ text: t('options_session_expired'), tone: 'alert' }),
    remaining,
  );
}

export function endSession(notice: Notice | null): void {
  clearTimeout(expiryTimer);
  session.value = null;
  adminState.value = null;
  lockNotice.value = notice;
  void loadStatus();
}

type TokenMessage = {
  [N in MessageName]: MessageRequest<N> extends { token: string } ? N : never;
}[MessageName];

/** Sends a message that needs the session token, and locks the page if the session has ended. */
export async function call<N extends TokenMessage>(
  name: N,
  body: Omit<MessageRequest<N>, 'token'>,
): Promise<MessageResponse<N>> {
  const current = session.value;
  if (!current) throw new Error(t('options_session_expired'));
  try {
    return await send(name, { ...body, token: current.token } as MessageRequest<N>);
  } catch (error) {
    const text = errorText(error);
    if (text.startsWith(SESSION_ENDED) && session.value === current) {
      endSession({ text, tone: 'alert' });
    }
    throw error;
  }
}

export async function refresh(): Promise<void> {
  const current = session.value;
  try {
    const state = await call('admin.getState', {});
    // A reply for a session that has since been locked must not paint over the lock screen.
    if (session.value !== current) return;
    adminState.value = state;
    stateError.value = null;
  } catch (error) {
    if (session.value === current) stateError.value = errorText(error);
  }
}

/**
 * Makes a change, then re-reads the state whether or not it worked: "saved, but not enforced"
 * is an error that still changed the lists.
 */
export function change<N extends TokenMessage>(
  name: N,
  body: Omit<MessageRequest<N>, 'token'>,
): Promise<MessageResponse<N>> {
  return track(async () => {
    try {
      return await call(name, body);
    } finally {
      if (session.value) await refresh();
    }
  });
}
