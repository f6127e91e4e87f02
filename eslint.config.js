// Folders are boundaries (see ../ARCHITECTURE rules): lint refuses an import that crosses one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noImport = (folders, { allowScriptPaths = false } = {}) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: folders.map((folder) => ({
        // `file.ts?script` gives the built content script's path (a string), not its code: the
        // worker needs it to register the script, so that one form may cross.
        regex: allowScriptPaths ? `(^|/)${folder}(/(?!.*\\?script$)|$)` : `(^|/)${folder}(/|$)`,
        message: `This folder may not import from ${folder}/: folders are boundaries.`,
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-hub/',
      'dist-test/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Text from the web is data: build DOM with textContent.',
        },
      ],
    },
  },
  // Only the hub and its tests reach the hub's server code; the folder rules below also refuse
  // the rest of hub/ (a later entry's rule replaces this one for its folder).
  { ignores: ['hub/**', 'test/hub/**'], rules: noImport(['hub/server']) },
  { files: ['hub/**'], rules: noImport(['background', 'content', 'extension', 'options']) },
  {
    // The dashboard runs in the browser: from the hub's server it takes only types. Contracts
    // both sides run (the socket protocols) live in shared/.
    files: ['hub/dashboard/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server(/|$)',
              allowTypeImports: true,
              message: 'The dashboard may import only types from hub/server/.',
            },
          ],
        },
      ],
    },
  },
  { files: ['content/**'], rules: noImport(['background', 'extension', 'options', 'hub']) },
  { files: ['extension/**', 'options/**'], rules: noImport(['background', 'content', 'hub']) },
  {
    files: ['background/**'],
    rules: noImport(['content', 'extension', 'options', 'hub'], { allowScriptPaths: true }),
  },
  {
    files: ['shared/**'],
    rules: {
      ...noImport(['background', 'content', 'extension', 'options', 'hub']),
      // shared/ is pure: no browser API may be reached from it.
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window'],
    },
  },
);
