// The team's account fields and the bodies of the team server's session routes (log in, choose one's password), shared by
// the server's routes, the desktop's team channels and the browser's forms, so that each rule and message is written once.
import { z } from './validation';
import { team } from './i18n/team';

const m = team.input;

/** Shortest password of a team account. */
export const MIN_PASSWORD_LENGTH = 12;

export const TeamEmail = z.string().trim().min(3, m.emailRequired).max(300);
/** A password typed to log in (any length the account may have). */
export const TeamPassword = z.string().min(1, m.passwordRequired).max(1000, m.passwordTooLong);
/** A password being chosen. */
export const NewTeamPassword = z.string().min(MIN_PASSWORD_LENGTH, team.errors.passwordTooShort).max(1000, m.passwordTooLong);

/** POST /api/session. `cookie: true`: a browser asks for a cookie session (the token never reaches the page; a CSRF token does). */
export const LoginBody = z.object({ email: TeamEmail, password: TeamPassword, cookie: z.boolean().optional() });

/** POST /api/session/password: the account's new password (the one-time password replaced). */
export const PasswordBody = z.object({ password: NewTeamPassword });

/** The form choosing a new password: typed twice (team:setPassword on the desktop, the browser's password screen). */
export const NewPasswordForm = z
  .object({ password: NewTeamPassword, confirmation: z.string().max(1000) })
  .strict()
  .refine((v) => v.password === v.confirmation, { message: m.passwordsDiffer, path: ['confirmation'] });
