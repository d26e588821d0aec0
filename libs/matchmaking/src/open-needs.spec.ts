import { describe, expect, it } from '@jest/globals';
import type { NeedRepository, SourcingNeedEntity } from '#libs/sourcing';
import { MAX_HELD, OpenNeedMemory } from './open-needs.js';

/** A repository holding needs by id, counting which ids each load asked for. */
function fakeRepository() {
  const rows = new Map<string, SourcingNeedEntity>();
  const loads: string[][] = [];
  const repository = {
    findByIds: (ids: string[]) => {
      loads.push(ids);
      return Promise.resolve(ids.map((id) => rows.get(id)).filter((n): n is SourcingNeedEntity => !!n));
    },
  } as unknown as NeedRepository;
  const write = (id: string, version: number, status = 'OPEN') => rows.set(id, { id, version, status } as SourcingNeedEntity);
  return { repository, loads, write };
}

const listed = (id: string, version: number) => ({ id, version, buyerShown: true });

describe('OpenNeedMemory: open needs held between matchNeeds calls, by id and version', () => {
  it('loads a need when new or at another version, in the order listed, and leaves out one no longer open', async () => {
    const { repository, loads, write } = fakeRepository();
    const memory = new OpenNeedMemory(repository);
    write('a', 1);
    write('b', 1);
    expect((await memory.current([listed('a', 1), listed('b', 1)])).map((h) => h.need.id)).toEqual(['a', 'b']);
    expect(await memory.current([listed('b', 1), listed('a', 1)]).then((held) => held.map((h) => h.need.id))).toEqual(['b', 'a']);
    expect(loads).toEqual([['a', 'b']]);
    write('b', 2, 'CLOSED');
    expect((await memory.current([listed('a', 1), listed('b', 2)])).map((h) => h.need.id)).toEqual(['a']);
    expect(loads.at(-1)).toEqual(['b']);
  });

  it('when full, starts again without losing the needs it already held at their version', async () => {
    const { repository, write } = fakeRepository();
    const memory = new OpenNeedMemory(repository);
    const ids = Array.from({ length: MAX_HELD }, (_, i) => `n${i}`);
    for (const id of ids) write(id, 1);
    await memory.current(ids.map((id) => listed(id, 1)));
    expect(memory.size).toBe(MAX_HELD);
    write('new', 1);
    const held = await memory.current([listed('n0', 1), listed('new', 1), listed('n1', 1)]);
    expect(held.map((h) => h.need.id)).toEqual(['n0', 'new', 'n1']);
  });
});
