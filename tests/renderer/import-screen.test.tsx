// Renderer test: the import screen's state — kind from the address, mapping sent on a reassigned column, lines kept,
// why « Appliquer » is blocked — and its steps against a fake app: choose a file, untick a line, apply only the kept ones,
// a backup restored only after confirmation.
import { act, fireEvent, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, PreviewLine } from '../../src/shared/contract/sharing';
import { fr } from '../../src/shared/i18n';
import { blockedReason, initialKind, keptLines, mappingWith, withKept } from '../../src/renderer/src/screens/sharing/import/importState';
import { useImport } from '../../src/renderer/src/screens/sharing/import/useImport';
import { clearApi, fakeApi, Providers } from './providers';

const T = fr.sharing;

function line(id: string, over: Partial<PreviewLine> = {}): PreviewLine {
  return { id, row: Number(id.slice(1)) + 1, label: `Ligne ${id}`, action: 'create', changes: [], errors: [], warnings: [], acceptable: true, ...over };
}

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    token: 'tok1',
    kind: 'partners',
    fileName: 'partenaires.xlsx',
    format: 'xlsx',
    allOrNothing: false,
    lines: [line('l1'), line('l2'), line('l3', { action: 'invalid', acceptable: false })],
    summary: { total: 3, create: 2, update: 0, merge: 0, unchanged: 0, invalid: 1, warnings: 0 },
    mapping: [
      { index: 0, header: 'Nom', field: 'name' },
      { index: 1, header: 'Ville', field: 'city' },
      { index: 2, header: 'Divers' },
    ],
    fields: [],
    fileErrors: [],
    notices: [],
    canApply: true,
    ...over,
  };
}

function fakeSharing(sharing: Record<string, (...args: unknown[]) => Promise<unknown>>): void {
  fakeApi({ sharing });
}

function wrapper(address: string) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <MemoryRouter initialEntries={[address]}>
        <Providers>{children}</Providers>
      </MemoryRouter>
    );
  };
}

afterEach(() => {
  clearApi();
  vi.restoreAllMocks();
});

describe('import: pure state', () => {
  it('takes the kind from ?type= only when it is a known one', () => {
    expect(initialKind('actions')).toBe('actions');
    expect(initialKind('backup')).toBe('backup');
    expect(initialKind('n’importe quoi')).toBe('partners');
    expect(initialKind(null)).toBe('partners');
  });

  it('sends the whole mapping with the reassigned column, an ignored column as empty', () => {
    const cols = preview().mapping!;
    expect(mappingWith(cols, 'Ville', 'postcode')).toEqual({ Nom: 'name', Ville: 'postcode', Divers: '' });
    expect(mappingWith(cols, 'Nom', null)).toEqual({ Nom: '', Ville: 'city', Divers: '' });
  });

  it('keeps acceptable lines that are not unticked, and ticks or unticks one without touching the others', () => {
    const p = preview();
    expect(keptLines(p, new Set()).map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(keptLines(p, new Set(['l1'])).map((l) => l.id)).toEqual(['l2']);
    expect(keptLines(undefined, new Set())).toEqual([]);
    const unticked = withKept(new Set(['l2']), 'l1', false);
    expect([...unticked].sort()).toEqual(['l1', 'l2']);
    expect([...withKept(unticked, 'l2', true)]).toEqual(['l1']);
  });

  it('blocks on file errors, on an invalid line when all-or-nothing, and when nothing is kept (except a backup)', () => {
    expect(blockedReason(undefined, 0)).toBeUndefined();
    expect(blockedReason(preview(), 2)).toBeUndefined();
    expect(blockedReason(preview({ fileErrors: ['Colonne « Nom » absente.'] }), 2)).toBe(T.ui.cannotApplyErrors);
    expect(blockedReason(preview({ allOrNothing: true }), 2)).toBe(T.ui.cannotApplyErrors);
    expect(blockedReason(preview(), 0)).toBe(T.ui.cannotApplyNothing);
    expect(blockedReason(preview({ kind: 'backup', lines: [], summary: { ...preview().summary, invalid: 0 } }), 0)).toBeUndefined();
  });
});

describe('import: steps', () => {
  it('reads the file for the kind in the address, applies only the kept lines and shows the result', async () => {
    const previewImport = vi.fn(async () => ({ ok: true, value: preview({ kind: 'updatePack' }) }));
    const applyImport = vi.fn(async () => ({ ok: true, value: { applied: 1, message: '1 ligne appliquée.' } }));
    fakeSharing({ previewImport, applyImport, cancelImport: async () => ({ ok: true, value: {} }) });
    const { result } = renderHook(() => useImport(), { wrapper: wrapper('/partage/importer?type=updatePack&pilote=p7') });
    expect(result.current.kind).toBe('updatePack');
    expect(result.current.blockedReason).toBeUndefined();
    await act(() => result.current.choose());
    expect(previewImport).toHaveBeenCalledWith({ kind: 'updatePack', expectedPilotId: 'p7' });
    expect(result.current.kept.map((l) => l.id)).toEqual(['l1', 'l2']);
    act(() => result.current.keep('l1', false));
    expect(result.current.isKept('l1')).toBe(false);
    expect(result.current.kept.map((l) => l.id)).toEqual(['l2']);
    act(() => result.current.keep('l2', false));
    expect(result.current.blockedReason).toBe(T.ui.cannotApplyNothing);
    act(() => result.current.keep('l2', true));
    await act(() => result.current.apply());
    expect(applyImport).toHaveBeenCalledWith({ token: 'tok1', acceptedLineIds: ['l2'] });
    expect(result.current.result).toBe('1 ligne appliquée.');
    expect(result.current.preview).toBeUndefined();
  });

  it('does not send the pilot for another kind, and a refused file leaves its message and no preview', async () => {
    const previewImport = vi.fn(async () => ({ ok: false, error: { code: 'invalid_input', message: 'Ce fichier n’est pas un classeur.' } }));
    fakeSharing({ previewImport });
    const { result } = renderHook(() => useImport(), { wrapper: wrapper('/partage/importer?pilote=p7') });
    await act(() => result.current.choose());
    expect(previewImport).toHaveBeenCalledWith({ kind: 'partners', expectedPilotId: undefined });
    expect(result.current.error).toBe('Ce fichier n’est pas un classeur.');
    expect(result.current.preview).toBeUndefined();
    expect(result.current.busy).toBe(false);
  });

  it('restores a backup only after the confirmation', async () => {
    const applyImport = vi.fn(async () => ({ ok: true, value: { applied: 0, message: 'Sauvegarde restaurée.' } }));
    fakeSharing({ previewImport: async () => ({ ok: true, value: preview({ kind: 'backup', lines: [] }) }), applyImport });
    const { result } = renderHook(() => useImport(), { wrapper: wrapper('/partage/importer?type=backup') });
    await act(() => result.current.choose());

    let first!: Promise<void>;
    act(() => {
      first = result.current.apply();
    });
    fireEvent.click(await screen.findByRole('button', { name: fr.actions.cancel }));
    await act(() => first);
    expect(applyImport).not.toHaveBeenCalled();

    let second!: Promise<void>;
    act(() => {
      second = result.current.apply();
    });
    fireEvent.click(await screen.findByRole('button', { name: T.ui.restore }));
    await act(() => second);
    expect(applyImport).toHaveBeenCalledWith({ token: 'tok1', acceptedLineIds: [] });
    expect(result.current.result).toBe('Sauvegarde restaurée.');
  });

  it('sends the reassigned column and shows the preview read again', async () => {
    const remapImport = vi.fn(async () => ({ ok: true, value: preview({ fileName: 'relu.xlsx' }) }));
    fakeSharing({ previewImport: async () => ({ ok: true, value: preview() }), remapImport });
    const { result } = renderHook(() => useImport(), { wrapper: wrapper('/partage/importer') });
    await act(() => result.current.choose());
    await act(() => result.current.remap('Divers', 'phone'));
    expect(remapImport).toHaveBeenCalledWith({ token: 'tok1', mapping: { Nom: 'name', Ville: 'city', Divers: 'phone' } });
    expect(result.current.preview?.fileName).toBe('relu.xlsx');
  });
});
