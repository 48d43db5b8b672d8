// DPO journal: purges and archivings due within 30 days (postpone with a reason), registre des purges, exported backups, journal des accès.
import { Badge, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { registerContract, type PlannedPurge } from '../../../../shared/contract/register';
import { formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { DateField } from '../../components/DateField';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PageHeader } from '../../components/PageHeader';
import { LockedNotice, savePdf } from './common';
import { DataTable } from './DataTable';
import { RegisterSettingsPanel } from './RegisterSettingsPanel';

const L = fr.register.ui;

function PostponeDialog({ item, onClose }: { item: PlannedPurge; onClose(): void }) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const { errors, submit } = useFormSubmit('reason');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit(registerContract['retention:postpone'].input, { kind: item.kind, targetId: item.targetId, until, reason }, async (input) => {
          await call(api().retention.postpone(input), { mutation: true, success: L.postponed });
          onClose();
        });
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
            <DataTable
              label={L.retentionHeading}
              rows={items}
              rowKey={(x) => `${x.kind}:${x.targetId}`}
              columns={[
                { header: L.colWhen, cell: (x) => formatShortDate(x.date), nowrap: true },
                { header: L.colRule, cell: (x) => (x.step === 'archive' ? fr.register.rules.archive : fr.register.rules[x.rule]) },
                { header: L.colWhat, cell: (x) => x.label },
                {
                  header: L.colPostpone,
                  cell: (x) =>
                    x.canPostpone ? (
                      <Button size="xs" variant="default" onClick={() => setPostponing(x)}>
                        {L.postpone}
                      </Button>
                    ) : (
                      <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
                        {L.notPostponable}
                      </Badge>
                    ),
                },
              ]}
            />
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
          <DataTable
            label={L.purgesHeading}
            rows={j?.purges ?? []}
            rowKey={(p) => p.id}
            empty={j ? fr.register.documents.noPurge : undefined}
            columns={[
              { header: L.colWhen, cell: (p) => formatShortDate(p.at.slice(0, 10)), nowrap: true },
              { header: L.colKind, cell: (p) => fr.register.purgeKind[p.kind] },
              { header: L.colCount, cell: (p) => p.count },
              { header: L.colRule, cell: (p) => fr.register.rules[p.rule] ?? p.rule },
            ]}
          />
        </section>
        <section>
          <Title order={2} size="h4" mb="xs">
            {L.backupsHeading}
          </Title>
          {j?.backups.length ? (
            <DataTable
              label={L.backupsHeading}
              rows={j.backups}
              rowKey={(b) => b.id}
              columns={[
                { header: L.colWhen, cell: (b) => formatShortDate(b.at.slice(0, 10)), nowrap: true },
                { header: L.colFile, cell: (b) => b.fileName },
                {
                  header: L.colDestroyBy,
                  cell: (b) => (b.destroyBy ? (b.expired ? fr.register.documents.destroyNow(formatShortDate(b.destroyBy)) : formatShortDate(b.destroyBy)) : fr.register.documents.unknownExpiry),
                },
              ]}
            />
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
          <DataTable
            label={L.accessHeading}
            maxHeight={420}
            rows={(j?.access ?? []).slice(0, 500)}
            rowKey={(a) => a.id}
            columns={[
              { header: L.colWhen, cell: (a) => `${formatShortDate(a.at.slice(0, 10))} ${a.at.slice(11, 16)}`, nowrap: true },
              { header: L.colUser, cell: (a) => a.user },
              { header: L.colAction, cell: (a) => fr.register.access[a.action] },
              { header: L.colReference, cell: (a) => a.reference ?? '' },
              { header: L.colReasonText, cell: (a) => a.reason ?? '' },
            ]}
          />
        </section>
        <RegisterSettingsPanel />
      </Stack>
      <Modal opened={postponing !== undefined} onClose={() => setPostponing(undefined)} title={L.postponeTitle}>
        {postponing ? <PostponeDialog item={postponing} onClose={() => setPostponing(undefined)} /> : null}
      </Modal>
    </>
  );
}
