/**
 * A start-up failure of local infrastructure, phrased as one line that says what to do.
 * The launcher's callers print `message` as is and exit non-zero.
 */
export class LocalInfraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalInfraError';
  }
}
