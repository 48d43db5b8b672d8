// Renderer test: the audit log's filters are checked with audit:list's own schema — an unreadable day or days in the wrong
// order are refused under their field, the list is not asked again (it stays as it was), the focus goes to the field.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditPage } from '../../src/shared/contract/audit';
import { fr } from '../../src/shared/i18n';
import { AuditScreen } from '../../src/renderer/src/screens/team/AuditScreen';
import { clearApi, fakeApi, Providers } from './providers';

const a = fr.team.audit;
const page: AuditPage = {
  entries: [{ id: 3, at: '2026-03-12T09:30:00.000Z', userId: 'u1', who: 'Agnès Martin', channel: 'meetings:update', entities: [] }],
  people: [{ id: 'u1', name: 'Agnès Martin' }],
  channels: ['meetings:update'],
};

afterEach(clearApi);

describe('AuditScreen filters', () => {
  it('refuses an unreadable day and days in the wrong order under their field without asking the list again', async () => {
    const list = vi.fn(async () => ({ ok: true, value: page }));
    fakeApi({ audit: { list } });
    render(
      <Providers>
        <MemoryRouter>
          <AuditScreen />
        </MemoryRouter>
      </Providers>,
    );
    expect(await screen.findByText('Agnès Martin', { selector: 'td' })).toBeTruthy();
    expect(list).toHaveBeenCalledTimes(1);
    const from = screen.getByRole('textbox', { name: a.from });
    const to = screen.getByRole('textbox', { name: a.to });
    // A date being typed waits; Entrée checks it: « 31/02/2026 » does not exist.
    fireEvent.change(from, { target: { value: '31/02/2026' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(list).toHaveBeenCalledTimes(1); // the old screen dropped the day and asked for the whole log again
    fireEvent.click(screen.getByRole('button', { name: a.filter }));
    expect(await screen.findByText(fr.errors.invalidDate)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(from));
    // Days in the wrong order: refused under « Au ».
    fireEvent.change(from, { target: { value: '10/03/2026' } });
    await waitFor(() => expect(list).toHaveBeenLastCalledWith({ from: '2026-03-10' }));
    fireEvent.change(to, { target: { value: '01/03/2026' } });
    expect(await screen.findByText(a.toBeforeFrom)).toBeTruthy();
    expect(list).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Agnès Martin', { selector: 'td' })).toBeTruthy();
    fireEvent.change(to, { target: { value: '20/03/2026' } });
    await waitFor(() => expect(list).toHaveBeenLastCalledWith({ from: '2026-03-10', to: '2026-03-20' }));
    expect(screen.queryByText(a.toBeforeFrom)).toBeNull();
  });
});
