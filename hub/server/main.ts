// `npm run hub`: opens the database in HUB_DATA_DIR, applies migrations, creates the demo school
// in an empty database, and serves the hub until Ctrl-C.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app';
import { readConfig, type HubConfig } from './config';
import { openDatabase } from './database';
import { serveHub } from './hub-server';
import { UPDATE_MANIFEST_FILE, UPDATE_MANIFEST_PATH } from '../../shared/extension-release';
import { migrateToLatest } from './migrations';
import { scheduleRetentionSweeps } from './retention/sweep-schedule';
import { readSchool, setEnrolmentToken } from './school';
import { DEMO_SCHOOL, seedDemoSchool, type DemoSchool } from './seed-demo';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function printBanner(config: HubConfig, url: string, token: string, demo: DemoSchool | null) {
  const relative = path.relative(process.cwd(), config.dataDir);
  const relativeData = relative.startsWith('..') ? config.dataDir : relative || '.';
  const lines = [``, `Safe Class hub: ${url}   (data in ${relativeData}/)`, ``];
  if (demo) {
    lines.push(`Created the demo school "${DEMO_SCHOOL}". These passwords are shown this once:`);
    for (const login of demo.logins) {
      lines.push(`  ${login.username.padEnd(8)} ${login.password}   ${login.name} (${login.role})`);
    }
  } else {
    lines.push(
      'The demo logins were printed when the demo school was created; they are not shown again.',
      `To start over with new passwords: stop the hub and delete ${relativeData}/.`,
    );
  }
  lines.push(``, `Enrolment token for pupil devices: ${token}`);
  // The self-hosted extension, when `npm run package -- --hub-url …` has written a release here.
  if (existsSync(path.join(config.releaseDir, UPDATE_MANIFEST_FILE))) {
    const release = path.relative(process.cwd(), config.releaseDir) || '.';
    lines.push(`Self-hosted extension: ${release}/ served at ${url}${UPDATE_MANIFEST_PATH}`);
  }
  if (!LOOPBACK.has(config.host)) {
    lines.push(
      ``,
      `Note: the hub speaks plain HTTP. Put HTTPS in front of it before devices use it.`,
    );
  }
  lines.push(``, `Log in:  curl -i -H 'Content-Type: application/json' \\`);
  lines.push(`           -d '{"username":"teacher","password":"…"}' ${url}/api/auth/login`);
  lines.push(`Stop the hub with Ctrl-C.`, ``);
  console.log(lines.join('\n'));
}

async function main() {
  const config = readConfig(process.env);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase({ kind: 'sqlite', file: path.join(config.dataDir, 'hub.sqlite') });
  await migrateToLatest(db);
  const now = new Date();
  const demo = await seedDemoSchool(db, { now, enrolmentToken: config.enrolmentToken });
  const school = await readSchool(db);
  if (!school) throw new Error('The database has no school.');
  if (config.enrolmentToken && config.enrolmentToken !== school.enrolment_token) {
    await setEnrolmentToken(db, school.id, config.enrolmentToken);
  }
  const token = config.enrolmentToken ?? school.enrolment_token;

  const app = createApp({
    db,
    releaseDir: config.releaseDir,
    limits: { protectionSilenceMs: config.protectionSilenceMs },
  });
  // Expired records go at start and every hour after (retention/record-types.ts says how long).
  const sweeps = scheduleRetentionSweeps({
    db,
    now: () => new Date(),
    log: (message, error) => console.error(message, error),
  });
  // Upgrades reach the app like any request (the access gate applies) and become the device
  // and teacher WebSockets (routes/device-socket.ts, routes/teacher-socket.ts).
  const { server, close } = serveHub(app, { hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    printBanner(config, `http://${host}:${info.port}`, token, demo);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE' ? `port ${config.port} is in use (set HUB_PORT)` : error.message;
    console.error(`The hub could not start: ${reason}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sweeps.stop();
    void close().then(() => db.destroy().then(() => process.exit(0)));
    // Open keep-alive connections would hold close() open; a teacher pressing Ctrl-C means now.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
