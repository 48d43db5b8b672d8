// Handlers of the strategy domain's channels: thin adapters from the contract to the strategy services.
import type { HandlerSlice } from './handlers';
import * as act from '../services/strategy/actions';
import * as ind from '../services/strategy/indicators';
import { today } from '../services/strategy/common';
import { collectReminders } from '../services/reminders';

export const strategyHandlers: HandlerSlice<
  | 'actions:create'
  | 'actions:update'
  | 'actions:updateProgress'
  | 'actions:move'
  | 'actions:archive'
  | 'actions:delete'
  | 'actions:addMilestone'
  | 'actions:updateMilestone'
  | 'actions:deleteMilestone'
  | 'actions:addFunding'
  | 'actions:updateFunding'
  | 'actions:deleteFunding'
  | 'indicators:create'
  | 'indicators:update'
  | 'indicators:delete'
  | 'indicators:addMeasurement'
  | 'indicators:deleteMeasurement'
  | 'reminders:list'
> = {
  'actions:create': (i, ctx) => act.createAction(ctx, i),
  'actions:update': (i, ctx) => act.updateAction(ctx, i.id, i.patch),
  'actions:updateProgress': (i, ctx) => act.updateActionProgress(ctx, i.id, i.update),
  'actions:move': (i, ctx) => act.moveActions(ctx, i.ids, i.objectiveId || undefined),
  'actions:archive': (i, ctx) => act.archiveAction(ctx, i.id, i.archived),
  'actions:delete': (i, ctx) => act.deleteAction(ctx, i.id),
  'actions:addMilestone': (i, ctx) => act.addMilestone(ctx, i.id, i.milestone),
  'actions:updateMilestone': (i, ctx) => act.updateMilestone(ctx, i.id, i.milestoneId, i.patch),
  'actions:deleteMilestone': (i, ctx) => act.deleteMilestone(ctx, i.id, i.milestoneId),
  'actions:addFunding': (i, ctx) => act.addFunding(ctx, i.id, i.funding),
  'actions:updateFunding': (i, ctx) => act.updateFunding(ctx, i.id, i.fundingId, i.patch),
  'actions:deleteFunding': (i, ctx) => act.deleteFunding(ctx, i.id, i.fundingId),
  'indicators:create': (i, ctx) => ind.createIndicator(ctx, i.actionId, i.indicator),
  'indicators:update': (i, ctx) => ind.updateIndicator(ctx, i.actionId, i.indicatorId, i.patch),
  'indicators:delete': (i, ctx) => ind.deleteIndicator(ctx, i.actionId, i.indicatorId),
  'indicators:addMeasurement': (i, ctx) => ind.addMeasurement(ctx, i.actionId, i.indicatorId, i.measurement),
  'indicators:deleteMeasurement': (i, ctx) => ind.deleteMeasurement(ctx, i.actionId, i.indicatorId, i.measurementId),
  'reminders:list': (i, ctx) => collectReminders(ctx, i?.today ?? today(ctx)),
};
