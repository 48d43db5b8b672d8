// Handlers of the strategy domain's channels: thin adapters from the contract to the strategy services.
import type { HandlerSlice } from './handlers';
import * as act from '../services/strategy/actions';
import * as ind from '../services/strategy/indicators';
import * as per from '../services/strategy/periods';
import * as st from '../services/strategy/structure';
import * as views from '../services/strategy/views';
import { today } from '../services/strategy/common';
import { collectReminders } from '../services/reminders';

export const strategyHandlers: HandlerSlice<
  | 'strategy:periods'
  | 'strategy:createPeriod'
  | 'strategy:closePeriod'
  | 'strategy:archive'
  | 'strategy:searchArchives'
  | 'strategy:tree'
  | 'strategy:actions'
  | 'axes:list'
  | 'axes:create'
  | 'axes:update'
  | 'axes:reorder'
  | 'axes:archive'
  | 'axes:page'
  | 'objectives:create'
  | 'objectives:update'
  | 'objectives:reorder'
  | 'objectives:move'
  | 'objectives:archive'
  | 'objectives:delete'
  | 'actions:get'
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
  | 'actions:addAttachment'
  | 'actions:openAttachment'
  | 'actions:deleteAttachment'
  | 'indicators:create'
  | 'indicators:update'
  | 'indicators:delete'
  | 'indicators:addMeasurement'
  | 'indicators:deleteMeasurement'
  | 'dashboard:get'
  | 'reminders:list'
> = {
  'strategy:periods': (_i, ctx) => per.listPeriods(ctx),
  'strategy:createPeriod': (i, ctx) => per.createPeriod(ctx, i),
  'strategy:closePeriod': (i, ctx) => per.closePeriod(ctx, i.id),
  'strategy:archive': (i, ctx) => per.readArchive(ctx, i.id),
  'strategy:searchArchives': (i, ctx) => per.searchArchives(ctx, i.query),
  'strategy:tree': (i, ctx) => views.planTree(ctx, i?.periodId),
  'strategy:actions': (i, ctx) => views.listActionRows(ctx, i ?? {}),
  'axes:list': (i, ctx) => st.listAxes(ctx, i ?? {}),
  'axes:create': (i, ctx) => st.createAxis(ctx, i),
  'axes:update': (i, ctx) => st.updateAxis(ctx, i.id, i.patch),
  'axes:reorder': (i, ctx) => st.reorderAxes(ctx, i.ids),
  'axes:archive': (i, ctx) => st.archiveAxis(ctx, i.id, i.archived),
  'axes:page': (i, ctx) => views.axisPage(ctx, i.id, i.today),
  'objectives:create': (i, ctx) => st.createObjective(ctx, i.axisId, i),
  'objectives:update': (i, ctx) => st.updateObjective(ctx, i.id, i.patch),
  'objectives:reorder': (i, ctx) => st.reorderObjectives(ctx, i.axisId, i.ids),
  'objectives:move': (i, ctx) => st.moveObjective(ctx, i.id, i.axisId),
  'objectives:archive': (i, ctx) => st.archiveObjective(ctx, i.id, i.archived),
  'objectives:delete': (i, ctx) => st.deleteObjective(ctx, i.id),
  'actions:get': (i, ctx) => views.actionDetail(ctx, i.id),
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
  'actions:addAttachment': (i, ctx) => act.addAttachment(ctx, i.id, i.label),
  'actions:openAttachment': (i, ctx) => act.openAttachment(ctx, i.id, i.attachmentId),
  'actions:deleteAttachment': (i, ctx) => act.deleteAttachment(ctx, i.id, i.attachmentId),
  'indicators:create': (i, ctx) => ind.createIndicator(ctx, i.actionId, i.indicator),
  'indicators:update': (i, ctx) => ind.updateIndicator(ctx, i.actionId, i.indicatorId, i.patch),
  'indicators:delete': (i, ctx) => ind.deleteIndicator(ctx, i.actionId, i.indicatorId),
  'indicators:addMeasurement': (i, ctx) => ind.addMeasurement(ctx, i.actionId, i.indicatorId, i.measurement),
  'indicators:deleteMeasurement': (i, ctx) => ind.deleteMeasurement(ctx, i.actionId, i.indicatorId, i.measurementId),
  'dashboard:get': (i, ctx) => views.dashboard(ctx, i?.today),
  'reminders:list': (i, ctx) => collectReminders(ctx, i?.today ?? today(ctx)),
};
