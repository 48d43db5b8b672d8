// Paramètres: identity of the council, data folder, backups with restore.
import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconFolderOpen, IconHistory } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { SettingsPatch } from '../../../../shared/contract/core';
import { addressLabel, defaultPresidentTitle } from '../../../../shared/council';
import { fr } from '../../../../shared/i18n';
import type { CouncilAcronym } from '../../../../shared/model';
import { api, call, useQuery } from '../../api';
import { useAccess } from '../../app/access';
import { useAppState } from '../../app/appState';
import { confirmDanger } from '../../components/confirm';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PageHeader } from '../../components/PageHeader';
import { describeBackup } from './backups';
import { VaultSettings } from '../vault/VaultSettings';
import { ComputerSettings } from './ComputerSettings';
import { TeamSettings } from './TeamSettings';
import { RegisterOptions } from './RegisterOptions';
import { WideTable } from '../../components/WideTable';

const t = fr.directory.settings;

export function SettingsScreen() {
  const { state } = useAppState();
  const { canAdminister } = useAccess();
  const settings = state.settings!;
  const [v, setV] = useState<SettingsPatch>({});
  useEffect(() => {
    setV({
      communeName: settings.communeName,
      councilAcronym: settings.councilAcronym,
      councilName: settings.councilName,
      presidentName: settings.presidentName,
      presidentTitle: settings.presidentTitle,
      coordinatorName: settings.coordinatorName,
      coordinatorEmail: settings.coordinatorEmail,
      coordinatorPhone: settings.coordinatorPhone,
      address: settings.address,
      staleAfterMonths: settings.staleAfterMonths,
      logoPath: settings.logoPath ?? '',
    });
  }, [settings]);
  const backups = useQuery(() => api().backups.list(), []);
  const { errors, setErrors, busy, submit } = useFormSubmit('communeName');
  const set = (k: keyof SettingsPatch) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });

  const save = () => submit(SettingsPatch, v, () => call(api().settings.update(v), { mutation: true, success: t.saved }));
  const chooseLogo = async () => {
    try {
      const next = await call(api().settings.chooseLogo(), { mutation: true });
      setV((cur) => ({ ...cur, logoPath: next.logoPath ?? '' }));
    } catch (e) {
      setErrors({ logoPath: (e as Error).message });
    }
  };
  const restore = async (name: string, label: string) => {
    if (!(await confirmDanger(t.restoreTitle, t.restoreBody(label), t.restore)))
      return;
    await call(api().backups.restore({ name }), { mutation: true, success: t.restored });
  };

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Stack>
        {/* The council's identity is the coordinator's (the server refuses it to other accounts): shown, not editable. */}
        <Card withBorder component="fieldset" disabled={!canAdminister} style={{ margin: 0, minWidth: 0 }}>
          <Title order={2} size="h4" mb="sm">
            {t.identity}
          </Title>
          {!canAdminister ? (
            <Text size="sm" mb="sm">
              {fr.access.coordinatorOnly}
            </Text>
          ) : null}
          <Stack>
            <Group grow>
              <TextInput label={t.commune} required value={v.communeName ?? ''} onChange={set('communeName')} error={errors.communeName} maxLength={300} />
              <Select
                label={t.acronym}
                data={['CLSPD', 'CLSPDR', 'CISPD', 'CISPDR']}
                value={v.councilAcronym ?? 'CLSPD'}
                onChange={(x) => x && setV({ ...v, councilAcronym: x as CouncilAcronym, councilName: undefined })}
                allowDeselect={false}
              />
            </Group>
            <TextInput label={t.councilName} value={v.councilName ?? ''} onChange={set('councilName')} error={errors.councilName} maxLength={300} placeholder={t.councilNamePlaceholder} />
            <Group grow>
              <TextInput label={t.president} value={v.presidentName ?? ''} onChange={set('presidentName')} error={errors.presidentName} maxLength={300} />
              <TextInput label={t.presidentTitle} value={v.presidentTitle ?? ''} onChange={set('presidentTitle')} error={errors.presidentTitle} maxLength={300} placeholder={defaultPresidentTitle(v.councilAcronym ?? 'CLSPD')} />
            </Group>
            <Group grow>
              <TextInput label={t.coordinator} value={v.coordinatorName ?? ''} onChange={set('coordinatorName')} error={errors.coordinatorName} maxLength={300} />
              <TextInput label={t.email} value={v.coordinatorEmail ?? ''} onChange={set('coordinatorEmail')} error={errors.coordinatorEmail} maxLength={300} />
              <TextInput label={t.phone} value={v.coordinatorPhone ?? ''} onChange={set('coordinatorPhone')} error={errors.coordinatorPhone} maxLength={300} />
            </Group>
            <TextInput label={addressLabel(v.councilAcronym ?? 'CLSPD')} value={v.address ?? ''} onChange={set('address')} error={errors.address} maxLength={300} />
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label={t.logo} value={v.logoPath ?? ''} onChange={set('logoPath')} error={errors.logoPath} maxLength={1000} style={{ flex: 1 }} />
              <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={chooseLogo}>
                {t.chooseLogo}
              </Button>
            </Group>
            <Group>
              <NumberInput
                w={440}
                label={t.staleAfter}
                min={1}
                max={24}
                value={v.staleAfterMonths ?? 3}
                onChange={(x) => setV({ ...v, staleAfterMonths: Number(x) || 3 })}
                error={errors.staleAfterMonths}
              />
            </Group>
            <Group justify="flex-end">
              <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={busy}>
                {t.save}
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t.dataFolder}
          </Title>
          <Text size="sm">
            {t.dataFolderIntro} <Text span ff="monospace">{state.dataDir}</Text>
          </Text>
          {state.syncedFolder && (
            <Alert color="orange" title={fr.store.syncedFolder.title} icon={<IconAlertTriangle size={18} />} my="xs">
              {state.syncedFolder.message}
            </Alert>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t.dataFolderHelp}
          </Text>
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t.backups}
            </Title>
            {canAdminister ? (
              <Button
                variant="light"
                leftSection={<IconHistory size={16} />}
                onClick={async () => {
                  await call(api().backups.create(), { mutation: true, success: t.backupCreated });
                  backups.reload();
                }}
              >
                {t.backupNow}
              </Button>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {t.backupsHelp}
          </Text>
          {(backups.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {t.noBackups}
            </Text>
          ) : (
            <WideTable striped aria-label={t.backups}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.colDate}</Table.Th>
                  <Table.Th>{t.colReason}</Table.Th>
                  <Table.Th>{t.colSize}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(backups.data ?? []).map((b) => {
                  const d = describeBackup(b);
                  return (
                    <Table.Tr key={b.name}>
                      <Table.Td>{d.date}</Table.Td>
                      <Table.Td>{d.reason}</Table.Td>
                      <Table.Td>{t.sizeKb(Math.max(1, Math.round(b.size / 1024)))}</Table.Td>
                      <Table.Td ta="right">
                        {canAdminister ? (
                          <Button size="xs" variant="default" onClick={() => restore(b.name, d.date)}>
                            {t.restore}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </WideTable>
          )}
        </Card>
        <VaultSettings />
        <RegisterOptions />
        <ComputerSettings />
        <TeamSettings />
      </Stack>
    </>
  );
}
