// Handlers of the meetings domain's channels: instances, memberships, meetings, agenda, attendance, live mode.
import * as ins from '../services/instances';
import * as gov from '../services/instances/governance';
import * as mtg from '../services/meetings';
import type { meetingsContract } from '../../shared/contract/meetings';
import type { HandlerSlice } from './handlers';
import { revealTexts } from '../services/meetings/texts';

type MeetingsChannel = keyof typeof meetingsContract;

const handlers: HandlerSlice<MeetingsChannel> = {
  'instances:list': (i, ctx) => ins.listInstances(ctx, i),
  'instances:get': (i, ctx) => ins.instanceDetail(ctx, i.id, i.date),
  'instances:create': (i, ctx) => ins.createInstance(ctx, i),
  'instances:quickCell': (i, ctx) => ins.quickCell(ctx, i),
  'instances:update': (i, ctx) => ins.updateInstance(ctx, i.id, i.patch),
  'instances:close': (i, ctx) => ins.closeInstance(ctx, i.id, i.closedAt, i.reason),
  'instances:reopen': (i, ctx) => ins.reopenInstance(ctx, i.id),
  'instances:saveRules': (i, ctx) => gov.saveRules(ctx, i.instanceId, i.text),
  'instances:saveCharterReview': (i, ctx) => gov.saveCharterReview(ctx, i),
  'instances:deleteCharterReview': (i, ctx) => gov.deleteCharterReview(ctx, i.instanceId, i.reviewId),
  'memberships:add': (i, ctx) => ins.addMembership(ctx, i),
  'memberships:update': (i, ctx) => ins.updateMembership(ctx, i.id, i.patch),
  'memberships:end': (i, ctx) => ins.endMembership(ctx, i.id, i.endDate),
  'memberships:remove': (i, ctx) => ins.removeMembership(ctx, i.id),
  'meetings:list': (i, ctx) => mtg.listMeetings(ctx, i),
  'meetings:get': (i, ctx) => mtg.meetingDetail(ctx, i.id),
  'meetings:create': (i, ctx) => mtg.createMeeting(ctx, i),
  'meetings:update': (i, ctx) => mtg.updateMeeting(ctx, i.id, i.patch),
  'meetings:delete': (i, ctx) => mtg.deleteMeeting(ctx, i.id),
  'meetings:deleteFinal': (i, ctx) => mtg.deleteMeetingFinal(ctx, i.id, i.confirm),
  'meetings:transition': (i, ctx) => mtg.transitionMeeting(ctx, i.id, i.to, i.nextMeetingDate),
  'meetings:addAgendaItem': (i, ctx) => mtg.addAgendaItem(ctx, i.meetingId, i.item, i.afterId),
  'meetings:updateAgendaItem': (i, ctx) => mtg.updateAgendaItem(ctx, i.meetingId, i.agendaItemId, i.patch),
  'meetings:deleteAgendaItem': (i, ctx) => mtg.deleteAgendaItem(ctx, i.meetingId, i.agendaItemId),
  'meetings:reorderAgenda': (i, ctx) => mtg.reorderAgenda(ctx, i.meetingId, i.order),
  'meetings:moveAgendaItem': (i, ctx) => mtg.moveAgendaItem(ctx, i.meetingId, i.agendaItemId, i.delta),
  'meetings:applyTemplate': (i, ctx) => mtg.applyTemplate(ctx, i.meetingId, i.template, i.replace),
  'meetings:copyPrevious': (i, ctx) => mtg.copyPreviousAgenda(ctx, i.meetingId),
  'meetings:addInvitee': (i, ctx) => mtg.addInvitee(ctx, i),
  'meetings:removeInvitee': (i, ctx) => mtg.removeInvitee(ctx, i.meetingId, i.inviteeId),
  'meetings:resetInvitees': (i, ctx) => mtg.resetInvitees(ctx, i.meetingId),
  'meetings:setAttendance': (i, ctx) => mtg.setAttendance(ctx, i),
  'meetings:attendanceStats': (i, ctx) => mtg.attendanceStats(ctx, i.year, i.instanceId),
  'meetings:saveNotes': (i, ctx) => mtg.saveNotes(ctx, i),
  'meetings:setCurrentItem': (i, ctx) => mtg.setCurrentItem(ctx, i.meetingId, i.agendaItemId, i.startTimer),
  'meetings:timer': (i, ctx) => mtg.timer(ctx, i.meetingId, i.agendaItemId, i.action),
  'meetings:capture': (i, ctx) => mtg.capture(ctx, i),
  'meetings:updateDecision': (i, ctx) => mtg.updateDecision(ctx, i),
  'meetings:deleteDecision': (i, ctx) => mtg.deleteDecision(ctx, i.meetingId, i.decisionId),
  'meetings:followUp': (i, ctx) => mtg.followUp(ctx, i.meetingId),
  'meetings:updateFollowUp': (i, ctx) => mtg.updateFollowUp(ctx, i),
  'meetings:nextSituationRef': (i, ctx) => mtg.nextSituationRef(ctx, i?.year),
  'meetings:decisions': (i, ctx) => mtg.decisionLog(ctx, i),
  'meetings:archived': (i, ctx) => mtg.listArchivedMeetings(ctx, i),
  'meetings:archivedGet': (i, ctx) => mtg.archivedMeetingDetail(ctx, i.periodId, i.id),
};

/** Every meetings channel returns the texts of confidential meetings from the protected store when it is unlocked. */
export const meetingsHandlers = Object.fromEntries(
  Object.entries(handlers).map(([name, handler]) => [
    name,
    async (input: never, ctx: Parameters<typeof handler>[1]) => revealTexts(ctx, await (handler as (i: never, c: typeof ctx) => unknown)(input, ctx)),
  ]),
) as HandlerSlice<MeetingsChannel>;
