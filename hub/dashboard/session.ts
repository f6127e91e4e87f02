// Who is logged in, and whether a call is in flight. The session itself is the hub's HttpOnly
// cookie; the page keeps only the user's name and role and the CSRF token, in memory.
import { computed, signal } from '@preact/signals';
import { errorText, hub, HubCallError, read, setCsrfToken, whenUnauthorised } from './api';
import { t } from './strings';

export type User = Awaited<ReturnType<typeof readMe>>['user'];

export interface Notice {
  text: string;
  tone: 'alert' | 'status';
}

/** `undefined` while the page asks the hub whether a session is already open. */
export const user = signal<User | null | undefined>(undefined);
/** Why the login form is showing (logged out, session ended), if there is a reason. */
export const loginNotice = signal<Notice | null>(null);
/** The hub could not be asked at start-up. */
export const startError = signal<string | null>(null);

const inFlight = signal(0);
export const busy = computed(() => inFlight.value > 0);

/** Marks a user action as in flight, so every action button waits for it. */
export async function track<T>(work: () => Promise<T>): Promise<T> {
  inFlight.value += 1;
  try {
    return await work();
  } finally {
    inFlight.value -= 1;
  }
}

function signIn(answer: { user: User; csrfToken: string }): void {
  setCsrfToken(answer.csrfToken);
  loginNotice.value = null;
  user.value = answer.user;
}

function signOut(notice: Notice | null): void {
  setCsrfToken('');
  loginNotice.value = notice;
  user.value = null;
}

whenUnauthorised((error) => {
  if (user.value) signOut({ text: t('session_ended', { reason: error.message }), tone: 'alert' });
});

const readMe = () => read(hub.api.auth.me.$get());

/** On page load: an open session (a reload) goes straight to the dashboard. */
export async function restoreSession(): Promise<void> {
  startError.value = null;
  try {
    signIn(await readMe());
  } catch (error) {
    if (error instanceof HubCallError && error.status === 401) signOut(null);
    else startError.value = errorText(error);
  }
}

export async function logIn(username: string, password: string): Promise<void> {
  signIn(await read(hub.api.auth.login.$post({ json: { username, password } })));
}

export async function logOut(): Promise<void> {
  // Even if the hub can't be reached, the page forgets the user: logged out is logged out.
  await read(hub.api.auth.logout.$post()).catch(() => undefined);
  signOut({ text: t('logged_out'), tone: 'status' });
}
