// Import preview: choose what the file holds, read it in the main process, review each line (old → new, errors), apply.
import { Alert, Badge, Button, Card, Checkbox, Group, List, Progress, ScrollArea, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconCirclePlus, IconCircleX, IconEqual, IconFileImport, IconGitMerge, IconPencil } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ImportKind, ImportPreview, PreviewLine } from '../../../../shared/contract/sharing';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { confirmDanger } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ImportProgressBar } from './ImportProgressBar';

const T = fr.sharing;
const KINDS: ImportKind[] = ['partners', 'actions', 'updatePack', 'backup'];

const ACTION_LOOK: Record<PreviewLine['action'], { label: string; color: string; icon: React.ReactNode }> = {
  create: { label: T.import.created, color: 'teal', icon: <IconCirclePlus size={14} /> },
  update: { label: T.import.updated, color: 'blue', icon: <IconPencil size={14} /> },
  merge: { label: T.import.merged, color: 'blue', icon: <IconGitMerge size={14} /> },
  unchanged: { label: T.import.unchanged, color: 'gray', icon: <IconEqual size={14} /> },
  invalid: { label: T.import.invalid, color: 'red', icon: <IconCircleX size={14} /> },
};

function LineRow({ line, kept, onKeep }: { line: PreviewLine; kept: boolean; onKeep: (v: boolean) => void }) {
  const look = ACTION_LOOK[line.action];
  return (
    <Table.Tr bg={line.action === 'invalid' ? 'var(--mantine-color-red-0)' : undefined}>
      <Table.Td>
        <Checkbox aria-label={`${T.ui.colKeep} — ${T.import.row(line.row)}`} checked={kept} disabled={!line.acceptable} onChange={(e) => onKeep(e.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>{line.row}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {line.label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={look.color} variant="light" leftSection={look.icon} style={{ minWidth: 'max-content' }}>
          {look.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {line.changes.map((c) => (
            <Text size="xs" key={c.field}>
              <Text span fw={600} size="xs">
                {c.label}
              </Text>{' '}
              : {c.from ?? '—'} → {c.to ?? '—'}
            </Text>
          ))}
          {line.errors.map((e, i) => (
            <Text size="xs" c="red.8" key={`e${i}`} role="alert">
              <IconCircleX size={12} aria-hidden /> {e.column ? T.import.cellError(line.row, e.column, e.message) : e.message}
            </Text>
          ))}
          {line.warnings.map((w, i) => (
            <Text size="xs" c="orange.9" key={`w${i}`}>
              <IconAlertTriangle size={12} aria-hidden /> {w}
            </Text>
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function ImportScreen() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial = params.get('type') as ImportKind | null;
  const [kind, setKind] = useState<ImportKind>(initial && KINDS.includes(initial) ? initial : 'partners');
  const expectedPilotId = params.get('pilote') ?? undefined;
  const [preview, setPreview] = useState<ImportPreview>();
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<string>();

  const choose = async () => {
    setBusy(true);
    setResult(undefined);
    setError(undefined);
    try {
      if (preview) await call(api().sharing.cancelImport({ token: preview.token }), { notifyError: false }).catch(() => undefined);
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
    const mapping: Record<string, string> = {};
    for (const c of preview.mapping) mapping[c.header] = c.field ?? '';
    mapping[header] = field ?? '';
    const r = await call(api().sharing.remapImport({ token: preview.token, mapping }));
    setPreview(r);
  };

  const kept = useMemo(() => (preview ? preview.lines.filter((l) => l.acceptable && !rejected.has(l.id)) : []), [preview, rejected]);

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

  const blockedReason = !preview
    ? undefined
    : preview.fileErrors.length || (preview.summary.invalid > 0 && preview.allOrNothing)
      ? T.ui.cannotApplyErrors
      : preview.kind !== 'backup' && kept.length === 0
        ? T.ui.cannotApplyNothing
        : undefined;

  return (
    <>
      <PageHeader
        title={T.ui.importScreenTitle}
        subtitle={T.ui.importScreenSubtitle}
        actions={
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/partage')}>
            {T.ui.backToSharing}
          </Button>
        }
      />
      <Stack>
        <Card withBorder>
          <Stack gap="sm">
            <Text fw={600} id="import-kind-label">
              {T.ui.step1}
            </Text>
            <SegmentedControl
              aria-labelledby="import-kind-label"
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                setPreview(undefined);
              }}
              data={KINDS.map((k) => ({ value: k, label: T.dialog.kinds[k] }))}
            />
            {kind === 'backup' ? <Alert color="yellow">{T.backupIsNotAShare}</Alert> : null}
            <Group>
              <Button leftSection={<IconFileImport size={16} />} onClick={choose} loading={busy && !preview}>
                {preview ? T.ui.chooseAnother : T.dialog.chooseFile}
              </Button>
            </Group>
          </Stack>
        </Card>

        {busy && !preview ? <ImportProgressBar active /> : null}
        {busy && preview ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{T.ui.applying}</Text>
            <Progress value={100} animated striped aria-label={T.ui.applying} />
          </Stack>
        ) : null}
        {error ? (
          <Alert color="red" icon={<IconCircleX size={18} />} role="alert" title={T.import.invalid}>
            {error}
          </Alert>
        ) : null}
        {result ? (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} role="status">
            {result}
          </Alert>
        ) : null}

        {!preview && !error && !result && !busy ? <EmptyState title={T.ui.preview} text={T.ui.emptyPreview} /> : null}

        {preview ? (
          <Card withBorder>
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h4">
                  {T.ui.preview} — {preview.fileName}
                </Title>
                {preview.kind !== 'backup' ? <Text size="sm">{T.ui.summary(preview.summary)}</Text> : null}
              </Group>
              {preview.fileErrors.map((e) => (
                <Alert key={e} color="red" role="alert" icon={<IconCircleX size={18} />}>
                  {e}
                </Alert>
              ))}
              {preview.notices.length ? (
                <List size="sm" spacing={2}>
                  {preview.notices.map((n) => (
                    <List.Item key={n}>{n}</List.Item>
                  ))}
                </List>
              ) : null}
              {preview.allOrNothing && preview.kind !== 'backup' ? (
                <Text size="xs" c="dimmed">
                  {T.ui.allOrNothing}
                </Text>
              ) : null}

              {preview.mapping && preview.fields ? (
                <details>
                  <summary>
                    <Text span fw={600} size="sm">
                      {T.dialog.mapping}
                    </Text>
                  </summary>
                  <Text size="xs" c="dimmed" my={4}>
                    {T.ui.mappingHelp}
                  </Text>
                  <Table withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{T.ui.column}</Table.Th>
                        <Table.Th>{T.ui.field}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.mapping.map((c) => (
                        <Table.Tr key={c.index}>
                          <Table.Td>{c.header || '—'}</Table.Td>
                          <Table.Td>
                            <Select
                              aria-label={`${T.ui.field} : ${c.header}`}
                              size="xs"
                              data={[{ value: '', label: T.dialog.ignored }, ...preview.fields!.map((f) => ({ value: f.key, label: f.label }))]}
                              value={c.field ?? ''}
                              onChange={(v) => void remap(c.header, v)}
                              allowDeselect={false}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </details>
              ) : null}

              {preview.kind !== 'backup' && preview.lines.length === 0 && !preview.fileErrors.length ? <Alert color="gray">{T.ui.noChanges}</Alert> : null}
              {preview.lines.length ? (
                <ScrollArea.Autosize mah={520}>
                  <Table striped highlightOnHover stickyHeader aria-label={T.ui.preview}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{T.ui.colKeep}</Table.Th>
                        <Table.Th>{T.ui.colRow}</Table.Th>
                        <Table.Th>{T.ui.colLine}</Table.Th>
                        <Table.Th>{T.ui.colWhat}</Table.Th>
                        <Table.Th>{T.ui.colChanges}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.lines.slice(0, 2000).map((l) => (
                        <LineRow
                          key={l.id}
                          line={l}
                          kept={l.acceptable && !rejected.has(l.id)}
                          onKeep={(v) =>
                            setRejected((prev) => {
                              const next = new Set(prev);
                              if (v) next.delete(l.id);
                              else next.add(l.id);
                              return next;
                            })
                          }
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                  {preview.lines.length > 2000 ? (
                    <Text size="xs" c="dimmed" ta="center" py="xs">
                      {T.ui.moreLines(preview.lines.length - 2000)}
                    </Text>
                  ) : null}
                </ScrollArea.Autosize>
              ) : null}

              <Group justify="flex-end">
                <Button
                  variant="default"
                  onClick={() => {
                    void call(api().sharing.cancelImport({ token: preview.token }), { notifyError: false }).catch(() => undefined);
                    setPreview(undefined);
                  }}
                >
                  {T.ui.cancelImport}
                </Button>
                <Button onClick={apply} loading={busy} disabled={!!blockedReason} title={blockedReason} color={preview.kind === 'backup' ? 'red' : undefined}>
                  {preview.kind === 'backup' ? T.ui.restore : T.ui.applyCount(kept.length)}
                </Button>
              </Group>
              {blockedReason ? (
                <Text size="sm" c="red.8" ta="right">
                  {blockedReason}
                </Text>
              ) : null}
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
