import type { StoreContext } from './context.js';

/**
 * Whether this workspace has the contract or case `id`: the check before a row points at a parent, so that an id
 * of another workspace behaves as if it did not exist (the composite foreign keys refuse it too, but without a
 * message a person can act on). Callers say what is missing in their own words.
 */
export async function workspaceHas(
  ctx: StoreContext,
  table: 'contracts' | 'cases',
  workspaceId: string,
  id: number,
): Promise<boolean> {
  const row = await ctx
    .q()
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
