// The flag alert's sound: two soft tones made with Web Audio (no file to fetch, nothing the CSP
// has to allow). Browsers only let a page make sound after a click or key press, so the audio is
// unlocked on the teacher's first one. Muting is remembered on this computer.
import { signal } from '@preact/signals';

const MUTE_KEY = 'safe-class-flag-sound-muted';

export const muted = signal(localStorage.getItem(MUTE_KEY) === 'true');

export function setMuted(value: boolean): void {
  muted.value = value;
  localStorage.setItem(MUTE_KEY, String(value));
}

let context: AudioContext | null = null;

function unlock(): void {
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume();
}
window.addEventListener('pointerdown', unlock, { capture: true });
window.addEventListener('keydown', unlock, { capture: true });

function tone(audio: AudioContext, frequency: number, start: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(0.25, start + 0.03);
  gain.gain.exponentialRampToValueAtTime(0.001, start + 0.45);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(start);
  oscillator.stop(start + 0.5);
}

/** Plays the alert unless muted; returns whether it played (the page shows the alert anyway). */
export function soundFlagAlert(): boolean {
  if (muted.value || !context || context.state !== 'running') return false;
  const now = context.currentTime;
  tone(context, 660, now);
  tone(context, 880, now + 0.25);
  return true;
}
