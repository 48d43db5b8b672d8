// Global search behind the command palette: actions, meetings, instances, partners, people, axes.
import type { SearchHit } from '../../shared/contract/core';
import { formatShortDate } from '../../shared/format';
import type { ServiceContext } from './context';
import { fold } from './directory';

export function globalSearch(ctx: ServiceContext, query: string, limit = 20): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const terms = q.split(/\s+/);
  const match = (text: string) => {
    const f = fold(text);
    return terms.every((t) => f.includes(t));
  };
  const d = ctx.store.data;
  const hits: SearchHit[] = [];
  const push = (h: SearchHit) => {
    if (hits.length < limit) hits.push(h);
  };
  const orgName = new Map(d.organisations.map((o) => [o.id, o.name]));
  const instName = new Map(d.instances.map((i) => [i.id, i.name]));
  for (const a of d.actions) if (!a.archived && match(`${a.code} ${a.title}`)) push({ kind: 'action', id: a.id, title: `${a.code} — ${a.title}`, subtitle: a.pilot.organisationId ? orgName.get(a.pilot.organisationId) : undefined });
  for (const m of d.meetings) if (match(`${m.title} ${instName.get(m.instanceId) ?? ''}`)) push({ kind: 'meeting', id: m.id, title: m.title, subtitle: `${instName.get(m.instanceId) ?? ''} — ${formatShortDate(m.date)}` });
  for (const i of d.instances) if (match(i.name)) push({ kind: 'instance', id: i.id, title: i.name });
  for (const o of d.organisations) if (match(`${o.name} ${o.shortName ?? ''}`)) push({ kind: 'partner', id: o.id, title: o.name });
  for (const p of d.people) if (match(`${p.firstName} ${p.lastName}`)) push({ kind: 'person', id: p.organisationId, title: `${p.firstName} ${p.lastName}`.trim(), subtitle: orgName.get(p.organisationId) });
  for (const x of d.axes) if (!x.archived && match(x.title)) push({ kind: 'axis', id: x.id, title: x.title });
  return hits;
}
