// IPC channels of team mode on the desktop: connection to a team server, its certificate, the account's password, status.
import { z } from '../validation';
import { channel } from './define';
import { team } from '../i18n/team';
import { NewPasswordForm, TeamEmail, TeamPassword } from '../team-session';

const m = team.input;

export type TeamRole = 'coordinator' | 'staff' | 'reader';

/** Where the desktop's data comes from, for the title bar and Paramètres. */
export interface TeamStatus {
  mode: 'local' | 'team';
  /** `offline`: the server cannot be reached (reads from the last state, edits refused, notes queued); `expired`: log in again; `certificate`: the server's certificate changed. */
  connection?: 'online' | 'offline' | 'expired' | 'certificate';
  server?: string;
  email?: string;
  displayName?: string;
  role?: TeamRole;
  /** SHA-256 fingerprint of the server's certificate remembered on first use (HTTPS only). */
  fingerprint?: string;
  /** When the connection was lost (ISO), while offline. */
  offlineSince?: string;
  /** Séance notes saved on this computer, waiting to be sent to the server. */
  queuedNotes: number;
  /** Queued notes the server refused when they were sent (their text stays on this computer), with its message. */
  refusedNotes: { meetingId: string; agendaItemId?: string; message: string }[];
}

/** One step of connecting: done, a certificate to confirm, or a new password to choose (one-time password). */
export type TeamConnectStep =
  | { step: 'connected'; status: TeamStatus }
  | { step: 'trust'; fingerprint: string; changed: boolean; previous?: string }
  | { step: 'newPassword'; email: string };

const fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, m.fingerprint);

export const teamContract = {
  'team:status': channel<TeamStatus>()(z.undefined()),
  'team:connect': channel<TeamConnectStep>()(
    z
      .object({
        url: z.string().trim().min(1, m.urlRequired).max(500).url(m.url),
        email: TeamEmail,
        password: TeamPassword,
        /** The fingerprint the user has just confirmed (first use, or a changed certificate accepted). */
        trust: fingerprint.optional(),
      })
      .strict(),
  ),
  'team:setPassword': channel<TeamConnectStep>()(NewPasswordForm),
  'team:disconnect': channel<TeamStatus>()(z.undefined()),
} as const;
