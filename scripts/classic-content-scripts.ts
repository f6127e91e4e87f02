// A Vite plugin that builds each script in shared/classic-content-scripts.ts as one classic
// IIFE file (its dynamic imports inlined) beside the extension build, after crxjs has written
// the rest. The same `define`s apply, so `__TEST__` means the same in every file.
import path from 'node:path';
import { build, type Plugin } from 'vite';
import {
  CLASSIC_CONTENT_SCRIPTS,
  classicContentScriptPath,
  type ClassicContentScript,
} from '../shared/classic-content-scripts';

export function classicContentScripts(): Plugin {
  let outDir = 'dist';
  let define: Record<string, unknown> = {};
  return {
    name: 'safe-class:classic-content-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      define = config.define ?? {};
    },
    async closeBundle() {
      for (const name of Object.keys(CLASSIC_CONTENT_SCRIPTS) as ClassicContentScript[]) {
        const file = path.join(outDir, classicContentScriptPath(name));
        await build({
          configFile: false,
          publicDir: false,
          logLevel: 'warn',
          define,
          build: {
            outDir: path.dirname(file),
            emptyOutDir: false,
            target: 'chrome120',
            minify: true,
            lib: {
              entry: CLASSIC_CONTENT_SCRIPTS[name],
              formats: ['iife'],
              name: `safeClass_${name.replace(/-/g, '_')}`,
              fileName: () => path.basename(file),
            },
          },
        });
      }
    },
  };
}
