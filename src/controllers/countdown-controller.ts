import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * The time source and timers a {@link CountdownController} uses. The default is the system
 * clock; tests and stories pass a fake one to step time by hand.
 */
export interface CountdownClock {
  /** Current time in ms since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** `Date.now()` and the global timers. */
export const systemClock: CountdownClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Where a countdown stands. */
export type CountdownState = 'idle' | 'running' | 'done';

/** Options of a {@link CountdownController}. */
export interface CountdownOptions {
  /** Time source; default {@link systemClock}. */
  clock?: CountdownClock;
  /** Called once when a new target starts counting (not for a target already in the past). */
  onStart?: (remainingMs: number) => void;
  /** Called once when a running countdown reaches zero. */
  onEnd?: () => void;
}

/**
 * Counts down to a moment (a retry time) and re-renders its host once a second while it runs.
 *
 * The timer runs only while the host is connected: it stops in `hostDisconnected` and resumes
 * in `hostConnected`, so a removed element leaves no timer behind. Ticks are aligned to whole
 * seconds of the remaining time, so the visible clock does not drift.
 *
 * @example
 * ```ts
 * class Help extends LitElement {
 *   @property({type: Number}) retryAt?: number; // ms since the epoch
 *   private countdown = new CountdownController(this, {onEnd: () => this.announceEnd()});
 *   willUpdate(changed: PropertyValues<this>) {
 *     if (changed.has('retryAt')) this.countdown.setTarget(this.retryAt);
 *   }
 *   render() {
 *     const left = waitLeft(this.countdown.remaining); // e.g. {kind: 'minutes', minutes: 9, seconds: 57}
 *     return left.kind === 'minutes' ? html`あと ${left.minutes} 分 ${left.seconds} 秒` : nothing;
 *   }
 * }
 * ```
 */
export class CountdownController implements ReactiveController {
  /** The element this countdown renders. */
  readonly host: ReactiveControllerHost;
  private options: CountdownOptions;
  private target: number | undefined;
  private handle: unknown;
  private connected = false;
  private _state: CountdownState = 'idle';

  constructor(host: ReactiveControllerHost, options: CountdownOptions = {}) {
    this.options = options;
    (this.host = host).addController(this);
  }

  /** The clock in use; set it before {@link setTarget} to count with another time source. */
  get clock(): CountdownClock {
    return this.options.clock ?? systemClock;
  }

  set clock(clock: CountdownClock | undefined) {
    if (clock === this.options.clock) return;
    this.stopTimer();
    this.options = {...this.options, clock};
    this.schedule();
  }

  /** `idle` (no target), `running`, or `done` (the target has passed). */
  get state(): CountdownState {
    return this._state;
  }

  /** The moment counted to, in ms since the epoch. */
  get targetTime(): number | undefined {
    return this.target;
  }

  /** Milliseconds left (never negative); 0 when idle or done. */
  get remaining(): number {
    if (this.target === undefined) return 0;
    return Math.max(0, this.target - this.clock.now());
  }

  /**
   * Counts down to `at` (ms since the epoch), or stops counting when `at` is `undefined`.
   * Setting the same target again does nothing (no second `onStart`).
   */
  setTarget(at: number | undefined): void {
    if (at === this.target) return;
    this.stopTimer();
    this.target = at;
    if (at === undefined) {
      this._state = 'idle';
    } else if (this.remaining <= 0) {
      this._state = 'done';
    } else {
      this._state = 'running';
      this.options.onStart?.(this.remaining);
      this.schedule();
    }
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopTimer();
  }

  private schedule(): void {
    if (!this.connected || this._state !== 'running' || this.handle !== undefined) return;
    const remaining = this.remaining;
    // Wake at the next whole second of the remaining time (the clock shows whole seconds).
    const delay = remaining % 1000 || 1000;
    this.handle = this.clock.setTimeout(this.tick, Math.min(delay, remaining));
  }

  private stopTimer(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private tick = (): void => {
    this.handle = undefined;
    if (this._state !== 'running') return;
    if (this.remaining <= 0) {
      this._state = 'done';
      this.host.requestUpdate();
      this.options.onEnd?.();
      return;
    }
    this.host.requestUpdate();
    this.schedule();
  };
}
