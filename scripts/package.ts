// `npm run package`: builds the extension for production and writes the release files to
// release/ (see "Packaging and self-hosting" in the README).
//   npm run package                                        the Chrome Web Store zip
//   npm run package -- --hub-url https://hub.school.example   also the signed CRX and updates.xml
// Options: --key <file.pem> (or SAFE_CLASS_CRX_KEY: a path or the PEM text), --out <folder>,
// --no-build (package the dist/ that `npm run build` made).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkHubUrl, packageRelease, type PackageResult } from './packaging/package-release';
import { parseManifest } from './packaging/release-manifest';
import { schoolSigningKey, type SchoolKey } from './packaging/signing-key';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'Usage: npm run package [-- --hub-url https://hub.school.example] [--key school-key.pem] [--out release] [--no-build]';

function options() {
  try {
    return parseArgs({
      options: {
        'hub-url': { type: 'string' },
        key: { type: 'string' },
        out: { type: 'string', default: 'release' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n${USAGE}`, {
      cause: error,
    });
  }
}

function buildForProduction() {
  console.log('Building the extension for production (vite build)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The production build failed (see above).');
}

function printSummary(result: PackageResult, key: SchoolKey | null) {
  const shown = (file: string) =>
    path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file;
  const lines = [
    '',
    `Safe Class ${result.version}`,
    `  Chrome Web Store upload: ${shown(result.webStoreZip)}`,
  ];
  for (const warning of result.warnings) lines.push(`  Note: ${warning}.`);
  const hosted = result.selfHosted;
  if (!hosted) {
    lines.push(
      '',
      'For a self-hosted install from your hub, package again with its address:',
      '  npm run package -- --hub-url https://hub.your-school.example',
    );
  } else {
    lines.push(
      `  Signed CRX:              ${shown(hosted.crxFile)}`,
      `  Update manifest:         ${shown(hosted.updateManifestFile)}`,
      `  Signed with:             ${key ? shown(key.source) : 'the given key'}`,
      '',
      `Extension id: ${hosted.extensionId}`,
      '',
      'The hub serves these from its release folder (HUB_RELEASE_DIR, default release/):',
      `  ${hosted.updateUrl}`,
      `  ${hosted.crxUrl}`,
      '',
      'Google Admin: Devices > Chrome > Apps & extensions > Users & browsers > + > "Add Chrome app',
      'or extension by ID", choose "From a custom URL" and enter:',
      `  Extension ID: ${hosted.extensionId}`,
      `  URL:          ${hosted.updateUrl}`,
      'then set it to "Force install" and put the policy JSON under this id.',
      '',
      'Or as a Chrome policy (ExtensionInstallForcelist), one line:',
      `  ${hosted.extensionId};${hosted.updateUrl}`,
    );
  }
  console.log(lines.join('\n'));
}

/** Printed last, even when packaging failed after the key was made. */
function printNewKeyWarning(key: SchoolKey) {
  const bar = '!'.repeat(78);
  console.log(
    [
      '',
      bar,
      `A NEW SIGNING KEY WAS MADE: ${path.relative(process.cwd(), key.source) || key.source}`,
      'It is the school’s extension: every later version must be signed with this same key.',
      'Back it up now somewhere safe (not on this server only) and keep it secret. If it is lost,',
      'the next package gets a new extension id and every Chromebook must be set up again; if',
      'it leaks, someone else can publish "updates" to your pupils.',
      'Move it out of the release folder and give it with --key or SAFE_CLASS_CRX_KEY from now on.',
      bar,
    ].join('\n'),
  );
}

async function main() {
  const values = options();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const hubUrl = values['hub-url'];
  if (values.key !== undefined && hubUrl === undefined) {
    throw new Error(
      '--key signs the self-hosted CRX, which also needs --hub-url (the hub that serves it).',
    );
  }
  const outDir = path.resolve(process.cwd(), values.out);
  const repoManifest = parseManifest(
    await readFile(path.join(root, 'manifest.json'), 'utf8'),
    'manifest.json',
  );
  // Checked before the build, so a typo costs nothing.
  if (hubUrl !== undefined) checkHubUrl(hubUrl);
  if (!values['no-build']) buildForProduction();
  // Set when the key is asked for, which packageRelease does only once the build has passed.
  const signing: { key: SchoolKey | null } = { key: null };
  try {
    const result = await packageRelease({
      distDir: path.join(root, 'dist'),
      outDir,
      expectedVersion: repoManifest.version,
      hubUrl,
      signingKey: async () => {
        const key = await schoolSigningKey({
          keyFile: values.key,
          envValue: process.env.SAFE_CLASS_CRX_KEY,
          defaultFile: path.join(outDir, 'signing-key.pem'),
        });
        signing.key = key;
        return key.key;
      },
    });
    printSummary(result, signing.key);
  } finally {
    if (signing.key?.created) printNewKeyWarning(signing.key);
  }
}

main().catch((error: unknown) => {
  console.error(`npm run package: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
