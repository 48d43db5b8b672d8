// Paramètres: identity of the council, data folder, backups with restore.
import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconHistory } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { SettingsPatch } from '../../../../shared/contract/core';
import type { CouncilAcronym } from '../../../../shared/model';
import { api, call, useQuery } from '../../api';
import { useAppState } from '../../app/App';
import { confirmDanger } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { describeBackup } from './backups';

export function SettingsScreen() {
  const { state } = useAppState();
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const set = (k: keyof SettingsPatch) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });

  const save = async () => {
    if (!v.communeName?.trim()) {
      setError('Indiquez le nom de la commune.');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await call(api().settings.update(v), { mutation: true, success: 'Paramètres enregistrés.' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const restore = async (name: string, label: string) => {
    if (!(await confirmDanger('Restaurer cette sauvegarde ?', `Les données actuelles seront remplacées par la sauvegarde du ${label}. Elles sont d’abord mises de côté dans le dossier des sauvegardes.`, 'Restaurer')))
      return;
    await call(api().backups.restore({ name }), { mutation: true, success: 'Sauvegarde restaurée.' });
  };

  return (
    <>
      <PageHeader title="Paramètres" subtitle="L’identité du conseil, imprimée sur tous les documents, et vos sauvegardes." />
      <Stack>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Identité du conseil
          </Title>
          {error ? (
            <Alert color="red" mb="sm">
              {error}
            </Alert>
          ) : null}
          <Stack>
            <Group grow>
              <TextInput label="Commune" required value={v.communeName ?? ''} onChange={set('communeName')} maxLength={300} />
              <Select
                label="Sigle du conseil"
                data={['CLSPD', 'CLSPDR', 'CISPD', 'CISPDR']}
                value={v.councilAcronym ?? 'CLSPD'}
                onChange={(x) => x && setV({ ...v, councilAcronym: x as CouncilAcronym, councilName: undefined })}
                allowDeselect={false}
              />
            </Group>
            <TextInput label="Nom complet du conseil" value={v.councilName ?? ''} onChange={set('councilName')} maxLength={300} placeholder="Rempli automatiquement selon le sigle" />
            <Group grow>
              <TextInput label="Président(e)" value={v.presidentName ?? ''} onChange={set('presidentName')} maxLength={300} />
              <TextInput label="Qualité" value={v.presidentTitle ?? ''} onChange={set('presidentTitle')} maxLength={300} placeholder="Maire" />
            </Group>
            <Group grow>
              <TextInput label="Coordonnateur ou coordonnatrice" value={v.coordinatorName ?? ''} onChange={set('coordinatorName')} maxLength={300} />
              <TextInput label="Courriel" value={v.coordinatorEmail ?? ''} onChange={set('coordinatorEmail')} maxLength={300} />
              <TextInput label="Téléphone" value={v.coordinatorPhone ?? ''} onChange={set('coordinatorPhone')} maxLength={300} />
            </Group>
            <TextInput label="Adresse de la mairie" value={v.address ?? ''} onChange={set('address')} maxLength={300} />
            <Group grow>
              <TextInput label="Logo (chemin d’un fichier PNG ou JPEG)" value={v.logoPath ?? ''} onChange={set('logoPath')} maxLength={1000} />
              <NumberInput
                label="Action « non renseignée » après (mois sans mise à jour)"
                min={1}
                max={24}
                value={v.staleAfterMonths ?? 3}
                onChange={(x) => setV({ ...v, staleAfterMonths: Number(x) || 3 })}
              />
            </Group>
            <Group justify="flex-end">
              <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={busy}>
                Enregistrer
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Dossier de données
          </Title>
          <Text size="sm">
            Vos données restent sur cet ordinateur, dans le dossier : <Text span ff="monospace">{state.dataDir}</Text>
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            Pour travailler dans un autre dossier (par exemple un lecteur partagé de la mairie), demandez à votre service informatique de l’indiquer au lancement de l’application.
          </Text>
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              Sauvegardes
            </Title>
            <Button
              variant="light"
              leftSection={<IconHistory size={16} />}
              onClick={async () => {
                await call(api().backups.create(), { mutation: true, success: 'Sauvegarde créée.' });
                backups.reload();
              }}
            >
              Sauvegarder maintenant
            </Button>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            Une sauvegarde est faite à chaque ouverture, chaque jour et avant toute mise à jour du format ; les 30 plus récentes sont conservées.
          </Text>
          {(backups.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucune sauvegarde pour l’instant.
            </Text>
          ) : (
            <Table striped aria-label="Sauvegardes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Origine</Table.Th>
                  <Table.Th>Taille</Table.Th>
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
                      <Table.Td>{Math.max(1, Math.round(b.size / 1024))} Ko</Table.Td>
                      <Table.Td ta="right">
                        <Button size="xs" variant="default" onClick={() => restore(b.name, d.date)}>
                          Restaurer
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
    </>
  );
}
