// `npm start`: builds the extension and the teacher dashboard, says how to load the extension,
// then runs the classroom hub in the foreground (Ctrl-C stops it). The hub prints its own
// address (where the dashboard is), logins and enrolment token.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const config of ['vite.config.ts', 'vite.dashboard.config.ts']) {
  const build = spawnSync('npx', ['vite', 'build', '--config', config], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { key } = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const id = [...createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)]
  .map((hex) => String.fromCharCode(97 + parseInt(hex, 16)))
  .join('');

console.log(`
Safe Class and the teacher dashboard are built.

  Load it:      chrome://extensions → Developer mode → Load unpacked → ${path.join(root, 'dist')}
  Extension id: ${id}
  Options page: chrome-extension://${id}/options/index.html  (set a teacher PIN there first)

With no policy the extension uses the KS1 starter list (README: "When there is no policy").
For a school-wide setup, put the managed policy JSON from README.md into Google Admin.

Starting the classroom hub (README: "The classroom hub"); the teacher dashboard is at its
address, printed below…`);

// Node runs the hub's TypeScript through tsx's loader: no build step, and no npx wrapper
// between this process and the hub, so Ctrl-C and exit codes pass straight through.
const hub = spawn(process.execPath, ['--import', 'tsx', 'hub/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the hub directly (same terminal); wait for it to stop rather than exit first.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => hub.kill('SIGTERM'));
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
