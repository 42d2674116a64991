/**
 * A command's first step: the article's row, locked until the command's transaction ends, and the actor's right to
 * act on it decided on that row, so that an owner or status changed meanwhile cannot slip past the policy.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Action, Actor } from '../accounts/policy.js';
import { articleNotFound, assertAllowed } from './rules.js';
import { lockArticleRow, type ArticleRow } from './command-store.js';

/** Who is acting and what the policy must allow them; absent for the system's own commands (the demo, imports, the scheduler). */
export interface ActorCheck {
  actor: Actor;
  action: Action;
}

export async function lockedAndAllowed(trx: Transaction<Database>, id: number, check: ActorCheck | undefined): Promise<ArticleRow> {
  const row = await lockArticleRow(trx, id);
  if (!row) throw articleNotFound(id);
  if (check) assertAllowed(check.actor, check.action, { createdBy: row.created_by, status: row.status });
  return row;
}
