/**
 * The typed client (DESIGN §3, §7). Pages call `call('org.me', {})`; never the adapter.
 * Only types come from shared/api: zod stays out of the mini-program bundle.
 */
import type { ActionInput, ActionName, ActionOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import { invoke } from '../cloud';

export type { ActionInput, ActionName, ActionOutput, Envelope };
export type { ApiError } from '../../../shared/api/envelope';
export type { LedgerEntryView, RankingRow, RuleView } from '../../../shared/api/contract';
export type { LessonView, StudyPushView, NoteView, CommentView, MeetingView, AttendanceRow, CheckinView, PledgeView, ActivityView, TaskView, ProjectView, VolunteerActivityView, TargetView, AgreementView } from '../../../shared/api/contract';

/** `org.me` → function `org`, event `{action: 'me', input}` (same rule as shared splitAction). */
export function route(action: string): { functionName: string; action: string } {
  const dot = action.indexOf('.');
  return { functionName: action.slice(0, dot), action: action.slice(dot + 1) };
}

export async function call<A extends ActionName>(action: A, input: ActionInput<A>): Promise<Envelope<ActionOutput<A>>> {
  const { functionName, action: name } = route(action);
  const envelope = await invoke(functionName, { action: name, input });
  return envelope as Envelope<ActionOutput<A>>;
}
