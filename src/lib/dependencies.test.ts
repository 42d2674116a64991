import { describe, expect, it } from 'vitest';
import { changeOf, Dependencies, isEmpty } from './dependencies.js';
import type { ArticleFootprint } from './events.js';

const live = (over: Partial<NonNullable<ArticleFootprint>> = {}): NonNullable<ArticleFootprint> => ({
  slug: 'paromy',
  publishedAt: '2024-04-11T07:00:00.000Z',
  rubricIds: [1],
  tagIds: [7],
  authorIds: [2],
  translationIds: [9],
  ...over,
});

const tagsOf = (event: Parameters<typeof changeOf>[0]) => {
  const change = changeOf(event);
  return change === 'all' ? 'all' : [...change.tags].sort();
};

describe('what an event changed', () => {
  it('an edit that keeps an article in its lists and its place in time: the article and its translations', () => {
    expect(tagsOf({ type: 'article.published', articleId: 5, before: live(), after: live() })).toEqual(['article:5', 'article:9']);
  });

  it('an edit that moves it between lists: the lists it left and joined, not those it stays in', () => {
    const event = { type: 'article.published', articleId: 5, before: live({ rubricIds: [1, 3] }), after: live({ rubricIds: [1, 4], tagIds: [7, 8] }) } as const;
    expect(tagsOf(event)).toEqual(['article:5', 'article:9', 'rubric:3', 'rubric:4', 'tag:8']);
  });

  it('a publication: the home page, every list it joins, the new address and its instant', () => {
    const change = changeOf({ type: 'article.published', articleId: 5, before: null, after: live() });
    expect(change !== 'all' && [...change.tags].sort()).toEqual(['article:5', 'article:9', 'author:2', 'home', 'rubric:1', 'slugs', 'tag:7']);
    expect(change !== 'all' && change.instants).toEqual([Date.parse('2024-04-11T07:00:00Z')]);
  });

  it('a change to an article no reader saw: only its own entries (the editors’ address lookups)', () => {
    expect(tagsOf({ type: 'article.updated', articleId: 5, before: null, after: null })).toEqual(['article:5']);
  });

  it('a rubric: its pages and the navigation; a tag: its pages only; nothing named: nothing', () => {
    expect(tagsOf({ type: 'taxonomy.changed', rubricIds: [3], tagIds: [] })).toEqual(['nav', 'rubric:3']);
    expect(tagsOf({ type: 'taxonomy.changed', rubricIds: [], tagIds: [7] })).toEqual(['tag:7']);
    expect(isEmpty(changeOf({ type: 'taxonomy.changed', rubricIds: [], tagIds: [] }))).toBe(true);
  });

  it('settings and missed events: everything', () => {
    expect(changeOf({ type: 'settings.changed' })).toBe('all');
    expect(changeOf({ type: 'events.missed' })).toBe('all');
  });
});

describe('Dependencies', () => {
  it('is affected by a tag it holds, an instant inside one of its spans, or either in a part it shares', () => {
    const nav = new Dependencies().tag('nav');
    const page = new Dependencies().tag('article:1').span('2024-04-01T00:00:00Z', null).add(nav);
    const change = (tags: string[], instants: string[] = []) => ({ tags: new Set(tags), instants: instants.map(Date.parse) });
    expect(page.affectedBy(change(['article:1']))).toBe(true);
    expect(page.affectedBy(change(['nav']))).toBe(true);
    expect(page.affectedBy(change(['article:2'], ['2030-01-01T00:00:00Z']))).toBe(true);
    expect(page.affectedBy(change(['article:2'], ['2024-03-31T23:59:59Z']))).toBe(false);
    expect(page.affectedBy('all')).toBe(true);
  });
});
