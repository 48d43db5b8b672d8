// DPO journal: purges and archivings due within 30 days (postpone with a reason), registre des purges, exported backups, journal des accès.
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { PlannedPurge } from '../../../../shared/contract/register';
import { formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { ApiError, api, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { LockedNotice, savePdf } from './common';
import { RegisterSettingsPanel } from './RegisterSettingsPanel';

const L = fr.register.ui;

function PostponeDialog({ item, onClose }: { item: PlannedPurge; onClose(): void }) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        call(api().retention.postpone({ kind: item.kind, targetId: item.targetId, until, reason }), { mutation: true, success: L.postponed })
          .then(onClose)
          .catch((err: unknown) => err instanceof ApiError && setErrors({ [err.info.field ?? 'reason']: err.info.message }));
      }}
    >
      <Stack>
        <Text size="sm">{item.label}</Text>
        <DateField label={L.postponeUntil} value={until} onChange={setUntil} error={errors.until} />
        <TextInput label={L.postponeReason} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} maxLength={300} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {L.cancel}
          </Button>
          <Button type="submit">{L.postpone}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function JournalScreen() {
  const journal = useQuery(() => api().register.journal(), []);
  const plan = useQuery(() => api().retention.plan(), []);
  const [postponing, setPostponing] = useState<PlannedPurge>();
  useEffect(() => {
    document.title = `${L.journal} — ${fr.appName}`;
  }, []);
  const back = (
    <Button variant="subtle" component={Link} to={links.register()} leftSection={<IconArrowLeft size={16} />} mb="sm">
      {L.back}
    </Button>
  );
  if (journal.error) {
    return (
      <>
        {back}
        <PageHeader title={L.journal} />
        <LockedNotice error={journal.error} />
      </>
    );
  }
  const j = journal.data;
  const items = [...(plan.data?.due ?? []), ...(plan.data?.upcoming ?? [])];
  return (
    <>
      {back}
      <PageHeader
        title={L.journal}
        actions={
          <Button leftSection={<IconFileTypePdf size={16} />} onClick={() => void savePdf(() => api().register.journalPdf())}>
            {L.printJournal}
          </Button>
        }
      />
      <Stack gap="lg">
        <section>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {L.retentionHeading}
            </Title>
            {plan.data?.due.length ? (
              <Button size="xs" variant="default" onClick={() => void call(api().retention.apply(), { mutation: true, success: L.appliedNow }).catch(() => undefined)}>
                {L.applyNow}
              </Button>
            ) : null}
          </Group>
          {items.length ? (
            <Paper withBorder>
              <Table aria-label={L.retentionHeading}>
                <Table.Tbody>
                  {items.map((x) => (
                    <Table.Tr key={`${x.kind}:${x.targetId}`}>
                      <Table.Td>{formatShortDate(x.date)}</Table.Td>
                      <Table.Td>{x.step === 'archive' ? fr.register.rules.archive : fr.register.rules[x.rule]}</Table.Td>
                      <Table.Td>{x.label}</Table.Td>
                      <Table.Td>
                        {x.canPostpone ? (
                          <Button size="xs" variant="default" onClick={() => setPostponing(x)}>
                            {L.postpone}
                          </Button>
                        ) : (
                          <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
                            {L.notPostponable}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ) : (
            <Text size="sm" c="dimmed">
              {L.noRetention}
            </Text>
          )}
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {L.purgesHeading}
          </Title>
          <Paper withBorder>
            <Table aria-label={L.purgesHeading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{L.colWhen}</Table.Th>
                  <Table.Th scope="col">{L.colKind}</Table.Th>
                  <Table.Th scope="col">{L.colCount}</Table.Th>
                  <Table.Th scope="col">{L.colRule}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(j?.purges ?? []).map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{formatShortDate(p.at.slice(0, 10))}</Table.Td>
                    <Table.Td>{fr.register.purgeKind[p.kind]}</Table.Td>
                    <Table.Td>{p.count}</Table.Td>
                    <Table.Td>{fr.register.rules[p.rule] ?? p.rule}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {j && !j.purges.length ? (
              <Text size="sm" c="dimmed" p="sm">
                {fr.register.documents.noPurge}
              </Text>
            ) : null}
          </Paper>
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {L.backupsHeading}
          </Title>
          {j?.backups.length ? (
            <Paper withBorder>
              <Table aria-label={L.backupsHeading}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{L.colWhen}</Table.Th>
                    <Table.Th scope="col">{L.colFile}</Table.Th>
                    <Table.Th scope="col">{L.colDestroyBy}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {j.backups.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>{formatShortDate(b.at.slice(0, 10))}</Table.Td>
                      <Table.Td>{b.fileName}</Table.Td>
                      <Table.Td>{b.destroyBy ? (b.expired ? fr.register.documents.destroyNow(formatShortDate(b.destroyBy)) : formatShortDate(b.destroyBy)) : fr.register.documents.unknownExpiry}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ) : (
            <Text size="sm" c="dimmed">
              {fr.register.documents.noBackup}
            </Text>
          )}
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {L.accessHeading}
          </Title>
          <Paper withBorder style={{ maxHeight: 420, overflow: 'auto' }}>
            <Table aria-label={L.accessHeading} stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{L.colWhen}</Table.Th>
                  <Table.Th scope="col">{L.colUser}</Table.Th>
                  <Table.Th scope="col">{L.colAction}</Table.Th>
                  <Table.Th scope="col">{L.colReference}</Table.Th>
                  <Table.Th scope="col">{L.colReasonText}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(j?.access ?? []).slice(0, 500).map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{`${formatShortDate(a.at.slice(0, 10))} ${a.at.slice(11, 16)}`}</Table.Td>
                    <Table.Td>{a.user}</Table.Td>
                    <Table.Td>{fr.register.access[a.action]}</Table.Td>
                    <Table.Td>{a.reference ?? ''}</Table.Td>
                    <Table.Td>{a.reason ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </section>
        <RegisterSettingsPanel />
      </Stack>
      <Modal opened={postponing !== undefined} onClose={() => setPostponing(undefined)} title={L.postponeTitle}>
        {postponing ? <PostponeDialog item={postponing} onClose={() => setPostponing(undefined)} /> : null}
      </Modal>
    </>
  );
}
