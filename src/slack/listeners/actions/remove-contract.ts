import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { problemText } from '../../../conversation/errors.js';
import { isStoreError } from '../../../store/index.js';
import { homeWords } from '../../../text/home-words.js';
import { languageOfLocale } from '../../../text/script.js';
import { refusalFor } from '../../actor.js';
import { slackApi } from '../../api.js';
import { readerLocale, userZoneOf, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../publish-home.js';

class Refused extends Error {}

/** "Remove" beside a contract on the Home tab (Slack asks for confirmation first); the tab says what happened. */
export function removeContract(deps: SlackDeps) {
  return async ({ ack, body, action, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const id = Number(action.value);
    // the note is shown on the reader's tab, in their language (the tab converts it to their script)
    const locale = await readerLocale(deps, client, workspaceId, body.user.id);
    const lang = languageOfLocale(locale);
    const w = homeWords(lang);
    const refused = await refusalFor(
      deps,
      client,
      { workspaceId, enterpriseId: context.enterpriseId, userId: body.user.id, userTeamId: body.user.team_id },
      'contract',
      locale,
    );
    let note: string;
    try {
      if (refused) throw new Refused(refused);
      note = (await deps.store.removeContract(workspaceId, id)) ? w.removed(id) : w.alreadyGone(id);
    } catch (error) {
      if (isStoreError(error)) note = problemText(error, lang);
      else if (error instanceof Refused) note = error.message;
      else throw error;
    }
    const zone = await userZoneOf(deps, client, workspaceId, body.user.id);
    await publishHome(deps, client, workspaceId, body.user.id, zone, [note]);
  };
}
