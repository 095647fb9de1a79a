/**
 * The defence timer, pure: a presentation runs from `startedAt` to `deadline`, both set by the
 * server; the browser counts on the server's clock (its own clock may be minutes off), from the
 * server time of the last answer and the moment that answer arrived.
 */

/** The server's clock minus the browser's (ms), from an answer's server time and when it arrived. */
export function clockSkew(serverNow: string | null | undefined, receivedAt: number): number {
  const t = serverNow ? Date.parse(serverNow) : Number.NaN;
  return Number.isNaN(t) || !receivedAt ? 0 : t - receivedAt;
}

/** Whole seconds left until `deadline` on the server's clock; negative once over time. */
export function secondsLeft(deadline: string, browserNow: number, skew: number): number {
  const ms = Date.parse(deadline) - (browserNow + skew);
  return ms >= 0 ? Math.ceil(ms / 1000) : -Math.floor(-ms / 1000);
}

/** `mm:ss` (`h:mm:ss` from an hour), with a leading `+` over time: 125 → 02:05, −5 → +00:05. */
export function clockText(seconds: number): string {
  const over = seconds < 0;
  const s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${over ? '+' : ''}${h ? `${h}:` : ''}${mm}:${ss}`;
}

export type TimerTone = 'normal' | 'warning' | 'over';

/** How the clock looks: amber in the last minute, red over time. */
export const timerTone = (seconds: number): TimerTone =>
  seconds < 0 ? 'over' : seconds <= 60 ? 'warning' : 'normal';

/** The share of the presentation's time gone, 0–1 (for the progress bar). */
export function elapsedShare(startedAt: string, deadline: string, browserNow: number, skew: number): number {
  const from = Date.parse(startedAt);
  const to = Date.parse(deadline);
  if (!(to > from)) return 1;
  return Math.min(1, Math.max(0, (browserNow + skew - from) / (to - from)));
}
