// Renderer test: the browser's login and first-password screens check their values with the session routes' own schemas
// (shared/team-session.ts): each refused field has its message, nothing is sent to the server, the focus goes to the
// first field in error; the server's refusal shows above the form.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangePasswordScreen, LoginScreen } from '../../src/renderer/src/web/LoginScreen';
import { fr } from '../../src/shared/i18n';

const t = fr.team.web;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mockFetch(answer: Response) {
  const fetch = vi.fn().mockResolvedValue(answer);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('LoginScreen', () => {
  it('refuses an empty address and password under their fields without asking the server, then shows its refusal', async () => {
    const fetch = mockFetch(json(401, { ok: false, error: { code: 'forbidden', message: fr.team.errors.loginFailed } }));
    const onLoggedIn = vi.fn();
    render(
      <MantineProvider>
        <LoginScreen onLoggedIn={onLoggedIn} />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: t.login }));
    expect(await screen.findByText(fr.team.input.emailRequired)).toBeTruthy();
    expect(screen.getByText(fr.team.input.passwordRequired)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
    const email = screen.getByLabelText(new RegExp(`^${t.email}`));
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(screen.getByLabelText(new RegExp(`^${t.password}`)).getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(email, { target: { value: ' claire@valmont.fr ' } });
    fireEvent.change(screen.getByLabelText(new RegExp(`^${t.password}`)), { target: { value: 'mauvais' } });
    fireEvent.click(screen.getByRole('button', { name: t.login }));
    expect((await screen.findByRole('alert')).textContent).toContain(fr.team.errors.loginFailed);
    expect(JSON.parse(fetch.mock.calls[0]![1].body as string)).toEqual({ email: 'claire@valmont.fr', password: 'mauvais', cookie: true });
    expect(onLoggedIn).not.toHaveBeenCalled();
  });
});

describe('ChangePasswordScreen', () => {
  it('refuses a short password and a different confirmation without sending them; a right one is sent', async () => {
    const fetch = mockFetch(json(200, { ok: true, value: null }));
    const onDone = vi.fn();
    render(
      <MantineProvider>
        <ChangePasswordScreen onDone={onDone} />
      </MantineProvider>,
    );
    const password = screen.getByLabelText(new RegExp(`^${t.newPassword}`));
    const confirmation = screen.getByLabelText(new RegExp(`^${t.confirmPassword}`));
    fireEvent.change(password, { target: { value: 'court' } });
    fireEvent.change(confirmation, { target: { value: 'autre' } });
    fireEvent.click(screen.getByRole('button', { name: t.changePassword }));
    expect(await screen.findByText(fr.team.errors.passwordTooShort)).toBeTruthy();
    expect(screen.getByText(fr.team.input.passwordsDiffer)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(password));
    fireEvent.change(password, { target: { value: 'un mot de passe à moi' } });
    fireEvent.change(confirmation, { target: { value: 'un mot de passe à moi' } });
    fireEvent.click(screen.getByRole('button', { name: t.changePassword }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(fetch.mock.calls[0]![1].body as string)).toEqual({ password: 'un mot de passe à moi' });
  });
});
