// Bridge from meetings to the plan: creating an action decided in a meeting and updating one discussed there.
import { meetings as t } from '../../../shared/i18n/meetings';
import type { Action, ActionStatus, Datastore } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { createActionIn, updateActionProgressIn } from '../strategy/actions';

export interface PlanActionDraft {
  title: string;
  objectiveId?: string;
  pilotOrganisationId?: string;
  dueDate?: string;
  followingInstanceId?: string;
  comment: string;
}

function activePeriodId(data: Datastore): string {
  const p = data.periods.find((x) => x.id === data.settings.activePeriodId && x.status === 'active') ?? data.periods.find((x) => x.status === 'active');
  if (!p) throw new DomainError('conflict', t.errors.actionNeedsPeriod);
  return p.id;
}

/** Checks a draft against the datastore before anything is written (French errors). */
export function checkDraft(data: Datastore, draft: PlanActionDraft): void {
  activePeriodId(data);
  if (draft.objectiveId && !data.objectives.some((o) => o.id === draft.objectiveId)) throw new DomainError('not_found', t.errors.objectiveUnknown, 'objectiveId');
  if (draft.pilotOrganisationId && !data.organisations.some((o) => o.id === draft.pilotOrganisationId)) {
    throw new DomainError('not_found', t.errors.organisationUnknown, 'pilotOrganisationId');
  }
}

/**
 * Adds the action to the plan inside the caller's store mutation (one durable write with the decision),
 * through the strategy service, with a journal entry pointing to the meeting.
 */
export function createPlanActionIn(data: Datastore, ctx: ServiceContext, draft: PlanActionDraft, meetingId: string): Action {
  checkDraft(data, draft);
  const action = createActionIn(
    ctx,
    data,
    {
      title: draft.title.slice(0, 300),
      ...(draft.objectiveId ? { objectiveId: draft.objectiveId } : {}),
      ...(draft.pilotOrganisationId ? { pilot: { organisationId: draft.pilotOrganisationId } } : {}),
      ...(draft.dueDate ? { endDate: draft.dueDate } : {}),
      ...(draft.followingInstanceId ? { followingInstanceId: draft.followingInstanceId } : {}),
    },
    { meetingId },
  );
  const created = action.journal[0];
  if (created && !created.comment) created.comment = draft.comment;
  return action;
}

export interface PlanActionUpdate {
  status?: ActionStatus;
  progress?: number;
  comment?: string;
}

export function checkActionUpdate(data: Datastore, actionId: string): Action {
  const a = data.actions.find((x) => x.id === actionId);
  if (!a) throw new DomainError('not_found', t.errors.actionUnknown, 'actionId');
  const p = data.periods.find((x) => x.id === a.periodId);
  if (p && p.status === 'closed') throw new DomainError('forbidden', t.errors.actionArchived);
  return a;
}

/** Updates a plan action from a meeting (status, progress, comment), journalled with the meeting's id. */
export function updatePlanActionIn(data: Datastore, ctx: ServiceContext, actionId: string, update: PlanActionUpdate, meetingId: string): Action {
  checkActionUpdate(data, actionId);
  return updateActionProgressIn(ctx, data, actionId, {
    ...(update.status ? { status: update.status } : {}),
    ...(update.progress !== undefined ? { progress: update.progress } : {}),
    ...(update.comment ? { comment: update.comment.slice(0, 5000) } : {}),
    meetingId,
  });
}
