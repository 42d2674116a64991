import { describe, expect, it } from 'vitest';
import { TaskQueue } from './task-queue.js';

/** A task that runs until `release()` is called, noting when it starts. */
function gated(started: number[], id: number) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { release, task: async () => (started.push(id), await done, id) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('TaskQueue', () => {
  it('runs at most `limit` tasks at once, the others in order of arrival, and finishes them all', async () => {
    const queue = new TaskQueue(2);
    const started: number[] = [];
    const tasks = [1, 2, 3, 4, 5].map((id) => gated(started, id));
    const results = tasks.map((t) => queue.run(t.task));
    await tick();
    expect(started).toEqual([1, 2]);
    expect(queue.size).toEqual({ running: 2, waiting: 3 });

    tasks[1]!.release();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    expect(queue.size).toEqual({ running: 2, waiting: 2 });

    for (const t of tasks) t.release();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('gives the place of a failed task to the next one', async () => {
    const queue = new TaskQueue(1);
    const failed = queue.run(async () => {
      throw new Error('broken image');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('broken image');
    expect(await next).toBe('next');
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a limit below 1', () => {
    expect(() => new TaskQueue(0)).toThrow(RangeError);
  });
});
