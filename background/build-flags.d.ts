/** True only in `vite build --mode test`; production builds compile `if (__TEST__)` away. */
declare const __TEST__: boolean;
