// The hub's API, typed end to end: `hc<AppType>` takes the request and answer types from the
// hub's own routes (type-only import), so the dashboard and the hub can't disagree about a
// payload without a type error. Errors come back as the hub's own words (`{ error }`).
import { hc } from 'hono/client';
import type { AppType } from '../server/app';
import { t } from './strings';

let csrfToken = '';

/** The token from login or /me; every change carries it (the hub refuses one without it). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export const csrfTokenNow = (): string => csrfToken;

export const hub = hc<AppType>(location.origin, {
  headers: (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
});

export class HubCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HubCallError';
  }
}

let onUnauthorised: (error: HubCallError) => void = () => {};

/** Called when the hub answers 401: the session has ended or was never there. */
export function whenUnauthorised(handler: (error: HubCallError) => void): void {
  onUnauthorised = handler;
}

interface Answer<T> {
  ok: boolean;
  status: number;
  json(): Promise<T>;
}

async function errorMessage(response: Answer<unknown>): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
    return body.error;
  }
  return t('error_status', { status: response.status });
}

/** The answer's body, or a HubCallError with the hub's message (verbatim). */
export async function read<T>(pending: Promise<Answer<T>>): Promise<T> {
  let response: Answer<T>;
  try {
    response = await pending;
  } catch {
    throw new HubCallError(0, t('error_offline'));
  }
  if (response.ok) return response.json();
  const error = new HubCallError(response.status, await errorMessage(response));
  if (response.status === 401) onUnauthorised(error);
  throw error;
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
