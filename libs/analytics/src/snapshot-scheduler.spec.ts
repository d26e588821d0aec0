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
    jest.useFakeTimers(); // the clock is the test's: a busy machine cannot make a tick late
    try {
      const scheduler = new SnapshotScheduler(snapshots, 0.0005, 5); // every 30 ms
      scheduler.start();
      await jest.advanceTimersByTimeAsync(4);
      expect(calls).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(calls).toEqual(['refresh']); // the first delay
      await jest.advanceTimersByTimeAsync(30);
      expect(calls).toEqual(['refresh', 'refresh']); // the failure did not stop it; the second is still running
      await jest.advanceTimersByTimeAsync(90);
      expect(calls).toEqual(['refresh', 'refresh']); // ticks while it runs start nothing
      const stopped = scheduler.stop();
      let resolved = false;
      void stopped.then(() => (resolved = true));
      await jest.advanceTimersByTimeAsync(50);
      expect(resolved).toBe(false);
      finish();
      await stopped;
      await jest.advanceTimersByTimeAsync(100);
    } finally {
      jest.useRealTimers();
    }
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
