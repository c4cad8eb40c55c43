import type { TCommAction, TCommActionInput } from '../../../contracts/website-plan.js';
import { orNull } from '../../ui/forms/values.js';

/** An action of the communication plan as its form holds it (strings, as inputs do) and the body it sends. */
export interface PlanActionValues {
  title: string;
  plannedOn: string;
  channel: string;
  audience: string;
  languages: string[];
  /** The promoted item's id; empty for none. */
  pageId: string;
  note: string;
  /** Empty while not done. */
  doneOn: string;
  /** People reached, typed; empty when not known. */
  reach: string;
}

/** A new action starts on the given day (today, or the day chosen), in Italian. */
export function actionToValues(action: TCommAction | null, day = ''): PlanActionValues {
  return {
    title: action?.title ?? '',
    plannedOn: action?.plannedOn ?? day,
    channel: action?.channel ?? '',
    audience: action?.audience ?? '',
    languages: action ? [...action.languages] : ['it'],
    pageId: action?.pageId ?? '',
    note: action?.note ?? '',
    doneOn: action?.doneOn ?? '',
    reach: action?.reach === null || action?.reach === undefined ? '' : String(action.reach),
  };
}

export function planToInput(v: PlanActionValues): TCommActionInput {
  const reach = v.reach.trim();
  return {
    title: v.title.trim(),
    plannedOn: v.plannedOn,
    channel: v.channel as TCommActionInput['channel'],
    audience: v.audience as TCommActionInput['audience'],
    languages: v.languages as TCommActionInput['languages'],
    pageId: orNull(v.pageId),
    note: v.note.trim(),
    doneOn: orNull(v.doneOn),
    reach: reach === '' ? null : Number(reach),
  };
}
