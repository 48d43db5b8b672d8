// Renderer test: the séance's logic pulled out of its screen — current item and previous/next (sections skipped), the check-in
// search and toggle, the situation reference put at the caret, the shortcuts, and the timer's clock format.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InviteeRow, MeetingDetail } from '../../src/shared/contract/meetings';
import { fr } from '../../src/shared/i18n';
import type { AgendaItem, Meeting } from '../../src/shared/model';
import { formatClock } from '../../src/renderer/src/screens/meetings/badges';
import { CaptureDialog } from '../../src/renderer/src/screens/meetings/live/CaptureDialog';
import { CheckIn } from '../../src/renderer/src/screens/meetings/live/CheckIn';
import { LateArrivalDialog } from '../../src/renderer/src/screens/meetings/live/LateArrivalDialog';
import { attendanceToggle, currentItemId, decisionsOf, filterInvitees, insertToken, notesRows, presentCount, stepTarget } from '../../src/renderer/src/screens/meetings/live/live';
import { useLiveSession } from '../../src/renderer/src/screens/meetings/live/useLiveSession';
import { useLiveShortcuts } from '../../src/renderer/src/screens/meetings/live/useLiveShortcuts';
import type { NotesAutosaver } from '../../src/renderer/src/screens/meetings/notesAutosave';

const L = fr.meetings.ui;

function fakeApi(domains: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>): void {
  (window as unknown as { api: unknown }).api = domains;
}
afterEach(() => {
  delete (window as unknown as { api?: unknown }).api;
  vi.restoreAllMocks();
});

const agenda = [
  { id: 's1', kind: 'section', title: 'Ouverture' },
  { id: 'a', kind: 'item', title: 'Accueil' },
  { id: 's2', kind: 'section', title: 'Situations' },
  { id: 'b', kind: 'item', title: 'Collège' },
  { id: 'c', kind: 'item', title: 'Divers' },
] as unknown as AgendaItem[];

const row = (id: string, name: string, organisationName: string, status: InviteeRow['attendance']['status'], arrivedAt?: string) =>
  ({ invitee: { id }, name, organisationName, guest: false, charterMissing: false, attendance: { status, ...(arrivedAt ? { arrivedAt } : {}) } }) as unknown as InviteeRow;

describe('séance rules', () => {
  it('takes the item chosen here, else the saved one, else the first point', () => {
    expect(currentItemId(agenda, 'c', 'b')).toBe('c');
    expect(currentItemId(agenda, undefined, 'b')).toBe('b');
    expect(currentItemId(agenda, undefined, undefined)).toBe('a');
    expect(currentItemId([], undefined, undefined)).toBeUndefined();
  });

  it('steps over sections and stops at both ends', () => {
    expect(stepTarget(agenda, 1, 1)).toBe('b');
    expect(stepTarget(agenda, 3, -1)).toBe('a');
    expect(stepTarget(agenda, 1, -1)).toBeUndefined();
    expect(stepTarget(agenda, 4, 1)).toBeUndefined();
  });

  it('shows the current item’s decisions, or all while none is current', () => {
    const ds = [{ agendaItemId: 'a' }, { agendaItemId: 'b' }, { agendaItemId: undefined }];
    expect(decisionsOf(ds, 'b')).toEqual([{ agendaItemId: 'b' }]);
    expect(decisionsOf(ds, undefined)).toHaveLength(3);
  });

  it('gives the notes at least 6 rows, more on a tall window', () => {
    expect(notesRows(768)).toBe(8);
    expect(notesRows(0)).toBe(8);
    expect(notesRows(600)).toBe(6);
    expect(notesRows(1080)).toBe(20);
  });

  it('finds people without accents nor case, counts present and represented', () => {
    const rows = [row('1', 'Hélène Martin', 'Police nationale', 'present'), row('2', 'Paul Durand', 'Collège Jean Moulin', 'represented'), row('3', 'Ana Roy', 'Mairie', 'absent')];
    expect(filterInvitees(rows, 'helene').map((r) => r.name)).toEqual(['Hélène Martin']);
    expect(filterInvitees(rows, 'COLLEGE').map((r) => r.name)).toEqual(['Paul Durand']);
    expect(filterInvitees(rows, '')).toHaveLength(3);
    expect(presentCount(rows)).toBe(2);
  });

  it('toggles presence and stamps only a first arrival', () => {
    expect(attendanceToggle(row('1', 'A', 'B', 'unknown'), '14:05')).toEqual({ status: 'present', arrivedAt: '14:05' });
    expect(attendanceToggle(row('1', 'A', 'B', 'absent', '13:58'), '14:05')).toEqual({ status: 'present' });
    expect(attendanceToggle(row('1', 'A', 'B', 'present', '13:58'), '14:05')).toEqual({ status: 'unknown' });
  });

  it('puts a token in place of the selection and the caret after it', () => {
    expect(insertToken('Suivi de  ce mois', 9, 9, 'situation n° 12 ')).toEqual({ value: 'Suivi de situation n° 12  ce mois', caret: 25 });
    expect(insertToken('Suivi de X', 9, 10, 'situation n° 3 ')).toEqual({ value: 'Suivi de situation n° 3 ', caret: 24 });
    expect(insertToken('Fin', null, null, '!')).toEqual({ value: 'Fin!', caret: 4 });
  });

  it('writes the timer as minutes and seconds', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(275)).toBe('04:35');
    expect(formatClock(3725)).toBe('62:05');
  });
});

const saver = { flush: vi.fn(async () => undefined) } as unknown as NotesAutosaver;
const detail = (current?: string) => ({ meeting: { id: 'm1', status: 'in_progress', confidentiality: 'public', agenda, decisions: [], currentAgendaItemId: current }, locked: false }) as unknown as MeetingDetail;
const router = ({ children }: { children: ReactNode }) => <MemoryRouter>{children}</MemoryRouter>;

describe('useLiveSession', () => {
  it('moves to the next point at once, saves the notes, and tells the application (sections skipped)', async () => {
    const setCurrentItem = vi.fn(async (_i: unknown) => ({ ok: true, value: {} }));
    fakeApi({ meetings: { setCurrentItem } });
    const { result } = renderHook(() => useLiveSession(detail('a'), saver), { wrapper: router });
    expect(result.current.current?.id).toBe('a');
    await act(async () => result.current.step(1));
    expect(result.current.currentId).toBe('b');
    expect(saver.flush).toHaveBeenCalled();
    await waitFor(() => expect(setCurrentItem).toHaveBeenCalledWith({ meetingId: 'm1', agendaItemId: 'b', startTimer: true }));
    await act(async () => result.current.step(-1));
    expect(result.current.currentId).toBe('a');
    setCurrentItem.mockClear();
    await act(async () => result.current.step(-1));
    expect(setCurrentItem).not.toHaveBeenCalled();
  });

  it('puts the next situation reference at the caret of the notes, through their input event', async () => {
    fakeApi({ meetings: { nextSituationRef: async () => ({ ok: true, value: { ref: '2026-007' } }) } });
    const { result } = renderHook(() => useLiveSession(detail('a'), saver), { wrapper: router });
    const el = document.createElement('textarea');
    document.body.appendChild(el);
    el.value = 'Le point  est suivi';
    el.setSelectionRange(9, 9);
    const onInput = vi.fn();
    el.addEventListener('input', onInput);
    (result.current.notesRef as { current: HTMLTextAreaElement | null }).current = el;
    await act(async () => result.current.insertRef());
    expect(el.value).toBe(`Le point ${fr.meetings.situationRef('2026-007')}  est suivi`);
    expect(onInput).toHaveBeenCalledTimes(1);
    expect(el.selectionStart).toBe(9 + fr.meetings.situationRef('2026-007').length + 1);
    el.remove();
  });
});

describe('séance shortcuts', () => {
  it('calls the handler of each chord, in the notes too', () => {
    const h = { step: vi.fn(), capture: vi.fn(), checkIn: vi.fn(), insertRef: vi.fn(), end: vi.fn(), help: vi.fn() };
    renderHook(() => useLiveShortcuts(h));
    const el = document.createElement('textarea');
    document.body.appendChild(el);
    const key = (key: string, code: string, mods: Partial<KeyboardEventInit>) => fireEvent.keyDown(el, { key, code, ...mods });
    key('ArrowDown', 'ArrowDown', { altKey: true });
    key('ArrowUp', 'ArrowUp', { altKey: true });
    key('d', 'KeyD', { ctrlKey: true });
    key('A', 'KeyA', { ctrlKey: true, shiftKey: true });
    key('p', 'KeyP', { ctrlKey: true });
    key('R', 'KeyR', { ctrlKey: true, shiftKey: true });
    key('F', 'KeyF', { ctrlKey: true, shiftKey: true });
    key('F1', 'F1', {});
    expect(h.step.mock.calls).toEqual([[1], [-1]]);
    expect(h.capture.mock.calls).toEqual([['decision'], ['action']]);
    expect([h.checkIn, h.insertRef, h.end, h.help].map((f) => f.mock.calls.length)).toEqual([1, 1, 1, 1]);
    el.remove();
  });
});

describe('CheckIn', () => {
  it('marks the first person found present with Entrée and empties the search', async () => {
    const setAttendance = vi.fn(async (_i: unknown) => ({ ok: true, value: {} }));
    fakeApi({ meetings: { setAttendance }, people: { list: async () => ({ ok: true, value: [] }) } });
    const invitees = [row('i1', 'Hélène Martin', 'Police nationale', 'unknown'), row('i2', 'Paul Durand', 'Collège', 'present', '14:00')];
    const d = { meeting: { id: 'm1', invitees: [] } as unknown as Meeting, invitees } as unknown as MeetingDetail;
    render(
      <MantineProvider>
        <Notifications />
        <CheckIn detail={d} inputRef={{ current: null }} />
      </MantineProvider>,
    );
    expect(screen.getByText(`${L.checkIn} — 1/2`)).toBeTruthy();
    const search = screen.getByRole('textbox', { name: L.checkInSearch });
    fireEvent.change(search, { target: { value: 'helene' } });
    expect(screen.queryByText('Paul Durand')).toBeNull();
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(setAttendance).toHaveBeenCalledTimes(1));
    expect(setAttendance.mock.calls[0][0]).toMatchObject({ meetingId: 'm1', inviteeId: 'i1', status: 'present', arrivedAt: expect.stringMatching(/^\d\d:\d\d$/) });
    expect((search as HTMLInputElement).value).toBe('');
    // Someone already present is not marked again by Entrée.
    fireEvent.change(search, { target: { value: 'paul' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(setAttendance).toHaveBeenCalledTimes(1);
  });
});

/** The message Mantine shows under a field (the element its aria-describedby names). */
const errorUnderField = (el: HTMLElement) => {
  const id = (el.getAttribute('aria-describedby') ?? '').split(' ').find((i) => i.includes('error'));
  return id ? document.getElementById(id)?.textContent : undefined;
};
const emptyLists = { ok: true, value: [] };

describe('séance forms checked with the contract', () => {
  it('refuses a capture without text under the field, creates nothing, then records it', async () => {
    const capture = vi.fn(async (_i: unknown) => ({ ok: true, value: {} }));
    fakeApi({ meetings: { capture }, register: { settings: async () => ({ ok: false, error: { code: 'x', message: 'x' } }) }, partners: { list: async () => emptyLists }, strategy: { tree: async () => ({ ok: true, value: { axes: [] } }), actions: async () => emptyLists } });
    render(
      <MantineProvider>
        <Notifications />
        <CaptureDialog meetingId="m1" kind="decision" confidential={false} onClose={() => undefined} onKindChange={() => undefined} />
      </MantineProvider>,
    );
    const text = await screen.findByRole('textbox', { name: L.captureTextDecision });
    fireEvent.change(text, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: L.record }));
    await waitFor(() => expect(errorUnderField(text)).toBe(fr.meetings.errors.captureTextRequired));
    expect(capture).not.toHaveBeenCalled();
    fireEvent.change(text, { target: { value: ' Renforcer les maraudes ' } });
    fireEvent.click(screen.getByRole('button', { name: L.record }));
    await waitFor(() => expect(capture).toHaveBeenCalledWith({ meetingId: 'm1', kind: 'decision', text: 'Renforcer les maraudes' }));
  });

  it('refuses a late guest without a name under the field and adds no one', async () => {
    const addInvitee = vi.fn(async (_i: unknown) => ({ ok: true, value: {} }));
    const onClose = vi.fn();
    fakeApi({ meetings: { addInvitee }, people: { list: async () => emptyLists } });
    render(
      <MantineProvider>
        <Notifications />
        <MemoryRouter>
          <LateArrivalDialog meeting={{ id: 'm1', invitees: [] } as unknown as Meeting} opened onClose={onClose} />
        </MemoryRouter>
      </MantineProvider>,
    );
    const name = await screen.findByRole('textbox', { name: L.guestName });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.add }));
    await waitFor(() => expect(errorUnderField(name)).toBe(fr.meetings.errors.guestNameRequired));
    expect(addInvitee).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.change(name, { target: { value: 'Jeanne Roy' } });
    fireEvent.click(screen.getByRole('button', { name: fr.actions.add }));
    await waitFor(() => expect(addInvitee).toHaveBeenCalledTimes(1));
    expect(addInvitee.mock.calls[0][0]).toMatchObject({ meetingId: 'm1', guest: { guestName: 'Jeanne Roy' }, present: true });
    expect(onClose).toHaveBeenCalled();
  });
});
