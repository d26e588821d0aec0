/**
 * At most one log line per `everyMs` about a recurring event (requests shed, Meilisearch failing):
 * each line says how many times it happened since the previous one, so a flood of refusals leaves
 * a few lines, not one per request.
 */
export class ThrottledLog {
  private occurrences = 0;
  private last = -Infinity;

  constructor(
    private readonly everyMs = 10000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts one occurrence; calls `emit` with the count (this one included) when a line is due. */
  note(emit: (occurrences: number, sinceMs: number | null) => void): void {
    this.occurrences += 1;
    const now = this.now();
    if (now - this.last < this.everyMs) return;
    emit(this.occurrences, Number.isFinite(this.last) ? Math.round(now - this.last) : null);
    this.last = now;
    this.occurrences = 0;
  }
}
