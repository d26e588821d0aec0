import type { EntityManager } from 'typeorm';

/** Appends to the history of a need: who did what, when (in the caller's transaction). */
export async function recordEvent(
  manager: EntityManager,
  event: { needId: string; actorId: string | null; action: string; introductionId?: string; details?: Record<string, unknown> },
): Promise<void> {
  await manager.query(`INSERT INTO sourcing_events (need_id, introduction_id, actor_id, action, details) VALUES ($1, $2, $3, $4, $5)`, [
    event.needId,
    event.introductionId ?? null,
    event.actorId,
    event.action,
    JSON.stringify(event.details ?? {}),
  ]);
}
