// The handler table: one plain function per contract channel, plus the invoker that validates and wraps results.
import { contract, type ChannelName, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { common } from '../../shared/i18n/common';
import { team } from '../../shared/i18n/team';
import { DomainError, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';
import type { ServiceContext } from '../services/context';
import * as app from '../services/app';
import * as dir from '../services/directory';
import { globalSearch } from '../services/search';
import { documentsHandlers } from './documents';
import { maintenanceHandlers } from './maintenance';
import { meetingsHandlers } from './meetings';
import { registerHandlers } from './register';
import { sharingHandlers } from './sharing';
import { strategyHandlers } from './strategy';
import { localTeamHandlers } from './team';
import { vaultHandlers } from './vault';

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: ServiceContext) => OutputOf<C> | Promise<OutputOf<C>>;
export type HandlerTable = { [C in ChannelName]: Handler<C> };
/** A slice of the table for one domain's channels. */
export type HandlerSlice<K extends ChannelName> = { [C in K]: Handler<C> };

const coreHandlers: HandlerSlice<'app:state' | 'app:setup' | 'app:demo' | 'settings:get' | 'settings:update' | 'settings:chooseLogo' | 'backups:list' | 'backups:create' | 'backups:restore' | 'search:global' | 'app:restoreFromFile' | 'app:quit'> = {
  'app:state': (_i, ctx) => app.appState(ctx),
  'app:setup': (i, ctx) => app.setupCouncil(ctx, i),
  'app:demo': (_i, ctx) => app.setupDemo(ctx),
  'settings:get': (_i, ctx) => ctx.store.data.settings,
  'settings:update': (i, ctx) => app.updateSettings(ctx, i),
  'settings:chooseLogo': (_i, ctx) => app.chooseLogo(ctx),
  'backups:list': (_i, ctx) => app.backupsList(ctx),
  'backups:create': (_i, ctx) => app.backupNow(ctx),
  'backups:restore': (i, ctx) => app.restoreBackup(ctx, i.name),
  'app:restoreFromFile': (_i, ctx) => app.restoreFromChosenFile(ctx),
  'app:quit': (_i, ctx) => {
    if (!ctx.platform.quit) throw new DomainError('forbidden', 'Fermez la fenêtre pour quitter.');
    ctx.platform.quit();
    return null;
  },
  'search:global': (i, ctx) => globalSearch(ctx, i.query, i.limit),
};

const directoryHandlers: HandlerSlice<
  | 'categories:list'
  | 'partners:list'
  | 'partners:get'
  | 'partners:create'
  | 'partners:update'
  | 'partners:delete'
  | 'people:list'
  | 'people:create'
  | 'people:update'
  | 'people:delete'
  | 'undo:restore'
> = {
  'categories:list': (_i, ctx) => [...ctx.store.data.categories].sort((a, b) => a.protocolRank - b.protocolRank),
  'partners:list': (i, ctx) => dir.listPartners(ctx, i),
  'partners:get': (i, ctx) => dir.partnerDetail(ctx, i.id),
  'partners:create': (i, ctx) => dir.createPartner(ctx, i),
  'partners:update': (i, ctx) => dir.updatePartner(ctx, i.id, i.patch),
  'partners:delete': (i, ctx) => dir.deletePartner(ctx, i.id),
  'people:list': (i, ctx) => dir.listPeople(ctx, i?.organisationId),
  'people:create': (i, ctx) => dir.createPerson(ctx, i),
  'people:update': (i, ctx) => dir.updatePerson(ctx, i.id, i.patch),
  'people:delete': (i, ctx) => dir.deletePerson(ctx, i.id),
  'undo:restore': (i, ctx) => dir.undoDeletion(ctx, i.undoToken),
};

export const handlers: HandlerTable = {
  ...coreHandlers,
  ...directoryHandlers,
  ...strategyHandlers,
  ...meetingsHandlers,
  ...documentsHandlers,
  ...sharingHandlers,
  ...registerHandlers,
  ...vaultHandlers,
  // Only the team server has an audit log: it puts its reader in the context.
  'audit:list': (i, ctx) => {
    if (!ctx.team) throw new DomainError('forbidden', team.audit.teamOnly);
    return ctx.team.audit(i ?? {});
  },
  ...localTeamHandlers,
  ...maintenanceHandlers,
};

export type Invoke = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/** Validates the payload against the contract, runs the handler and never throws: errors become French results. */
export function createInvoker(ctx: ServiceContext, table: HandlerTable = handlers, log: (e: unknown) => void = console.error): Invoke {
  return async (channel, payload) => {
    if (!Object.prototype.hasOwnProperty.call(contract, channel)) {
      return { ok: false, error: { code: 'invalid_input', message: common.errors.unknownChannel(String(channel)) } };
    }
    const name = channel as ChannelName;
    const parsed = contract[name].input.safeParse(payload);
    if (!parsed.success) {
      const d = describeIssues(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: d.message, ...(d.field ? { field: d.field } : {}) } };
    }
    try {
      const handler = table[name] as (input: unknown, c: ServiceContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof DomainError) {
        return { ok: false, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
      }
      log(e);
      return { ok: false, error: { code: 'internal', message: common.errors.internal } };
    }
  };
}
