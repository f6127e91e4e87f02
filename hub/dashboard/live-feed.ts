// Keeps the open class's live view fresh. The WebSocket is preferred: the hub pushes each
// change. Whenever it isn't delivering (still connecting, dropped, refused, not served by this
// hub), GET /live is polled every 2 s, and the socket is tried again with a growing wait.
import { signal } from '@preact/signals';
import type { LiveView } from '../../shared/teacher-socket-protocol';
import { errorText, hub, read } from './api';
import { watchOverSocket } from './teacher-socket';

export type LiveVia = 'connecting' | 'socket' | 'polling';

export const live = signal<LiveView | null>(null);
export const liveError = signal<string | null>(null);
export const liveVia = signal<LiveVia>('connecting');
/**
 * Goes up whenever the class's requests may have changed: on the hub's `requests` nudge, and on
 * every poll while the socket is down. The requests inbox reads them again when it moves.
 */
export const requestsStale = signal(0);
/**
 * Goes up whenever records of the class's pupils (Zip It, Block It, copyright, downloads) may
 * have arrived: on the hub's `pupilEvents` nudge, and when the socket (re)connects. Not on every
 * poll: a grouped summary each 2 s is more than the records are worth; the panel's Refresh
 * button is there while the socket is down.
 */
export const pupilEventsStale = signal(0);

const POLL_MS = 2_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

let watched: number | null = null;
/** Counts views shown, so an answer overtaken by a newer view (from the socket) is dropped. */
let shown = 0;

function show(classId: number, view: LiveView): void {
  if (watched !== classId) return;
  shown += 1;
  live.value = view;
  liveError.value = null;
}

/** A change the hub has just confirmed (a lesson started or ended), shown at once. */
export function patchLive(change: Partial<LiveView>): void {
  if (!live.value) return;
  shown += 1;
  live.value = { ...live.value, ...change };
}

/** Reads the class's live view now (after starting or ending a lesson, or on a poll). */
export async function refreshLive(): Promise<void> {
  const classId = watched;
  if (classId === null) return;
  const before = shown;
  try {
    const param = { id: String(classId) };
    const view = await read(hub.api.classes[':id'].live.$get({ param }));
    if (shown === before) show(classId, view);
  } catch (error) {
    if (watched === classId) liveError.value = errorText(error);
  }
}

/** Follows one class until the function returned is called. */
export function watchLive(classId: number): () => void {
  watched = classId;
  live.value = null;
  liveError.value = null;
  liveVia.value = 'connecting';
  let stopped = false;
  let socketLive = false;
  let refused = false;
  let attempts = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closeSocket = () => {};

  async function poll() {
    pollTimer = undefined;
    requestsStale.value += 1;
    await refreshLive();
    if (!stopped && !socketLive && pollTimer === undefined) pollTimer = setTimeout(poll, POLL_MS);
  }

  function connect() {
    closeSocket = watchOverSocket(classId, {
      onLive(view) {
        if (stopped) return;
        attempts = 0;
        // A request that arrived between the last poll and this watch had no one to nudge.
        if (!socketLive) {
          requestsStale.value += 1;
          pupilEventsStale.value += 1;
        }
        socketLive = true;
        clearTimeout(pollTimer);
        pollTimer = undefined;
        liveVia.value = 'socket';
        show(classId, view);
      },
      onRequests() {
        if (!stopped) requestsStale.value += 1;
      },
      onPupilEvents() {
        if (!stopped) pupilEventsStale.value += 1;
      },
      onRefused(error) {
        refused = true;
        if (!stopped) liveError.value = error;
      },
      onDown() {
        if (stopped) return;
        socketLive = false;
        liveVia.value = 'polling';
        if (pollTimer === undefined) pollTimer = setTimeout(poll, 0);
        if (refused) return;
        const wait = RETRY_MS[Math.min(attempts, RETRY_MS.length - 1)];
        attempts += 1;
        retryTimer = setTimeout(connect, wait);
      },
    });
  }

  // The first view comes from GET at once, whether or not the socket opens.
  void poll();
  connect();

  return () => {
    stopped = true;
    if (watched === classId) {
      // Forgotten at once, so no other class (or the next teacher to log in) sees these pupils.
      watched = null;
      live.value = null;
      liveError.value = null;
    }
    clearTimeout(pollTimer);
    clearTimeout(retryTimer);
    closeSocket();
  };
}
