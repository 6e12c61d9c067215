/**
 * A wall clock for the app under test (createApp's `now`): real time until the test freezes it; from then on it
 * moves only when the test advances it, so a wait (the unlock throttle, the idle lock) ends when the test says,
 * the same on an idle or a loaded machine, and no test sits out a real wait.
 */
export class TestClock {
  private frozen: number | null = null;

  readonly now = (): number => this.frozen ?? Date.now();

  freeze(): void {
    this.frozen ??= Date.now();
  }

  advance(ms: number): void {
    if (this.frozen === null) throw new Error('freeze the clock before advancing it');
    this.frozen += ms;
  }
}
