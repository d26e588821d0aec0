import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { SearchReplicas } from '#libs/search';
import { ReadinessState } from './readiness-state.js';

type CheckResult = { status: 'up' | 'down'; ms: number; error?: string };

async function timed(check: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', ms: Date.now() - started };
  } catch (error) {
    return { status: 'down', ms: Date.now() - started, error: (error as Error).message.slice(0, 120) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness says the process answers; readiness says its dependencies do and it is not shutting
 * down (503 otherwise).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly search: SearchReplicas,
    private readonly readiness: ReadinessState,
  ) {}

  @Get('live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: 'up' | 'down' | 'draining'; checks: Record<string, CheckResult> }> {
    if (this.readiness.draining) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'draining', checks: {} };
    }
    // 1 s, like a Kubernetes probe's default timeout: a dependency that needs longer is not ready.
    const [postgres, meilisearch] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1'), 1000),
      timed(() => this.search.health(), 1000), // any replica: the API spreads searches across those that answer
    ]);
    const status = postgres.status === 'up' && meilisearch.status === 'up' ? 'up' : 'down';
    res.status(status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, checks: { postgres, meilisearch } };
  }
}
