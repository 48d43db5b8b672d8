// Paramètres of the register: the closed lists (codes kept, labels editable, values retired) and the durations.
import type { ListPatch } from '../../../shared/contract/register';
import { register as t } from '../../../shared/i18n/register';
import type { ListItem, RegisterSettings } from '../../../shared/model';
import { registerSettingsOf } from '../../../shared/register-defaults';
import { DomainError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { readIfUnlocked } from './common';
import { destroyCorrespondenceTable } from './correspondence';

/** Codes used by the register (when it is readable), which may be retired but not removed. */
function usedCodes(ctx: ServiceContext, list: ListPatch['list']): Set<string> {
  const p = readIfUnlocked(ctx);
  const used = new Set<string>();
  for (const s of p?.situations ?? []) {
    if (list === 'origins') used.add(s.origin);
    else if (list === 'reasons') used.add(s.reason);
    else if (list === 'orientations') for (const o of s.orientations) used.add(o);
    else if (s.closureReason) used.add(s.closureReason);
  }
  return used;
}

export async function updateRegisterList(ctx: ServiceContext, input: ListPatch): Promise<ListItem[]> {
  const codes = new Set<string>();
  for (const [i, item] of input.items.entries()) {
    if (codes.has(item.code)) throw new DomainError('invalid_input', t.errors.listCodeTaken, `items.${i}.code`);
    codes.add(item.code);
  }
  if (!input.items.some((i) => !i.retired)) throw new DomainError('invalid_input', t.errors.listEmpty, 'items');
  const current = registerSettingsOf(ctx.store.data)[input.list];
  // Removing a code would orphan situations, and a code already known elsewhere may be in the locked register: retire instead.
  for (const old of current) if (!codes.has(old.code) && (usedCodes(ctx, input.list).has(old.code) || !readIfUnlocked(ctx))) {
    throw new DomainError('conflict', t.errors.listCodeUsed, 'items');
  }
  const items: ListItem[] = input.items.map((i) => ({ code: i.code, label: i.label, ...(i.retired ? { retired: true } : {}) }));
  await ctx.store.update((data) => {
    data.registerSettings = { ...registerSettingsOf(data), [input.list]: items };
  });
  return items;
}

export async function updateRegisterOptions(ctx: ServiceContext, patch: { meetingTextsYears?: number; correspondenceEnabled?: boolean; countsOnDashboard?: boolean }): Promise<RegisterSettings> {
  // Turning the correspondence table off destroys its names first (refused while the protected store is locked).
  if (patch.correspondenceEnabled === false && registerSettingsOf(ctx.store.data).correspondenceEnabled) await destroyCorrespondenceTable(ctx);
  await ctx.store.update((data) => {
    const next: RegisterSettings = { ...registerSettingsOf(data) };
    if (patch.meetingTextsYears !== undefined) next.meetingTextsYears = patch.meetingTextsYears;
    if (patch.correspondenceEnabled !== undefined) next.correspondenceEnabled = patch.correspondenceEnabled;
    if (patch.countsOnDashboard !== undefined) next.countsOnDashboard = patch.countsOnDashboard;
    data.registerSettings = next;
  });
  // Read back from the committed document: nothing of the draft leaves the transaction.
  return registerSettingsOf(ctx.store.data);
}
