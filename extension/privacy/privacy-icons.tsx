// The privacy page's pictures: what KS1 pupils read instead of words, and a cue beside each
// KS2 line. Decorative for screen readers (the words beside them say it all). Each is a
// function, so every use renders its own elements.
import type { JSX } from 'preact';

const Svg = ({ children }: { children: JSX.Element | JSX.Element[] }) => (
  <svg class="icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

/** A line through a picture: "this is not kept". */
const Cross = () => (
  <path d="M6 42 L42 6" stroke="#9a3412" stroke-width="5" stroke-linecap="round" />
);

export const ICONS = {
  blocked: () => (
    <Svg>
      <path d="M16 3 H32 L45 16 V32 L32 45 H16 L3 32 V16 Z" fill="#8c6bb1" />
      <path d="M13 24 H35" stroke="#fff" stroke-width="7" stroke-linecap="round" />
    </Svg>
  ),
  flag: () => (
    <Svg>
      <path d="M12 4 V44" stroke="#5b3d8a" stroke-width="5" stroke-linecap="round" />
      <path d="M12 6 C20 1 26 11 38 6 V26 C26 31 20 21 12 26 Z" fill="#8c6bb1" />
    </Svg>
  ),
  prompts: () => (
    <Svg>
      <path d="M6 8 H42 V32 H20 L10 42 V32 H6 Z" fill="#8c6bb1" />
      <path d="M14 20 H34" stroke="#fff" stroke-width="4" stroke-dasharray="3 3" />
    </Svg>
  ),
  ask: () => (
    <Svg>
      <path
        d="M14 26 V12 a3 3 0 0 1 6 0 V22 V8 a3 3 0 0 1 6 0 V22 V10 a3 3 0 0 1 6 0 V24 V16 a3 3 0 0 1 6 0 V30 c0 8 -6 14 -13 14 c-6 0 -9 -3 -12 -8 L8 28 a3 3 0 0 1 5 -4 Z"
        fill="#8c6bb1"
      />
    </Svg>
  ),
  words: () => (
    <Svg>
      <circle cx="20" cy="20" r="13" fill="none" stroke="#8c6bb1" stroke-width="6" />
      <path d="M30 30 L43 43" stroke="#5b3d8a" stroke-width="7" stroke-linecap="round" />
    </Svg>
  ),
  teacher: () => (
    <Svg>
      <circle cx="24" cy="14" r="9" fill="#8c6bb1" />
      <path d="M8 44 C8 30 40 30 40 44 Z" fill="#8c6bb1" />
    </Svg>
  ),
  deleted: () => (
    <Svg>
      <path d="M10 12 H38" stroke="#5b3d8a" stroke-width="5" stroke-linecap="round" />
      <path d="M19 12 V7 H29 V12" fill="none" stroke="#5b3d8a" stroke-width="4" />
      <path d="M13 16 H35 L32 43 H16 Z" fill="#8c6bb1" />
    </Svg>
  ),
  typing: () => (
    <Svg>
      <rect x="4" y="14" width="40" height="22" rx="4" fill="#8c6bb1" />
      <path
        d="M10 21 H14 M18 21 H22 M26 21 H30 M34 21 H38 M14 29 H34"
        stroke="#fff"
        stroke-width="3"
      />
      <Cross />
    </Svg>
  ),
  camera: () => (
    <Svg>
      <path d="M6 16 H15 L19 10 H29 L33 16 H42 V40 H6 Z" fill="#8c6bb1" />
      <circle cx="24" cy="27" r="8" fill="#fff" />
    </Svg>
  ),
  noCamera: () => (
    <Svg>
      <path d="M6 16 H15 L19 10 H29 L33 16 H42 V40 H6 Z" fill="#8c6bb1" />
      <circle cx="24" cy="27" r="8" fill="#fff" />
      <Cross />
    </Svg>
  ),
  help: () => (
    <Svg>
      <path
        d="M24 42 C4 28 6 8 18 8 C22 8 24 12 24 12 C24 12 26 8 30 8 C42 8 44 28 24 42 Z"
        fill="#8c6bb1"
      />
    </Svg>
  ),
} satisfies Record<string, () => JSX.Element>;

export type IconName = keyof typeof ICONS;
