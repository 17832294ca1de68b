/** The speaker view's time: how long the talk has run (restartable) and the time of day. */

/** 754 s as 0:12:34. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export class SpeakerClock {
  private since = 0;
  private ticking: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly timer: HTMLElement,
    private readonly clock: HTMLElement,
  ) {}

  /** Starts counting from now (again, when it already runs). */
  restart(): void {
    this.since = Date.now();
    this.ticking ??= setInterval(() => this.draw(), 1000);
    this.draw();
  }

  private draw(): void {
    this.timer.textContent = formatElapsed(Date.now() - this.since);
    this.clock.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
}
