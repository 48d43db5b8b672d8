// Export dialog: choose a table and a format, see what confidential content is left out, include it only on explicit choice.
import { Alert, Button, Checkbox, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { SharingOverview, TableKindInput } from '../../../../shared/contract/sharing';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { confirmIncludeConfidential } from './confidential';

const T = fr.sharing;

export function ExportDialog({ opened, onClose, overview, initialTable }: { opened: boolean; onClose: () => void; overview?: SharingOverview; initialTable?: TableKindInput }) {
  const [table, setTable] = useState<TableKindInput>(initialTable ?? 'actions');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [includeConfidential, setInclude] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  // Each opening starts afresh (the dialog stays mounted so that closing it returns the focus to its opener).
  useEffect(() => {
    if (!opened) return;
    setTable(initialTable ?? 'actions');
    setFormat('xlsx');
    setInclude(false);
    setDone(undefined);
  }, [opened, initialTable]);
  const info = overview?.tables.find((t) => t.kind === table);

  const toggle = async (checked: boolean) => {
    if (!checked) return setInclude(false);
    setInclude(await confirmIncludeConfidential());
  };

  const run = async () => {
    setBusy(true);
    setDone(undefined);
    try {
      const r = await call(api().sharing.exportTable({ table, format, includeConfidential }));
      setDone(r.message);
    } catch {
      // The error was shown as a notification.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={T.dialog.exportTitle} size="lg">
      <Stack>
        <Select
          label={T.dialog.table}
          data={(overview?.tables ?? []).map((t) => ({ value: t.kind, label: `${t.label} — ${T.ui.rows(t.rows)}` }))}
          value={table}
          onChange={(v) => v && setTable(v as TableKindInput)}
          allowDeselect={false}
        />
        <Radio.Group label={T.dialog.format} value={format} onChange={(v) => setFormat(v as 'xlsx' | 'csv')}>
          <Group mt={4}>
            <Radio value="xlsx" label={T.ui.formatXlsx} />
            <Radio value="csv" label={T.ui.formatCsv} />
          </Group>
        </Radio.Group>
        {info && info.confidentialRows > 0 ? (
          <>
            {includeConfidential ? (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title={T.confidentialBanner}>
                {T.ui.confidentialIncluded}
              </Alert>
            ) : (
              <Alert color="blue" icon={<IconLock size={18} />}>
                {T.ui.confidentialLeftOut(info.confidentialRows)}
              </Alert>
            )}
            <Checkbox label={T.dialog.includeConfidential} checked={includeConfidential} onChange={(e) => void toggle(e.currentTarget.checked)} />
          </>
        ) : null}
        {done ? (
          <Alert color="teal" role="status">
            <Text size="sm">{done}</Text>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {fr.actions.close}
          </Button>
          <Button leftSection={<IconFileSpreadsheet size={16} />} onClick={run} loading={busy}>
            {T.ui.exportNow}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
