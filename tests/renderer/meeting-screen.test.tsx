// Renderer test: the meeting page's logic pulled out of its screen — step choice, deletion kind, agenda totals and moves,
// the dialog's payload, form fields following the saved record, Ctrl+Maj+P opening « Ajouter un point », decision delete with undo.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation, useSearchParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDetail } from '../../src/shared/contract/meetings';
import { fr } from '../../src/shared/i18n';
import type { AgendaItem, Meeting } from '../../src/shared/model';
import { addMinutes, agendaTotals, formOf, moveTarget, newItemOf, patchOf } from '../../src/renderer/src/screens/meetings/meeting/agenda';
import { AgendaBuilder } from '../../src/renderer/src/screens/meetings/meeting/AgendaBuilder';
import { DecisionList } from '../../src/renderer/src/screens/meetings/meeting/DecisionList';
import { isFinalDeletion, stepOf } from '../../src/renderer/src/screens/meetings/meeting/steps';
import { ADD_POINT_KEYS, useAddPointShortcut } from '../../src/renderer/src/screens/meetings/meeting/useAddPointShortcut';
import { mergeSaved, useSyncedFields } from '../../src/renderer/src/screens/meetings/meeting/useSyncedFields';

const L = fr.meetings.ui;

function Where() {
  const { search } = useLocation();
  return <output data-testid="where">{search}</output>;
}

function withProviders(children: ReactNode, url = '/reunions/m1') {
  return (
    <MantineProvider>
      <ModalsProvider>
        <Notifications />
        <MemoryRouter initialEntries={[url]}>
          {children}
          <Where />
        </MemoryRouter>
      </ModalsProvider>
    </MantineProvider>
  );
}

function fakeApi(domains: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>): void {
  (window as unknown as { api: unknown }).api = domains;
}
const listsApi = { axes: { list: async () => ({ ok: true, value: [] }) }, strategy: { actions: async () => ({ ok: true, value: [] }) } };

const item = (id: string, kind: 'item' | 'section', durationMin: number, title = id) => ({ id, kind, title, durationMin, presenter: '', linkedActionIds: [], chairNotes: '', notes: '' }) as unknown as AgendaItem;

function detailOf(agenda: AgendaItem[], over: Partial<Meeting> = {}, locked = false): MeetingDetail {
  const meeting = { id: 'm1', title: 'Formation restreinte', status: 'draft', startTime: '14:00', agenda, decisions: [], ...over } as unknown as Meeting;
  return { meeting, summary: { totalMin: 0, plannedMin: 60 }, locked, followUp: [], invitees: [], transitions: [] } as unknown as MeetingDetail;
}

afterEach(() => {
  delete (window as unknown as { api?: unknown }).api;
  vi.restoreAllMocks();
});

describe('meeting steps and deletion', () => {
  it('opens the step named in the address, else Préparation before the séance and Compte rendu after', () => {
    expect(stepOf('invitations', 'draft')).toBe('invitations');
    expect(stepOf(null, 'draft')).toBe('prep');
    expect(stepOf(null, 'convened')).toBe('prep');
    expect(stepOf(null, 'held')).toBe('minutes');
    expect(stepOf(null, 'validated')).toBe('minutes');
    // An unknown step (an old or mistyped link) falls back instead of showing no step at all.
    expect(stepOf('seance', 'held')).toBe('minutes');
  });

  it('deletes for good once the meeting was held or holds decisions, with undo otherwise', () => {
    expect(isFinalDeletion({ status: 'draft', decisions: [] })).toBe(false);
    expect(isFinalDeletion({ status: 'in_progress', decisions: [] })).toBe(false);
    expect(isFinalDeletion({ status: 'held', decisions: [] })).toBe(true);
    expect(isFinalDeletion({ status: 'convened', decisions: [{} as Meeting['decisions'][number]] })).toBe(true);
  });
});

describe('agenda rules', () => {
  it('adds up the points only and says how far past the planned end they go', () => {
    const items = [item('s', 'section', 30), item('a', 'item', 20), item('b', 'item', 45)];
    expect(agendaTotals(items, 60)).toEqual({ total: 65, over: 5 });
    expect(agendaTotals(items, 90)).toEqual({ total: 65, over: -25 });
    expect(agendaTotals(items, undefined)).toEqual({ total: 65, over: undefined });
    expect(agendaTotals([], 0)).toEqual({ total: 0, over: 0 });
  });

  it('computes the end time around the clock', () => {
    expect(addMinutes('14:00', 65)).toBe('15:05');
    expect(addMinutes('23:30', 45)).toBe('00:15');
    expect(addMinutes('09:05', 0)).toBe('09:05');
  });

  it('keeps a move inside the list and says when nothing moves', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveTarget(ids, 'b', -1)).toEqual({ from: 1, to: 0 });
    expect(moveTarget(ids, 'b', 5)).toEqual({ from: 1, to: 2 });
    expect(moveTarget(ids, 'a', -1)).toBeNull();
    expect(moveTarget(ids, 'c', 1)).toBeNull();
    expect(moveTarget(ids, 'x', 1)).toBeNull();
  });

  it('sends a section without duration, leaves an absent axis out of a new point and clears it on an edit', () => {
    const section = { ...formOf('section'), title: 'Bilan', durationMin: 25 };
    expect(newItemOf(section).durationMin).toBe(0);
    const point = { ...formOf('item'), title: 'Point' };
    expect(point.durationMin).toBe(10);
    expect('axisId' in newItemOf(point)).toBe(false);
    expect(patchOf(point).axisId).toBe('');
    expect(newItemOf({ ...point, axisId: 'ax1' }).axisId).toBe('ax1');
    expect(formOf('section', item('a', 'item', 20, 'Existant'))).toMatchObject({ kind: 'item', title: 'Existant', durationMin: 20 });
  });
});

describe('fields following the saved record', () => {
  it('takes a colleague’s change on untouched fields and keeps what is being typed', () => {
    const before = { title: 'Réunion', place: 'Mairie' };
    const saved = { title: 'Réunion de mars', place: 'Préfecture' };
    expect(mergeSaved({ title: 'Réunion', place: 'Salle 2' }, before, saved)).toEqual({ title: 'Réunion de mars', place: 'Salle 2' });
  });

  it('does the same through the hook when the saved record changes', () => {
    const hook = renderHook(({ saved }) => useSyncedFields(saved), { initialProps: { saved: { title: 'A', place: 'P' } } });
    act(() => hook.result.current[1]((f) => ({ ...f, place: 'tapé' })));
    hook.rerender({ saved: { title: 'B', place: 'Q' } });
    expect(hook.result.current[0]).toEqual({ title: 'B', place: 'tapé' });
  });
});

describe('Ctrl+Maj+P: « Ajouter un point »', () => {
  function Shortcut({ locked }: { locked: boolean }) {
    const [, setParams] = useSearchParams();
    useAddPointShortcut(locked, setParams);
    return null;
  }
  const press = () => fireEvent.keyDown(document.documentElement, { key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });

  it('asks for the Préparation step and the new point, from any step', () => {
    render(withProviders(<Shortcut locked={false} />, '/reunions/m1?etape=minutes'));
    press();
    expect(screen.getByTestId('where').textContent).toBe('?etape=prep&point=nouveau');
  });

  it('does nothing on a locked meeting nor over an open dialog', () => {
    render(withProviders(<Shortcut locked />, '/reunions/m1?etape=minutes'));
    press();
    expect(screen.getByTestId('where').textContent).toBe('?etape=minutes');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.appendChild(dialog);
    try {
      render(withProviders(<Shortcut locked={false} />, '/reunions/m2?etape=invitations'));
      press();
      expect(screen.getAllByTestId('where').map((w) => w.textContent)).toEqual(['?etape=minutes', '?etape=invitations']);
    } finally {
      dialog.remove();
    }
  });

  it('opens the point dialog on its title from ?point=nouveau, then leaves the address', async () => {
    fakeApi(listsApi);
    render(withProviders(<AgendaBuilder detail={detailOf([item('a', 'item', 20, 'Ouverture')])} />, '/reunions/m1?etape=prep&point=nouveau'));
    const dialog = await screen.findByRole('dialog', { name: L.addItem });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: L.itemTitle })));
    expect(dialog).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('?etape=prep');
    expect(screen.getByRole('button', { name: L.addItem }).getAttribute('aria-keyshortcuts')).toBe(ADD_POINT_KEYS);
  });

  it('does not open it on a locked meeting', async () => {
    fakeApi(listsApi);
    render(withProviders(<AgendaBuilder detail={detailOf([item('a', 'item', 20)], {}, true)} />, '/reunions/m1?point=nouveau'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(''));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('agenda item dialog', () => {
  it('refuses a point without a title or with too long a duration under the field, and saves nothing', async () => {
    const addAgendaItem = vi.fn(async (_i: unknown) => ({ ok: true, value: {} }));
    fakeApi({ ...listsApi, meetings: { addAgendaItem } });
    render(withProviders(<AgendaBuilder detail={detailOf([item('a', 'item', 20, 'Ouverture')])} />, '/reunions/m1?point=nouveau'));
    const dialog = await screen.findByRole('dialog', { name: L.addItem });
    const title = screen.getByRole('textbox', { name: L.itemTitle });
    fireEvent.change(title, { target: { value: '   ' } });
    fireEvent.change(screen.getByRole('textbox', { name: L.duration }), { target: { value: '900' } });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.save }));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(title.getAttribute('aria-describedby')!.split(' ').find((i) => i.includes('error'))!)?.textContent).toBe(fr.meetings.errors.itemTitleRequired);
    expect(screen.getByRole('textbox', { name: L.duration }).getAttribute('aria-invalid')).toBe('true');
    expect(addAgendaItem).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(true);

    fireEvent.change(title, { target: { value: '  Point sécurité ' } });
    fireEvent.change(screen.getByRole('textbox', { name: L.duration }), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.save }));
    await waitFor(() => expect(addAgendaItem).toHaveBeenCalledTimes(1));
    expect(addAgendaItem.mock.calls[0][0]).toMatchObject({ meetingId: 'm1', item: { kind: 'item', title: '  Point sécurité ', durationMin: 15 } });
  });
});

describe('decision deletion', () => {
  it('asks first, deletes through the undo list and offers to undo', async () => {
    const deleteDecision = vi.fn(async (_input: unknown) => ({ ok: true, value: { undoToken: 'u1', label: 'Décision supprimée.' } }));
    fakeApi({ meetings: { deleteDecision }, undo: { restore: async () => ({ ok: true, value: {} }) } });
    const meeting = { id: 'm1', decisions: [{ id: 'd1', kind: 'decision', text: 'Renforcer les maraudes' }] } as unknown as Meeting;
    render(withProviders(<DecisionList meeting={meeting} locked={false} />));
    fireEvent.click(screen.getByRole('button', { name: `${L.deleteDecision} : Renforcer les maraudes` }));
    fireEvent.click(await screen.findByRole('button', { name: fr.actions.cancel }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deleteDecision).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: `${L.deleteDecision} : Renforcer les maraudes` }));
    fireEvent.click(await screen.findByRole('button', { name: fr.actions.delete }));
    await waitFor(() => expect(deleteDecision).toHaveBeenCalledWith({ meetingId: 'm1', decisionId: 'd1' }));
    expect(await screen.findByText('Décision supprimée.')).toBeTruthy();
    expect(screen.getByRole('button', { name: fr.actions.undo })).toBeTruthy();
  });

  it('offers no delete button once the minutes are validated', () => {
    const meeting = { id: 'm1', decisions: [{ id: 'd1', kind: 'decision', text: 'X' }] } as unknown as Meeting;
    render(withProviders(<DecisionList meeting={meeting} locked />));
    expect(screen.queryByRole('button', { name: `${L.deleteDecision} : X` })).toBeNull();
  });
});
