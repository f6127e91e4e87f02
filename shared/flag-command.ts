/**
 * The keyboard shortcut's command in manifest.json `commands`: the worker listens for it and the
 * popup shows the keys the browser gave it. Alt+Shift+F unless a teacher changed it.
 */
export const FLAG_COMMAND = 'flag-it';
