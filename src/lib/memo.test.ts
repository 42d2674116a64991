import { describe, it, expect } from 'vitest';
import { EventBus } from './events.js';
import { EventMemo } from './memo.js';

describe('EventMemo', () => {
  it('computes once until an event, then again', async () => {
    const events = new EventBus();
    const memo = new EventMemo<number>(events);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await memo.get('a', compute)).toBe(1);
    expect(await memo.get('a', compute)).toBe(1);
    events.emit({ type: 'settings.changed' });
    expect(await memo.get('a', compute)).toBe(2);
  });

  it('forgets failures and stays bounded', async () => {
    const events = new EventBus();
    const memo = new EventMemo<number>(events, 2);
    await expect(memo.get('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await memo.get('x', async () => 7)).toBe(7);
    await memo.get('y', async () => 1);
    await memo.get('z', async () => 2);
    let recomputed = false;
    await memo.get('x', async () => {
      recomputed = true;
      return 8;
    });
    expect(recomputed).toBe(true);
  });
});
