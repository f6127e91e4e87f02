// Pictures for pupils who can't read yet. Drawn inline so the block page needs no extra
// requests and can't fail to load an image. They are decorative: the buttons carry names.
export function FriendlyOwl() {
  return (
    <svg class="picture" viewBox="0 0 200 200" aria-hidden="true" focusable="false">
      <circle cx="100" cy="110" r="80" fill="#8c6bb1" />
      <circle cx="100" cy="130" r="50" fill="#d8c7ea" />
      <circle cx="70" cy="85" r="26" fill="#fff" />
      <circle cx="130" cy="85" r="26" fill="#fff" />
      <circle cx="72" cy="88" r="11" fill="#2d1b4e" />
      <circle cx="128" cy="88" r="11" fill="#2d1b4e" />
      <polygon points="100,100 90,115 110,115" fill="#f2a541" />
      <path d="M40 45 L62 70 L35 70 Z M160 45 L138 70 L165 70 Z" fill="#8c6bb1" />
    </svg>
  );
}

export function BackArrow() {
  return (
    <svg class="icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M28 10 L12 24 L28 38" fill="none" stroke="currentColor" stroke-width="6" />
      <path d="M14 24 H40" stroke="currentColor" stroke-width="6" />
    </svg>
  );
}

export function RaisedHand() {
  return (
    <svg class="icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path
        d="M14 26 V12 a3 3 0 0 1 6 0 V22 V8 a3 3 0 0 1 6 0 V22 V10 a3 3 0 0 1 6 0 V24 V16 a3 3 0 0 1 6 0 V30 c0 8 -6 14 -13 14 c-6 0 -9 -3 -12 -8 L8 28 a3 3 0 0 1 5 -4 Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function Tick() {
  return (
    <svg class="icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M10 25 L20 35 L38 13" fill="none" stroke="currentColor" stroke-width="6" />
    </svg>
  );
}
