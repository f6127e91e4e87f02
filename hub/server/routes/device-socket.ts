// The device WebSocket at DEVICE_SOCKET_PATH (shared/hub-protocol.ts). The upgrade needs no
// credential; the first message must be `hello` with the device token within
// `limits.helloTimeoutMs` (5 s), or the socket is closed with 4401. After a good hello the hub
// sends the snapshot (with the running lesson), then every lesson.start / lesson.end for the
// pupil's class, a fresh snapshot whenever the bus says `refresh` (grants, answers, school list
// changes), and a ping every keepalive interval. Everything the device sends is validated
// with deviceToHubSchema; anything else is ignored and counted, never fatal.
import { upgradeWebSocket, type WebSocketLike } from '@hono/node-server';
import { Hono } from 'hono';
import type { WSContext, WSEvents } from 'hono/ws';
import {
  DEVICE_SOCKET_CLOSE,
  DEVICE_SOCKET_PATH,
  deviceToHubSchema,
  type DeviceToHub,
  type HubToDevice,
} from '../../../shared/hub-protocol';
import { closeReason } from '../close-reason';
import { authenticateDeviceToken } from '../device-auth';
import type { DeviceLink } from '../device-presence';
import { storeHealth } from '../device-health';
import { deviceSnapshot } from '../device-snapshot';
import { HubError } from '../errors';
import type { DeviceIdentity, HubEnv } from '../hub-env';
import { reportedDomain } from '../reported-domain';
import type { HubServices } from '../services';
import type { KeepaliveTicket } from '../socket-keepalive';
import { readSocketMessage } from '../socket-message';
import { requireWebSocketUpgrade } from '../socket-upgrade';

/** Messages a quick device sends between its hello and the hub's answer are kept, up to this. */
const EARLY_MESSAGES = 8;

type Phase = 'hello' | 'checking' | 'open' | 'closed';

function deviceSocketEvents(services: HubServices): WSEvents<WebSocketLike> {
  const { limits, presence, socketStats } = services;
  let phase: Phase = 'hello';
  let socket: WSContext<WebSocketLike> | undefined;
  let helloTimer: ReturnType<typeof setTimeout> | undefined;
  let keepalive: KeepaliveTicket | undefined;
  let link: DeviceLink | undefined;
  /** The device that said hello; set once the hello is good. */
  let identity: DeviceIdentity | undefined;
  let stopUnassigned: (() => void) | undefined;
  const early: DeviceToHub[] = [];
  /**
   * Lesson messages for the class are held while a snapshot is read, and sent after it: a lesson
   * that starts or ends during the read can't reach the device before a snapshot older than it.
   */
  let held: string[] | undefined;
  let reading = false;
  let readAgain = false;

  const send = (message: HubToDevice) => socket?.send(JSON.stringify(message));

  /** Forgets the socket at once, so the device shows as offline before the close completes. */
  function release() {
    phase = 'closed';
    clearTimeout(helloTimer);
    keepalive?.stop();
    if (link) presence.leave(link);
    stopUnassigned?.();
  }

  function close(code: number, why: string) {
    if (phase === 'closed') return;
    release();
    socket?.close(code, closeReason(why));
  }

  function handle(message: DeviceToHub) {
    switch (message.type) {
      case 'lesson.enforcing':
        if (link) presence.confirm(link, message.lessonId);
        return;
      case 'site': {
        const domain = reportedDomain(message.domain);
        if (domain === undefined) socketStats.ignoredMessages += 1;
        else if (link) presence.visit(link, domain);
        return;
      }
      case 'health':
        heardHealth(message.health);
        return;
      case 'pong':
        return;
      case 'hello':
        socketStats.ignoredMessages += 1;
        return;
    }
  }

  /**
   * Keeps the device's latest report, then lets presence (and so the teacher's view and the
   * protection alerts) hear of it. A report naming another device is ignored and counted.
   */
  function heardHealth(health: Extract<DeviceToHub, { type: 'health' }>['health']) {
    if (!identity) return;
    const receivedAt = services.now().toISOString();
    storeHealth(services.db, identity.id, health, receivedAt)
      .then((stored) => {
        if (!stored) {
          socketStats.ignoredMessages += 1;
          return;
        }
        if (link && phase !== 'closed')
          presence.report(link, { receivedAt, unsafe: health.unsafe });
      })
      .catch((error: unknown) => services.log('A device health report could not be stored', error));
  }

  /** Reads and sends the snapshot; a refresh asked for meanwhile reads it once more. */
  async function sendSnapshot(device: DeviceIdentity) {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    held = [];
    try {
      do {
        readAgain = false;
        const snapshot = await deviceSnapshot(services.db, device, services.now());
        if (phase === 'closed') return;
        send({ type: 'snapshot', snapshot });
      } while (readAgain);
    } finally {
      reading = false;
      const waiting = held;
      held = undefined;
      if (phase !== 'closed') for (const text of waiting) socket?.send(text);
    }
  }

  function refresh(device: DeviceIdentity) {
    sendSnapshot(device).catch((error: unknown) => {
      services.log('A device snapshot could not be refreshed', error);
      // Reconnecting reads the snapshot again, so the device still converges.
      close(1011, 'The hub could not read the snapshot; reconnect.');
    });
  }

  async function open(device: DeviceIdentity) {
    identity = device;
    keepalive = services.keepalive.track({
      ping: () => send({ type: 'ping' }),
      expire: () => {
        socketStats.closedSilent += 1;
        close(DEVICE_SOCKET_CLOSE.silent, 'Nothing heard from the device; reconnect.');
      },
    });
    if (device.pupil) {
      link = {
        deviceId: device.id,
        pupilId: device.pupil.id,
        classId: device.pupil.classId,
        confirmed: undefined,
        health: undefined,
        domain: null,
        lastSeen: services.now().toISOString(),
        deliver: (text) => {
          if (held) held.push(text);
          else socket?.send(text);
        },
        refresh: () => refresh(device),
      };
      presence.join(link);
    } else {
      stopUnassigned = services.bus.subscribeUnassigned(device.schoolId, () => refresh(device));
    }
    // Subscribed before the read, so a change committed during it is read again, never missed.
    await sendSnapshot(device);
    if (phase === 'closed') return;
    phase = 'open';
    for (const message of early.splice(0)) handle(message);
  }

  async function checkHello(token: string) {
    let device: DeviceIdentity;
    try {
      device = await authenticateDeviceToken(
        services,
        token,
        'The hello needs the device token from enrolment.',
      );
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      socketStats.refusedHellos += 1;
      const code =
        error.status === 429
          ? DEVICE_SOCKET_CLOSE.tooManyConnections
          : DEVICE_SOCKET_CLOSE.unauthenticated;
      close(code, error.message);
      return;
    }
    if (phase !== 'closed') await open(device);
  }

  return {
    onOpen(_event, ws) {
      socket = ws;
      helloTimer = setTimeout(() => {
        socketStats.refusedHellos += 1;
        close(
          DEVICE_SOCKET_CLOSE.unauthenticated,
          `No hello with the device token within ${limits.helloTimeoutMs / 1000} s.`,
        );
      }, limits.helloTimeoutMs);
    },
    onMessage(event) {
      if (phase === 'closed') return;
      const incoming = readSocketMessage(event.data, deviceToHubSchema, limits.socketMessageBytes);
      if (incoming.kind === 'too-large') {
        close(DEVICE_SOCKET_CLOSE.messageTooLarge, 'Messages are limited to 16 KB.');
        return;
      }
      // Anything at all shows the device is there, even a message this hub can't read.
      keepalive?.heard();
      if (link) link.lastSeen = services.now().toISOString();
      if (phase === 'hello') {
        clearTimeout(helloTimer);
        if (incoming.kind !== 'message' || incoming.message.type !== 'hello') {
          socketStats.refusedHellos += 1;
          close(
            DEVICE_SOCKET_CLOSE.unauthenticated,
            'The first message must be hello with the device token.',
          );
          return;
        }
        phase = 'checking';
        checkHello(incoming.message.deviceToken).catch((error: unknown) => {
          services.log('A device socket could not be opened', error);
          close(1011, 'The hub could not check the hello; try again.');
        });
        return;
      }
      if (incoming.kind === 'ignored') {
        socketStats.ignoredMessages += 1;
      } else if (phase === 'checking') {
        if (early.length < EARLY_MESSAGES) early.push(incoming.message);
        else socketStats.ignoredMessages += 1;
      } else {
        handle(incoming.message);
      }
    },
    onClose() {
      release();
    },
  };
}

export function deviceSocketRoutes(services: HubServices) {
  return new Hono<HubEnv>().get(DEVICE_SOCKET_PATH, (c) => {
    requireWebSocketUpgrade(c);
    return upgradeWebSocket(c, deviceSocketEvents(services), {
      onError: (error) => services.log('A device socket handler failed', error),
    });
  });
}
