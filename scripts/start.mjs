// `npm start`: builds the extension and says how to load it. The classroom hub joins this
// command when it exists (issue 4); until then the extension runs on its own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { key } = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const id = [...createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)]
  .map((hex) => String.fromCharCode(97 + parseInt(hex, 16)))
  .join('');

console.log(`
Safe Class is built.

  Load it:      chrome://extensions → Developer mode → Load unpacked → ${path.join(root, 'dist')}
  Extension id: ${id}
  Options page: chrome-extension://${id}/options/index.html  (set a teacher PIN there first)

With no policy the extension uses the KS1 starter list (README: "When there is no policy").
For a school-wide setup, put the managed policy JSON from README.md into Google Admin.
`);
