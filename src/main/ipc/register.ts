// Handlers of the register of situations, the retention engine and the DPO journal.
import type { RegisterChannel } from '../../shared/contract/register';
import { registerSettingsOf } from '../../shared/register-defaults';
import { renderDpoJournal, renderRegisterStats } from '../documents/register';
import { withFontRecovery } from '../documents/kit/recovery';
import { keepGenerated } from '../documents/service';
import type { ServiceContext } from '../services/context';
import * as reg from '../services/register';
import type { HandlerSlice } from './handlers';

async function logExport(ctx: ServiceContext, what: string): Promise<void> {
  await reg.requireVault(ctx).update((draft) => reg.logAccess(ctx, draft, 'export', undefined, what));
}

export const registerHandlers: HandlerSlice<RegisterChannel> = {
  'register:view': (i, ctx) => reg.registerView(ctx, i ?? {}),
  'register:get': (i, ctx) => reg.getSituationDetail(ctx, i.id, i.reason),
  'register:create': (i, ctx) => reg.createSituation(ctx, i),
  'register:update': (i, ctx) => reg.updateSituation(ctx, i.id, i.patch),
  'register:setStatus': (i, ctx) => reg.setSituationStatus(ctx, i),
  'register:nextReference': (_i, ctx) => ({ ref: reg.allocateSituationRef(ctx) }),
  'register:stats': (i, ctx) => reg.registerStats(ctx.store.data, reg.requireVault(ctx).read(), i?.year),
  'register:statsPdf': async (i, ctx) => {
    const stats = reg.registerStats(ctx.store.data, reg.requireVault(ctx).read(), i?.year);
    const doc = await withFontRecovery(() => renderRegisterStats(ctx.store.data, stats, i?.year, { now: ctx.now() }));
    await logExport(ctx, doc.title);
    return keepGenerated(doc);
  },
  'register:journal': (_i, ctx) => reg.dpoJournal(ctx),
  'register:journalPdf': async (_i, ctx) => {
    const journal = reg.dpoJournal(ctx);
    const doc = await withFontRecovery(() => renderDpoJournal(ctx.store.data, journal, { now: ctx.now() }));
    await logExport(ctx, doc.title);
    return keepGenerated(doc);
  },
  'register:settings': (_i, ctx) => registerSettingsOf(ctx.store.data),
  'register:updateList': (i, ctx) => reg.updateRegisterList(ctx, i),
  'register:updateOptions': (i, ctx) => reg.updateRegisterOptions(ctx, i),
  'register:dashboardCounts': (i, ctx) => reg.dashboardCounts(ctx, i?.year),
  'register:correspondenceReveal': (i, ctx) => reg.revealCorrespondence(ctx, i),
  'register:correspondenceSet': (i, ctx) => reg.setCorrespondence(ctx, i),
  'retention:plan': (i, ctx) => reg.planRetention(ctx, i?.asOf),
  'retention:apply': (_i, ctx) => reg.applyRetention(ctx),
  'retention:postpone': (i, ctx) => reg.postponePurge(ctx, i),
};
