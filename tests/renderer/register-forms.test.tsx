// Renderer test: the register's remaining forms checked with their channels' own schemas — a new situation from the
// séance's capture dialog (register:create), the archived situation's reason (register:get), the register options
// (register:updateOptions): a refused value calls no save and its message sits under its field.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fr } from '../../src/shared/i18n';
import { fields as F } from '../../src/shared/i18n/fields';
import { CaptureDialog } from '../../src/renderer/src/screens/meetings/live/CaptureDialog';
import { ArchivedReasonForm } from '../../src/renderer/src/screens/register/ArchivedReasonForm';
import { MeetingTextsYears, RegisterOptions } from '../../src/renderer/src/screens/settings/RegisterOptions';
import { clearApi, fakeApi, messageUnder, Providers } from './providers';

const R = fr.register.ui;
const ok = (value: unknown = {}) => ({ ok: true, value });
const settings = { origins: [{ code: 'school', label: 'Établissement scolaire' }], reasons: [{ code: 'absence', label: 'Absentéisme' }], orientations: [], closureReasons: [], correspondenceEnabled: false, countsOnDashboard: false, meetingTextsYears: 3 };
/** A field by its label (a required one's label ends with an asterisk). */
const input = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' });

afterEach(() => {
  clearApi();
  vi.restoreAllMocks();
});

describe('new situation from the capture dialog', () => {
  it('refuses a situation without origin, reason or age bracket under those fields, creating neither the situation nor the decision', async () => {
    const create = vi.fn(async () => ok({ reference: '2026-001' }));
    const capture = vi.fn(async () => ok());
    fakeApi({ meetings: { capture }, register: { settings: async () => ok(settings), create }, partners: { list: async () => ok([]) }, strategy: { tree: async () => ok({ axes: [] }), actions: async () => ok([]) } });
    render(
      <Providers>
        <CaptureDialog meetingId="m1" instanceId="i1" kind="decision" confidential onClose={() => undefined} onKindChange={() => undefined} />
      </Providers>,
    );
    fireEvent.change(await screen.findByRole('textbox', { name: fr.meetings.ui.captureTextDecision }), { target: { value: 'Orienter vers le PRE' } });
    fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(R.captureNew) }));
    const record = screen.getByRole('button', { name: fr.meetings.ui.record });
    record.focus();
    fireEvent.click(record);
    await waitFor(() => expect(messageUnder(input(R.origin))).toBe(F.listCode));
    expect(messageUnder(input(R.reason))).toBe(F.listCode);
    expect(messageUnder(input(R.ageBracket))).toBe(F.listCode);
    expect(create).not.toHaveBeenCalled();
    expect(capture).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(input(R.origin)));
  });
});

describe('archived situation', () => {
  it('asks for the reason under its field before opening it, then opens it with the reason trimmed', async () => {
    const onReason = vi.fn();
    render(
      <Providers>
        <ArchivedReasonForm situationId="s1" onReason={onReason} />
      </Providers>,
    );
    const reason = screen.getByRole('textbox', { name: R.consultReason });
    fireEvent.change(reason, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: R.consult }));
    await waitFor(() => expect(messageUnder(reason)).toBe(fr.register.errors.reasonRequired));
    expect(onReason).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: `${'x'.repeat(301)}` } });
    fireEvent.click(screen.getByRole('button', { name: R.consult }));
    await waitFor(() => expect(messageUnder(reason)).toBe(F.tooLong(300)));
    expect(onReason).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: ' Demande du procureur ' } });
    fireEvent.click(screen.getByRole('button', { name: R.consult }));
    await waitFor(() => expect(onReason).toHaveBeenCalledWith('Demande du procureur'));
  });
});

describe('register options', () => {
  it('refuses a keeping time outside one to ten years under the field and saves nothing, then saves a right one', async () => {
    const updateOptions = vi.fn(async () => ok(settings));
    fakeApi({ register: { updateOptions } });
    render(
      <Providers>
        <MeetingTextsYears saved={3} />
      </Providers>,
    );
    const years = screen.getByRole('textbox', { name: R.meetingTextsYears });
    fireEvent.change(years, { target: { value: '15' } });
    fireEvent.blur(years);
    await waitFor(() => expect(messageUnder(years)).toBe(fr.register.errors.meetingTextsYears));
    fireEvent.change(years, { target: { value: '' } });
    fireEvent.blur(years);
    await waitFor(() => expect(messageUnder(years)).toBe(fr.register.errors.meetingTextsYears));
    expect(updateOptions).not.toHaveBeenCalled();
    fireEvent.change(years, { target: { value: '5' } });
    await act(async () => fireEvent.blur(years));
    expect(updateOptions).toHaveBeenCalledWith({ meetingTextsYears: 5 });
    await waitFor(() => expect(messageUnder(years)).toBeUndefined());
  });

  it('a refused switch goes back and says why under it', async () => {
    const message = 'Vous n’avez pas le droit de modifier ce réglage.';
    const updateOptions = vi.fn(async () => ({ ok: false, error: { code: 'forbidden', message, field: 'countsOnDashboard' } }));
    fakeApi({ register: { settings: async () => ok(settings), updateOptions } });
    render(
      <Providers>
        <RegisterOptions />
      </Providers>,
    );
    const counts = await screen.findByRole('switch', { name: new RegExp(R.countsOnDashboard) });
    fireEvent.click(counts);
    await waitFor(() => expect(updateOptions).toHaveBeenCalledWith({ countsOnDashboard: true }));
    await waitFor(() => expect(screen.getByText(message)).toBeTruthy());
    expect((counts as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByText('Action impossible')).toBeNull();
  });
});
