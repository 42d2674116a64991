import { describe, it, expect } from 'vitest';
import { ACTIONS, can, STAFF_ROLES, type Action } from './policy.js';

/** The whole matrix, written out: every role × every action, on no particular article. */
const EXPECTED: Record<(typeof STAFF_ROLES)[number] | 'reader', Action[]> = {
  owner: [...ACTIONS],
  editor: ACTIONS.filter((a) => a !== 'staff.manage' && a !== 'settings.manage'),
  author: ['dashboard.view', 'article.create', 'article.read', 'article.edit', 'article.submit', 'media.upload'],
  moderator: ['dashboard.view', 'comments.moderate'],
  reader: [],
};

describe('policy matrix', () => {
  for (const [role, allowed] of Object.entries(EXPECTED)) {
    for (const action of ACTIONS) {
      const expected = allowed.includes(action);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can({ id: 1, role: role as never }, action)).toBe(expected);
      });
    }
  }

  it('lets nobody act without an account', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it('limits an author to their own drafts, even with a guessed id', () => {
    const author = { id: 7, role: 'author' as const };
    expect(can(author, 'article.edit', { createdBy: 7, status: 'draft' })).toBe(true);
    expect(can(author, 'article.submit', { createdBy: 7, status: 'draft' })).toBe(true);
    expect(can(author, 'article.edit', { createdBy: 8, status: 'draft' })).toBe(false);
    expect(can(author, 'article.read', { createdBy: 8, status: 'draft' })).toBe(false);
    expect(can(author, 'article.edit', { createdBy: 7, status: 'review' })).toBe(false);
    expect(can(author, 'article.edit', { createdBy: 7, status: 'published' })).toBe(false);
    expect(can(author, 'article.read', { createdBy: 7, status: 'published' })).toBe(true);
    expect(can(author, 'article.publish', { createdBy: 7, status: 'draft' })).toBe(false);
  });

  it('lets editors act on anyone’s article in any state', () => {
    const editor = { id: 2, role: 'editor' as const };
    for (const status of ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const) {
      expect(can(editor, 'article.edit', { createdBy: 99, status })).toBe(true);
      expect(can(editor, 'article.publish', { createdBy: 99, status })).toBe(true);
    }
  });
});
