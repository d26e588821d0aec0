import { Injectable } from '@nestjs/common';

/**
 * Whether this process still wants traffic. The API's shutdown marks it draining before it stops
 * listening, so a load balancer that probes readiness over a kept-alive connection takes the
 * instance out of rotation instead of sending it new requests while it closes.
 */
@Injectable()
export class ReadinessState {
  private drainingSince: Date | undefined;

  markDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }
}
