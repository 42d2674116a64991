import { describe, it, expect } from 'vitest';
import { EventBus } from './events.js';
import { EventMemo } from './memo.js';
import { Dependencies } from './dependencies.js';

const byKey = (tag: string) => () => new Dependencies().tag(tag);

describe('EventMemo', () => {
  it('computes once until an event, then again', async () => {
    const events = new EventBus();
    const memo = new EventMemo<number>(events, byKey('a'));
    let calls = 0;
    const compute = async () => ++calls;
    expect(await memo.get('a', compute)).toBe(1);
    expect(await memo.get('a', compute)).toBe(1);
    events.emit({ type: 'settings.changed' });
    expect(await memo.get('a', compute)).toBe(2);
  });

  it('forgets only the entries an event concerns, and any still being computed', async () => {
    const events = new EventBus();
    const memo = new EventMemo<string>(events, (value) => new Dependencies().tag(value));
    let calls = 0;
    const compute = (value: string) => async () => {
      calls++;
      return value;
    };
    await memo.get('x', compute('article:1'));
    await memo.get('y', compute('article:2'));
    let release!: (v: string) => void;
    const pending = memo.get('z', () => new Promise((resolve) => (release = resolve)));
    events.emit({ type: 'article.updated', articleId: 1, before: null, after: null });
    calls = 0;
    await memo.get('x', compute('article:1'));
    await memo.get('y', compute('article:2'));
    expect(calls).toBe(1);
    release('article:3');
    await pending;
    let recomputed = false;
    await memo.get('z', async () => ((recomputed = true), 'article:3'));
    expect(recomputed).toBe(true);
  });

  it('forgets failures and stays bounded', async () => {
    const events = new EventBus();
    const memo = new EventMemo<number>(events, byKey('a'), 2);
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

  it('drops the least recently used entry when full, and only that one', async () => {
    const events = new EventBus();
    const memo = new EventMemo<string>(events, byKey('a'), 3);
    const computed: string[] = [];
    const get = (key: string) =>
      memo.get(key, async () => {
        computed.push(key);
        return key;
      });
    for (const key of ['x', 'y', 'z', 'x', 'w', 'x', 'z']) await get(key);
    expect(computed).toEqual(['x', 'y', 'z', 'w']);
    await get('y');
    expect(computed).toEqual(['x', 'y', 'z', 'w', 'y']);
  });
});
