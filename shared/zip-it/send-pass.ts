// "My teacher said it's OK" lets exactly that send through. The send is done again at once
// (the form re-submitted, the key or click dispatched again), and the pass also covers a page
// that finishes the same send a moment later (a click handler that then submits the form): the
// same text, within a few seconds. Different text, or later, is checked afresh.

/** Long enough for a page's own click-then-submit; short enough to be this one send. */
const PASS_MS = 3_000;

export interface SendPass {
  grant(fingerprint: string): void;
  allows(fingerprint: string): boolean;
}

export function createSendPass(now: () => number = Date.now): SendPass {
  let pass: { fingerprint: string; until: number } | null = null;
  return {
    grant(fingerprint) {
      pass = { fingerprint, until: now() + PASS_MS };
    },
    allows(fingerprint) {
      if (!pass || now() > pass.until) {
        pass = null;
        return false;
      }
      return pass.fingerprint === fingerprint;
    },
  };
}
