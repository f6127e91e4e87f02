// POSTs to the hub's device API with this device's token, and says what the caller should do
// next. Shared by every outbox kind, so each treats the hub's refusals the same way.
import { deviceToken, forgetEnrolment } from './hub-device';
import { hubAddress } from './hub-address';

export type HubPostResult =
  /** The school names no hub (or nobody is signed in): keep everything on the device. */
  | { kind: 'no-hub' }
  | { kind: 'ok'; body: unknown }
  /** Try again later; no sooner than `retryAfterMs` when the hub said so. */
  | { kind: 'failed'; reason: string; retryAfterMs?: number };

/** A hung connection must not hold the outbox for ever; the next try starts afresh. */
const UPLOAD_TIMEOUT_MS = 30_000;

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

const failed = (reason: string, retryAfter?: number): HubPostResult =>
  retryAfter === undefined
    ? { kind: 'failed', reason }
    : { kind: 'failed', reason, retryAfterMs: retryAfter };

export async function postToHub(path: string, body: unknown): Promise<HubPostResult> {
  const address = await hubAddress();
  if (!address) return { kind: 'no-hub' };
  let token: string;
  try {
    token = await deviceToken(address.hubUrl, address.enrolmentToken, address.email);
  } catch (error) {
    return failed(`enrolment failed: ${String(error)}`);
  }
  let response: Response;
  try {
    response = await fetch(`${address.hubUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    return failed(`the hub could not be reached: ${String(error)}`);
  }
  if (response.status === 401) {
    // The hub no longer knows this token (the device was removed, or the hub was reset):
    // the next try enrols again.
    await forgetEnrolment();
    return failed('the hub refused the device token');
  }
  if (response.status === 429) {
    return failed(
      'the hub asked for fewer requests',
      retryAfterMs(response.headers.get('Retry-After')),
    );
  }
  if (!response.ok) return failed(`the hub answered ${response.status}`);
  try {
    return { kind: 'ok', body: await response.json() };
  } catch {
    return failed('the hub sent an answer that is not JSON');
  }
}
