// A teacher's dashboard as the flag bench sees it: logged in over HTTP, a teacher socket that
// follows flags (`watchFlags`), and the flags the hub lists. Times are this process's clock, the
// same one the bench reads when the pupil presses Flag It.
import WebSocket from 'ws';
import { TEACHER_SOCKET_PATH, hubToTeacherSchema } from '../../shared/teacher-socket-protocol';

export interface TeacherWatch {
  /** Resolves once the hub lists every one of these flag ids (checked on each nudge). */
  waitForFlags(ids: readonly string[], timeoutMs: number): Promise<number>;
  /** How many flags the hub lists for the school, and how many distinct ids among them. */
  countFlags(): Promise<{ rows: number; distinct: number; ids: Set<string> }>;
  close(): void;
}

export async function watchFlagsAsDsl(hubUrl: string, password: string): Promise<TeacherWatch> {
  const login = await fetch(`${hubUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'dsl', password }),
  });
  if (!login.ok) throw new Error(`DSL login: ${login.status}`);
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  async function listIds(): Promise<string[]> {
    const ids: string[] = [];
    let before: number | null = null;
    do {
      const query: string = before === null ? '' : `&before=${before}`;
      const response = await fetch(`${hubUrl}/api/flags?status=all&limit=200${query}`, {
        headers: { Cookie: cookie },
      });
      if (!response.ok) throw new Error(`GET /api/flags: ${response.status}`);
      const page = (await response.json()) as {
        flags: { id: string }[];
        nextBefore: number | null;
      };
      ids.push(...page.flags.map((flag) => flag.id));
      before = page.nextBefore;
    } while (before !== null);
    return ids;
  }

  let nudged: () => void = () => undefined;
  let socket: WebSocket | null = null;
  let closed = false;
  function connect() {
    const opened = new WebSocket(hubUrl.replace(/^http/, 'ws') + TEACHER_SOCKET_PATH, {
      headers: { Cookie: cookie, Origin: hubUrl },
    });
    socket = opened;
    opened.on('open', () => opened.send(JSON.stringify({ type: 'hello', csrfToken })));
    opened.on('message', (data) => {
      const message = hubToTeacherSchema.safeParse(JSON.parse(String(data)));
      if (!message.success) return;
      if (message.data.type === 'ready') opened.send(JSON.stringify({ type: 'watchFlags' }));
      else if (message.data.type === 'ping') opened.send(JSON.stringify({ type: 'pong' }));
      else if (message.data.type === 'flags') nudged();
    });
    // The chaos run kills the hub: come back like the dashboard does.
    opened.on('close', () => {
      if (!closed) setTimeout(connect, 250);
    });
    opened.on('error', () => undefined);
  }
  connect();

  return {
    waitForFlags(ids, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          nudged = () => undefined;
          reject(new Error(`Flags did not all reach the teacher within ${timeoutMs} ms`));
        }, timeoutMs);
        let checking = false;
        let again = false;
        const check = async (): Promise<void> => {
          if (checking) {
            // A nudge during a read may be the one for the last flag: read once more after.
            again = true;
            return;
          }
          checking = true;
          again = false;
          try {
            const listed = new Set(await listIds());
            if (ids.every((id) => listed.has(id))) {
              clearTimeout(timer);
              nudged = () => undefined;
              resolve(performance.now());
            }
          } catch {
            // The hub is down (chaos): the next nudge after it is back checks again.
          } finally {
            checking = false;
          }
          if (again) await check();
        };
        nudged = () => void check();
        void check();
      });
    },
    async countFlags() {
      const ids = await listIds();
      return { rows: ids.length, distinct: new Set(ids).size, ids: new Set(ids) };
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
