// Team mode's audit log as a contract channel: who changed what and when (never the content), for the coordinator.
import { z } from '../validation';
import { CalendarDate } from '../fields';
import { channel } from './define';
import { team } from '../i18n/team';

export const AuditFilters = z
  .object({
    /** Account id of the person. */
    userId: z.string().trim().min(1).max(100).optional(),
    /** `domain:verb` of the channel. */
    channel: z.string().trim().regex(/^[a-zA-Z]+:[a-zA-Z]+$/, team.audit.unknownOperation).max(100).optional(),
    /** Calendar days, inclusive, in the server's time zone. */
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    /** Cursor: the `id` of the last row of the previous page. */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: team.audit.toBeforeFrom, path: ['to'] });
export type AuditFilters = z.infer<typeof AuditFilters>;

export interface AuditEntry {
  id: number;
  /** ISO timestamp. */
  at: string;
  userId: string | null;
  who: string;
  channel: string;
  /** `collection:id` of each entity written. */
  entities: string[];
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Cursor for the next (older) page; absent on the last page. */
  next?: number;
  /** Accounts and channels that appear in the log, for the filters. */
  people: { id: string; name: string }[];
  channels: string[];
}

export const auditContract = {
  /** The team server's audit log (coordinator only); refused by the local app, which has no team. */
  'audit:list': channel<AuditPage>()(AuditFilters.optional()),
} as const;
