// Fixed-window counters kept in memory. One hub process serves a school, so memory is the right
// place; counters start again when the hub restarts, which only ever lets more through.
export interface RateRule {
  limit: number;
  windowMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/** Above this many keys, finished windows are dropped so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly rule: RateRule,
    private readonly now: () => number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is under its limit. */
  retryAfter(key: string): number {
    const window = this.current(key);
    if (!window || window.count < this.rule.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  /** Counts one event against `key`. */
  hit(key: string): void {
    const window = this.current(key);
    if (window) window.count += 1;
    else {
      if (this.windows.size >= SWEEP_ABOVE) this.sweep();
      this.windows.set(key, { count: 1, resetAt: this.now() + this.rule.windowMs });
    }
  }

  /** For every-request limits: counts the event if it is allowed; returns `retryAfter`. */
  take(key: string): number {
    const wait = this.retryAfter(key);
    if (wait === 0) this.hit(key);
    return wait;
  }

  /** Takes back one event counted by hit(): a login counted up front that then succeeded. */
  release(key: string): void {
    const window = this.current(key);
    if (window && window.count > 0) window.count -= 1;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
