// The shared pupil styles reach the pages that keep their styles inline, whole, and a page that
// names a missing file stops the build instead of shipping without its look.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineSharedStyles } from '../../scripts/inline-page-styles';

const root = new URL('../../', import.meta.url).pathname;
const page = (name: string) => path.join(root, 'extension', `${name}.html`);
const shared = (name: string) => readFile(path.join(root, 'extension/ui', name), 'utf8');

describe('inlineSharedStyles', () => {
  it('writes each named file in place of its marker, in order', async () => {
    const html =
      '<style>\n/* @inline ./ui/pupil-palette.css ./ui/pupil-page.css */\n.own {}</style>';
    const out = inlineSharedStyles(html, page('blocked'));
    const palette = (await shared('pupil-palette.css')).trim();
    const layout = (await shared('pupil-page.css')).trim();
    expect(out).toBe(`<style>\n${palette}\n${layout}\n.own {}</style>`);
  });

  it('leaves other comments alone', () => {
    const html = '<style>/* Calm colours */</style>';
    expect(inlineSharedStyles(html, page('blocked'))).toBe(html);
  });

  it('fails on a file that is not there', () => {
    expect(() =>
      inlineSharedStyles('<style>/* @inline ./ui/missing.css */</style>', page('flag')),
    ).toThrow(/missing\.css/);
  });

  it.each(['blocked', 'flag', 'popup'])(
    'the %s page takes the palette from the shared file',
    async (name) => {
      const source = await readFile(page(name), 'utf8');
      expect(source).toContain('/* @inline ./ui/pupil-palette.css');
      expect(source).not.toContain('--ink: #1f2937');
    },
  );
});
