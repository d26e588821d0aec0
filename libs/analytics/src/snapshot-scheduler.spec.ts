import { describe, expect, it, jest } from '@jest/globals';
import { SnapshotScheduler } from './snapshot-scheduler.js';
import type { SupplySnapshotService } from './supply-snapshot.service.js';

function fakeSnapshots(refresh: () => Promise<null>) {
  return { refresh: jest.fn(refresh) } as unknown as SupplySnapshotService & { refresh: jest.Mock };
}

describe('SnapshotScheduler', () => {
  it('refreshes after the first delay, keeps going after a failure, and waits for a refresh in progress when stopped', async () => {
    let finish!: () => void;
    const calls: string[] = [];
    const snapshots = fakeSnapshots(async () => {
      calls.push('refresh');
      if (calls.length === 1) throw new Error('database down');
      await new Promise<void>((resolve) => (finish = resolve));
      calls.push('done');
      return null;
    });
    const scheduler = new SnapshotScheduler(snapshots, 0.0005, 5); // every 30 ms
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toEqual(['refresh', 'refresh']); // the failure did not stop it; the second is still running
    const stopped = scheduler.stop();
    let resolved = false;
    void stopped.then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resolved).toBe(false);
    finish();
    await stopped;
    expect(calls).toEqual(['refresh', 'refresh', 'done']); // no tick overlapped the running refresh, none after stop
  });

  it('does nothing when the interval is 0', async () => {
    const snapshots = fakeSnapshots(async () => null);
    const scheduler = new SnapshotScheduler(snapshots, 0, 1);
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await scheduler.stop();
    expect(snapshots.refresh).not.toHaveBeenCalled();
  });
});
