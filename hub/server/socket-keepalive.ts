// Keeps every open socket honest: the hub pings each one every `intervalMs`, and closes one it
// has heard nothing from for 2.5 intervals, so a Chromebook that went to sleep or lost Wi-Fi
// shows as offline within a minute instead of whenever TCP notices. One sweep timer serves every
// socket, running only while there are sockets; pings are spread out by each socket's own start.
export const SILENT_AFTER_INTERVALS = 2.5;

export interface KeepaliveHandlers {
  ping(): void;
  /** The socket has been silent too long; close it. */
  expire(): void;
}

export interface KeepaliveTicket {
  /** Anything at all arrived from the socket. */
  heard(): void;
  stop(): void;
}

interface Tracked {
  handlers: KeepaliveHandlers;
  lastHeard: number;
  lastPinged: number;
}

export class Keepalive {
  private readonly sockets = new Set<Tracked>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly intervalMs: number,
    /** Monotonic, not the hub's (testable) wall clock: timers run on real time. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.sockets.size;
  }

  track(handlers: KeepaliveHandlers): KeepaliveTicket {
    const now = this.clock();
    const tracked: Tracked = { handlers, lastHeard: now, lastPinged: now };
    this.sockets.add(tracked);
    if (!this.timer) {
      // A quarter interval: a silent socket is closed at most a quarter interval late.
      this.timer = setInterval(() => this.sweep(), Math.max(10, this.intervalMs / 4));
      this.timer.unref();
    }
    return {
      heard: () => {
        tracked.lastHeard = this.clock();
      },
      stop: () => {
        this.sockets.delete(tracked);
        if (this.sockets.size === 0 && this.timer) {
          clearInterval(this.timer);
          this.timer = undefined;
        }
      },
    };
  }

  private sweep(): void {
    const now = this.clock();
    for (const tracked of [...this.sockets]) {
      if (now - tracked.lastHeard >= SILENT_AFTER_INTERVALS * this.intervalMs) {
        this.sockets.delete(tracked);
        tracked.handlers.expire();
      } else if (now - tracked.lastPinged >= this.intervalMs) {
        tracked.lastPinged = now;
        tracked.handlers.ping();
      }
    }
    if (this.sockets.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
