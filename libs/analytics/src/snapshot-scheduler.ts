import { logger } from '#libs/core';
import type { SupplySnapshotService } from './supply-snapshot.service.js';

/**
 * Refreshes the supply snapshot soon after start and then every `minutes`; a failed refresh is
 * logged and retried at the next tick. Several processes may run one: the snapshot's advisory lock
 * lets only one compute at a time.
 */
export class SnapshotScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly snapshots: SupplySnapshotService,
    private readonly minutes: number,
    private readonly firstDelayMs = 5000,
  ) {}

  start(): void {
    if (this.minutes <= 0 || this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.snapshots
        .refresh()
        .catch((error: unknown) => logger.emit('error', 'supply snapshot refresh failed', { error }, 'Analytics'))
        .finally(() => (this.running = undefined));
    };
    this.timer = setTimeout(() => {
      tick();
      this.timer = setInterval(tick, this.minutes * 60_000);
      this.timer.unref();
    }, this.firstDelayMs);
    this.timer.unref();
  }

  /** Stops ticking and waits for a refresh in progress (its transaction commits or rolls back). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
