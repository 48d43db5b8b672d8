// Small promise helpers: a mutex (one critical section at a time in this process) and a coalesced refresh.
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * Runs `task` for many callers at once: a caller waits for a run that STARTED after it asked (so it sees
 * everything done before its call), but callers arriving during one run share the next one.
 */
export class Coalesced {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly task: () => Promise<void>) {}

  run(): Promise<void> {
    if (!this.running) {
      const p = this.task().finally(() => {
        if (this.running === p) this.running = null;
      });
      this.running = p;
      return p;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.run();
      });
    return this.next;
  }
}
