// A real classroom hub for a test, started the way `npm start` starts it (hub/server/main.ts in
// its own process) on a free loopback port with a fresh data folder. Its first start creates the
// demo school and prints the demo logins once; they are read from that banner.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './launch';

export const ENROLMENT_TOKEN = 'e2e-dashboard-enrolment-token';
const START_TIMEOUT_MS = 30_000;

export interface HubProcess {
  url: string;
  /** Where its database lives (hub.sqlite), for a test to read what the hub stored. */
  dataDir: string;
  /** Demo username → password, as the hub printed them. */
  passwords: Record<string, string>;
  /** Stops the hub process but keeps its data, as a crash or a reboot would. */
  kill(): Promise<void>;
  /** Starts the hub again on the same port with the same data (after kill). */
  restart(): Promise<void>;
  /** Stops the hub and deletes its data. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function readBanner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`The hub did not start:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Stop the hub with Ctrl-C.')) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited (${code}) before it started:\n${output}`));
    });
  });
}

function spawnHub(port: number, dataDir: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'hub/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HUB_HOST: '127.0.0.1',
      HUB_PORT: String(port),
      HUB_DATA_DIR: dataDir,
      HUB_ENROLMENT_TOKEN: ENROLMENT_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function endChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export interface HubStartOptions {
  /** More HUB_* settings, such as HUB_RELEASE_DIR. */
  env?: Record<string, string>;
}

export async function startHub(options: HubStartOptions = {}): Promise<HubProcess> {
  if (!existsSync(path.join(repoRoot, 'dist-hub', 'index.html'))) {
    throw new Error('No built dashboard in dist-hub/: run `npm run build:hub` first.');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'safe-class-hub-'));
  const port = await freePort();
  const env = options.env ?? {};
  let child = spawnHub(port, dataDir, env);
  // SIGKILL, not SIGTERM: a killed hub must not get to flush or close anything first, so a
  // test that restarts it proves what was stored durably before each answer.
  const kill = () => endChild(child, 'SIGKILL');
  const stop = async () => {
    await endChild(child, 'SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  };
  const restart = async () => {
    await kill();
    child = spawnHub(port, dataDir, env);
    await readBanner(child);
  };
  try {
    const banner = await readBanner(child);
    const passwords: Record<string, string> = {};
    for (const match of banner.matchAll(/^ {2}(teacher|dsl|admin) +(\S+) {3}/gm)) {
      passwords[match[1] as string] = match[2] as string;
    }
    return { url: `http://127.0.0.1:${port}`, dataDir, passwords, kill, restart, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
