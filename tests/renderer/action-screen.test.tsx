// Renderer test: the fiche action's pieces that hold logic — French wording of the journal, the quick update form
// (local and server errors next to the field), the milestone form, delete-with-undo and the wide-table region.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionDetail } from '../../src/shared/contract/strategy';
import { fr } from '../../src/shared/i18n';
import type { Action } from '../../src/shared/model';
import { deleteWithUndo } from '../../src/renderer/src/components/confirm';
import { WideTable } from '../../src/renderer/src/components/WideTable';
import { Milestones } from '../../src/renderer/src/screens/strategy/action/Milestones';
import { QuickUpdate } from '../../src/renderer/src/screens/strategy/action/QuickUpdate';
import { clearApi, fakeApi, withProviders } from './providers';
import { formatDateTime, frenchText, journalValue, optionsOf } from '../../src/renderer/src/screens/strategy/action/text';

const s = fr.strategy.ui;

const action = {
  id: 'a1',
  code: '1.1.1',
  title: 'Maraudes',
  status: 'in_progress',
  progress: 40,
  milestones: [],
  periodId: 'p1',
} as unknown as Action;

afterEach(() => {
  clearApi();
  vi.restoreAllMocks();
});

describe('fiche action wording', () => {
  it('writes journal values in French', () => {
    expect(journalValue('status', 'in_progress')).toBe(fr.actionStatus.in_progress);
    expect(journalValue('progress', '40')).toMatch(/^40\s%$/);
    expect(journalValue('endDate', '2026-11-12')).toBe('12 novembre 2026');
    expect(journalValue('measurement', '1495 élèves')).toMatch(/^1\s495 élèves$/);
    expect(journalValue('title', '')).toBe('—');
    expect(journalValue('title', undefined)).toBe('—');
    expect(journalValue('milestone', 'pas une date')).toBe('pas une date');
  });

  it('rewrites ISO dates inside free text and dates with times', () => {
    expect(frenchText('Reporté au 2026-03-03, voir CR')).toBe('Reporté au 3 mars 2026, voir CR');
    expect(formatDateTime(new Date(2026, 2, 3, 14, 30).toISOString())).toBe('3 mars 2026 à 14 h 30');
    expect(optionsOf({ a: 'Un', b: 'Deux' })).toEqual([
      { value: 'a', label: 'Un' },
      { value: 'b', label: 'Deux' },
    ]);
  });
});

describe('QuickUpdate', () => {
  it('refuses a progress over 100 % next to the field without calling the application', async () => {
    const updateProgress = vi.fn(async () => ({ ok: true, value: {} }));
    fakeApi({ actions: { updateProgress } });
    const onDone = vi.fn();
    render(withProviders(<QuickUpdate action={action} onDone={onDone} />));
    fireEvent.change(screen.getByRole('textbox', { name: s.fields.progress }), { target: { value: '140' } });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.save }));
    expect(await screen.findByText(fr.strategy.errors.progressRange)).toBeTruthy();
    expect(updateProgress).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('records status, progress and comment, then closes', async () => {
    const updateProgress = vi.fn(async (_input: unknown) => ({ ok: true, value: {} }));
    fakeApi({ actions: { updateProgress } });
    const onDone = vi.fn();
    render(withProviders(<QuickUpdate action={action} onDone={onDone} />));
    fireEvent.change(screen.getByRole('textbox', { name: s.fields.progress }), { target: { value: '60' } });
    fireEvent.change(screen.getByRole('textbox', { name: s.fields.comment }), { target: { value: 'Deux maraudes de plus' } });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.save }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(updateProgress.mock.calls[0][0]).toEqual({ id: 'a1', update: { status: 'in_progress', progress: 60, comment: 'Deux maraudes de plus' } });
  });

  it('shows a refusal of the application next to the field it names', async () => {
    const message = 'Le commentaire est trop long.';
    fakeApi({ actions: { updateProgress: async () => ({ ok: false, error: { code: 'invalid_input', message, field: 'update.comment' } }) } });
    const onDone = vi.fn();
    render(withProviders(<QuickUpdate action={action} onDone={onDone} />));
    fireEvent.click(screen.getByRole('button', { name: fr.actions.save }));
    const shown = await screen.findByText(message);
    expect(screen.getByRole('textbox', { name: s.fields.comment }).getAttribute('aria-describedby')).toContain(shown.id);
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('Milestones', () => {
  it('asks for a title and a date before adding a milestone', async () => {
    const addMilestone = vi.fn(async () => ({ ok: true, value: {} }));
    fakeApi({ actions: { addMilestone } });
    const detail = { action, readOnly: false } as unknown as ActionDetail;
    render(withProviders(<Milestones detail={detail} />));
    fireEvent.click(screen.getByRole('button', { name: s.addMilestone }));
    expect(await screen.findByText(s.milestoneTitleRequired)).toBeTruthy();
    expect(screen.getByText(s.milestoneDateRequired)).toBeTruthy();
    expect(addMilestone).not.toHaveBeenCalled();
  });
});

describe('deleteWithUndo', () => {
  it('does nothing when the user cancels, deletes and offers the undo when confirmed', async () => {
    const remove = vi.fn(async () => ({ ok: true as const, value: { undoToken: 't1', label: 'Jalon supprimé.' } }));
    const restore = vi.fn(async () => ({ ok: true, value: {} }));
    fakeApi({ undo: { restore } });
    render(withProviders(<span />));

    const cancelled = deleteWithUndo('Supprimer le jalon « Bilan »', s.undoable, remove);
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler' }));
    expect(await cancelled).toBe(false);
    expect(remove).not.toHaveBeenCalled();

    const confirmed = deleteWithUndo('Supprimer le jalon « Bilan »', s.undoable, remove);
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer' }));
    expect(await confirmed).toBe(true);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Jalon supprimé.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler la suppression' }));
    await waitFor(() => expect(restore).toHaveBeenCalledWith({ undoToken: 't1' }));
  });
});

describe('WideTable', () => {
  function table() {
    return (
      <MantineProvider>
        <WideTable aria-label="Financements">
          <tbody>
            <tr>
              <td>FIPD</td>
            </tr>
          </tbody>
        </WideTable>
      </MantineProvider>
    );
  }

  it('is a named Tab stop only when the table is wider than the screen', () => {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(300);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    const { unmount } = render(table());
    expect(screen.queryByRole('region', { name: 'Financements' })).toBeNull();
    unmount();

    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(640);
    render(table());
    const region = screen.getByRole('region', { name: 'Financements' });
    expect(region.tabIndex).toBe(0);
    expect(region.querySelector('table')?.getAttribute('aria-label')).toBe('Financements');
  });
});
