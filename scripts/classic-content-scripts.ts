// A Vite plugin that builds each script in shared/classic-content-scripts.ts as one classic
// IIFE file (its static dynamic imports inlined), and the prompts' module as one ES module, beside the extension build, after crxjs has written
// the rest. The same `define`s apply, so `__TEST__` means the same in every file.
import path from 'node:path';
import { build, type Plugin } from 'vite';
import {
  CLASSIC_CONTENT_SCRIPTS,
  classicContentScriptPath,
  PROMPTS_MODULE_ENTRY,
  PROMPTS_MODULE_PATH,
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
      const scripts = Object.keys(CLASSIC_CONTENT_SCRIPTS) as ClassicContentScript[];
      const files = [
        ...scripts.map((name) => ({
          entry: CLASSIC_CONTENT_SCRIPTS[name],
          file: classicContentScriptPath(name),
          format: 'iife' as const,
          name: `safeClass_${name.replace(/-/g, '_')}`,
        })),
        // The prompts' module, which the prompts script imports when a pupil's action needs it.
        {
          entry: PROMPTS_MODULE_ENTRY,
          file: PROMPTS_MODULE_PATH,
          format: 'es' as const,
          name: 'promptsModule',
        },
      ];
      for (const { entry, file: relative, format, name } of files) {
        const file = path.join(outDir, relative);
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
              entry,
              formats: [format],
              name,
              fileName: () => path.basename(file),
            },
          },
        });
      }
    },
  };
}
