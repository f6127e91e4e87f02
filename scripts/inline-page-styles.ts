// Pupil pages share one look (extension/ui/pupil-*.css), yet the block page, the flag page and
// the popup keep every style inline: each is one file that paints with no request for a
// stylesheet, and the block page is the one every blocked navigation waits for. This plugin
// writes the shared files into a page where its <style> says `/* @inline ./ui/file.css */`
// (paths from the page's folder), before Vite reads the page. A file that isn't there fails
// the build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const MARKER = /\/\* @inline ([^*]+?) \*\//g;

export function inlineSharedStyles(html: string, pageFile: string): string {
  return html.replace(MARKER, (_marker, files: string) =>
    files
      .trim()
      .split(/\s+/)
      .map((file) => readFileSync(path.resolve(path.dirname(pageFile), file), 'utf8').trim())
      .join('\n'),
  );
}

export function inlinePageStyles(): Plugin {
  return {
    name: 'safe-class:inline-page-styles',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) => inlineSharedStyles(html, context.filename),
    },
  };
}
