// Flags, keyword alerts and prompt records as a device uploads them, for the hub's tests.
import type { HubApp } from '../../hub/server/app';
import { call } from './hub-fixture';

/** A UUID numbered `n`, so tests can name flags and alerts by number. */
export const uuid = (n: number) => `5c1e7a2b-3d4f-4a6b-8c9d-${String(n).padStart(12, '0')}`;

/** A tiny JPEG data URL (the hub never decodes the picture, only the base64). */
export const SCREENSHOT = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';

/** Flag `n` as first sent at the press: no reason, no note, no screenshot. */
export const flag = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: uuid(n),
  url: 'https://video.example.com/watch?v=abc',
  title: 'A video',
  reason: null,
  note: '',
  source: 'popup',
  createdAt: '2026-03-02T08:59:00.000Z',
  screenshot: null,
  ...overrides,
});

export const keywordAlert = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: uuid(n),
  keyword: 'self harm',
  where: 'search',
  url: 'https://www.google.com/search?q=self+harm',
  createdAt: '2026-03-02T08:58:00.000Z',
  ...overrides,
});

/** Prompt record `n`: a Zip It prompt that kept a postcode private. */
export const pupilEvent = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: uuid(n),
  kind: 'zip-it',
  detail: 'postcode',
  outcome: 'kept-private',
  site: 'chat.example.com',
  createdAt: '2026-03-02T08:57:00.000Z',
  ...overrides,
});

export const uploadFlags = (app: HubApp, token: string, flags: unknown[]) =>
  call(app, 'POST', '/api/device/flags', { bearer: token, json: { flags } });

export const uploadAlerts = (app: HubApp, token: string, alerts: unknown[]) =>
  call(app, 'POST', '/api/device/keyword-alerts', { bearer: token, json: { alerts } });

export const uploadPupilEvents = (app: HubApp, token: string, events: unknown[]) =>
  call(app, 'POST', '/api/device/pupil-events', { bearer: token, json: { events } });
