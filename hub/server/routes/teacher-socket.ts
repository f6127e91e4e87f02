// The teacher WebSocket at TEACHER_SOCKET_PATH: live updates of the classes a teacher watches,
// and the `flags` nudge once the dashboard sends `watchFlags` (flag-watch.ts).
// The protocol is in teacher-socket-protocol.ts. Three checks stand between another site and a
// teacher's live view: the session cookie on the upgrade (the access gate, as for any teacher
// endpoint; SameSite=Strict keeps it off cross-site requests), the Origin on the upgrade, and the
// CSRF token as the first message, which a page on another site can't read.
import { upgradeWebSocket, type WebSocketLike } from '@hono/node-server';
import { Hono } from 'hono';
import type { WSContext, WSEvents } from 'hono/ws';
import { findVisibleClass } from '../classes';
import { closeReason } from '../close-reason';
import { HubError } from '../errors';
import { FLAGS_MESSAGE, watchFlags } from '../flag-watch';
import type { HubEnv, TeacherSession } from '../hub-env';
import { sessionOf } from '../request-identity';
import type { HubServices } from '../services';
import { sessionIsLive } from '../sessions';
import type { KeepaliveTicket } from '../socket-keepalive';
import { readSocketMessage } from '../socket-message';
import { requireSameOrigin, requireWebSocketUpgrade } from '../socket-upgrade';
import {
  TEACHER_SOCKET_CLOSE,
  TEACHER_SOCKET_PATH,
  teacherToHubSchema,
  type HubToTeacher,
  type TeacherToHub,
} from '../../../shared/teacher-socket-protocol';
import { sameSecret } from '../tokens';

type Phase = 'hello' | 'open' | 'closed';

function teacherSocketEvents(
  services: HubServices,
  session: TeacherSession,
): WSEvents<WebSocketLike> {
  const { limits, socketStats } = services;
  let phase: Phase = 'hello';
  let socket: WSContext<WebSocketLike> | undefined;
  let helloTimer: ReturnType<typeof setTimeout> | undefined;
  let keepalive: KeepaliveTicket | undefined;
  /** classId → the function that stops its updates. */
  const watching = new Map<number, () => void>();
  let stopFlags: (() => void) | undefined;

  const send = (message: HubToTeacher) => socket?.send(JSON.stringify(message));
  const sendText = (text: string) => socket?.send(text);

  function release() {
    phase = 'closed';
    clearTimeout(helloTimer);
    keepalive?.stop();
    for (const stop of watching.values()) stop();
    watching.clear();
    stopFlags?.();
    stopFlags = undefined;
  }

  function close(code: number, why: string) {
    if (phase === 'closed') return;
    release();
    socket?.close(code, closeReason(why));
  }

  /** Every ping also re-checks the login, so a logout or an expiry closes the socket. */
  async function ping() {
    send({ type: 'ping' });
    if (!(await sessionIsLive(services.db, session.idHash, services.now()))) {
      close(TEACHER_SOCKET_CLOSE.unauthenticated, 'Your login has ended; log in again.');
    }
  }

  async function watch(classId: number) {
    if (watching.has(classId)) return;
    if (watching.size >= limits.watchedClassesPerSocket) {
      send({
        type: 'refused',
        classId,
        error: `One socket can watch ${limits.watchedClassesPerSocket} classes at most.`,
      });
      return;
    }
    // Holds the class's place while it is checked; an unwatch or a close meanwhile removes it.
    const reserved = () => undefined;
    watching.set(classId, reserved);
    const stillWanted = () => phase !== 'closed' && watching.get(classId) === reserved;
    try {
      await findVisibleClass(services.db, session.user, classId);
    } catch (error) {
      if (watching.get(classId) === reserved) watching.delete(classId);
      if (!(error instanceof HubError)) throw error;
      send({ type: 'refused', classId, error: error.message });
      return;
    }
    if (!stillWanted()) return;
    let stop: () => void;
    try {
      stop = await services.liveFeed.watch(classId, sendText);
    } catch (error) {
      if (watching.get(classId) === reserved) watching.delete(classId);
      throw error;
    }
    if (stillWanted()) watching.set(classId, stop);
    else stop();
  }

  function handle(message: TeacherToHub) {
    switch (message.type) {
      case 'watch':
        watch(message.classId).catch((error: unknown) => {
          services.log(`Watching class ${message.classId} failed`, error);
          send({ type: 'refused', classId: message.classId, error: 'The hub could not do that.' });
        });
        return;
      case 'unwatch':
        watching.get(message.classId)?.();
        watching.delete(message.classId);
        return;
      case 'watchFlags':
        // Asked again: the answer at once is still owed, but one subscription is enough.
        if (stopFlags) sendText(FLAGS_MESSAGE);
        else stopFlags = watchFlags(services, session.user, sendText);
        return;
      case 'pong':
        return;
      case 'hello':
        socketStats.ignoredMessages += 1;
        return;
    }
  }

  return {
    onOpen(_event, ws) {
      socket = ws;
      helloTimer = setTimeout(() => {
        socketStats.refusedHellos += 1;
        close(
          TEACHER_SOCKET_CLOSE.unauthenticated,
          `No hello with the CSRF token within ${limits.helloTimeoutMs / 1000} s.`,
        );
      }, limits.helloTimeoutMs);
    },
    onMessage(event) {
      if (phase === 'closed') return;
      const incoming = readSocketMessage(event.data, teacherToHubSchema, limits.socketMessageBytes);
      if (incoming.kind === 'too-large') {
        close(TEACHER_SOCKET_CLOSE.messageTooLarge, 'Messages are limited to 16 KB.');
        return;
      }
      keepalive?.heard();
      if (phase === 'hello') {
        clearTimeout(helloTimer);
        if (incoming.kind !== 'message' || incoming.message.type !== 'hello') {
          socketStats.refusedHellos += 1;
          close(
            TEACHER_SOCKET_CLOSE.unauthenticated,
            'The first message must be hello with the CSRF token.',
          );
          return;
        }
        if (!sameSecret(incoming.message.csrfToken, session.csrfToken)) {
          socketStats.refusedHellos += 1;
          close(
            TEACHER_SOCKET_CLOSE.badCsrfToken,
            'The CSRF token does not match your login; log in again.',
          );
          return;
        }
        phase = 'open';
        keepalive = services.keepalive.track({
          ping: () => {
            ping().catch((error: unknown) => services.log('A teacher socket ping failed', error));
          },
          expire: () => {
            socketStats.closedSilent += 1;
            close(TEACHER_SOCKET_CLOSE.silent, 'Nothing heard from the dashboard; reconnect.');
          },
        });
        send({ type: 'ready' });
        return;
      }
      if (incoming.kind === 'ignored') socketStats.ignoredMessages += 1;
      else handle(incoming.message);
    },
    onClose() {
      release();
    },
  };
}

export function teacherSocketRoutes(services: HubServices) {
  return new Hono<HubEnv>().get(TEACHER_SOCKET_PATH, (c) => {
    requireWebSocketUpgrade(c);
    requireSameOrigin(c);
    return upgradeWebSocket(c, teacherSocketEvents(services, sessionOf(c)), {
      onError: (error) => services.log('A teacher socket handler failed', error),
    });
  });
}
