// Import screen: the kind chosen, the file's preview and the lines unticked, and each step (choose a file, reassign a column, cancel, apply).
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ImportKind, ImportPreview } from '../../../../../shared/contract/sharing';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { confirmDanger } from '../../../components/confirm';
import { blockedReason, initialKind, keptLines, mappingWith, withKept } from './importState';

const T = fr.sharing;

export function useImport() {
  const [params] = useSearchParams();
  const [kind, setKind] = useState<ImportKind>(() => initialKind(params.get('type')));
  const expectedPilotId = params.get('pilote') ?? undefined;
  const [preview, setPreview] = useState<ImportPreview>();
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<string>();

  /** Lets the main process forget a preview the user walked away from. */
  const forget = (token: string) => call(api().sharing.cancelImport({ token }), { notifyError: false }).catch(() => undefined);

  const choose = async () => {
    setBusy(true);
    setResult(undefined);
    setError(undefined);
    try {
      if (preview) await forget(preview.token);
      const r = await call(api().sharing.previewImport({ kind, expectedPilotId: kind === 'updatePack' ? expectedPilotId : undefined }), { notifyError: false });
      if ('cancelled' in r) return;
      setPreview(r);
      setRejected(new Set());
    } catch (e) {
      setPreview(undefined);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const remap = async (header: string, field: string | null) => {
    if (!preview?.mapping) return;
    setPreview(await call(api().sharing.remapImport({ token: preview.token, mapping: mappingWith(preview.mapping, header, field) })));
  };

  const kept = useMemo(() => keptLines(preview, rejected), [preview, rejected]);

  const apply = async () => {
    if (!preview) return;
    if (preview.kind === 'backup' && !(await confirmDanger(T.ui.restoreConfirmTitle, T.ui.restoreConfirm, T.ui.restore))) return;
    setBusy(true);
    try {
      const r = await call(api().sharing.applyImport({ token: preview.token, acceptedLineIds: kept.map((l) => l.id) }), { mutation: true });
      setResult(r.message);
      setPreview(undefined);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return {
    kind,
    /** A new kind drops the preview of the previous one. */
    chooseKind: (k: ImportKind) => {
      setKind(k);
      setPreview(undefined);
    },
    preview,
    busy,
    result,
    error,
    kept,
    blockedReason: blockedReason(preview, kept.length),
    isKept: (id: string) => !rejected.has(id),
    keep: (id: string, v: boolean) => setRejected((prev) => withKept(prev, id, v)),
    choose,
    remap,
    apply,
    cancel: () => {
      if (preview) void forget(preview.token);
      setPreview(undefined);
    },
  };
}

export type ImportState = ReturnType<typeof useImport>;
