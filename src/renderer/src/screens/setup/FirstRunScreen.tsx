// First run: create the council of one's commune, or explore with demonstration data.
import { Alert, Button, Card, Center, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingCommunity, IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CouncilAcronym } from '../../../../shared/model';
import { api, ApiError, call } from '../../api';

const DEFAULT_AXES = [
  'Prévention de la délinquance auprès de l’enfance et de la jeunesse',
  'Renforcement de la tranquillité publique',
  'Aide aux personnes vulnérables',
];

export function FirstRunScreen({ onDone }: { onDone: () => void }) {
  const [mode, setMode] = useState<'choose' | 'create'>('choose');
  const [busy, setBusy] = useState(false);
  const year = new Date().getFullYear();
  const [form, setForm] = useState({
    communeName: '',
    councilAcronym: 'CLSPD' as CouncilAcronym,
    presidentName: '',
    coordinatorName: '',
    periodStartYear: year,
    periodEndYear: year + 3,
    axes: DEFAULT_AXES,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  const demo = async () => {
    setBusy(true);
    try {
      await call(api().app.demo(), { mutation: true });
      onDone();
    } catch {
      setBusy(false);
    }
  };

  const create = async () => {
    const e: Record<string, string> = {};
    if (!form.communeName.trim()) e.communeName = 'Indiquez le nom de la commune.';
    if (form.periodEndYear < form.periodStartYear) e.periodEndYear = 'L’année de fin est avant l’année de début. Corrigez l’une des deux.';
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      await call(api().app.setup({ ...form, axes: form.axes.map((a) => a.trim()).filter(Boolean) }), { mutation: true });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.info.field) setErrors({ [err.info.field]: err.info.message });
        else setFormError(err.info.message);
      }
      setBusy(false);
    }
  };

  if (mode === 'choose')
    return (
      <Center mih="100%" p="xl">
        <Stack maw={820} gap="xl">
          <Stack gap={4} ta="center">
            <Title order={1}>Bienvenue dans Coordination CLSPD</Title>
            <Text c="dimmed">L’outil du coordonnateur : annuaire des partenaires, stratégie territoriale, réunions, documents.</Text>
          </Stack>
          <SimpleGrid cols={2} spacing="lg">
            <Card withBorder padding="xl" radius="md">
              <Stack>
                <IconBuildingCommunity size={36} color="#1f5fa8" />
                <Title order={2} size="h4">
                  Créer le CLSPD de ma commune
                </Title>
                <Text size="sm" c="dimmed">
                  Indiquez votre commune, le nom du conseil et les axes de votre stratégie. Vous compléterez le reste ensuite.
                </Text>
                <Button onClick={() => setMode('create')}>Créer le CLSPD de ma commune</Button>
              </Stack>
            </Card>
            <Card withBorder padding="xl" radius="md">
              <Stack>
                <IconSparkles size={36} color="#b35c00" />
                <Title order={2} size="h4">
                  Explorer avec des données de démonstration
                </Title>
                <Text size="sm" c="dimmed">
                  Une commune fictive avec sa stratégie, ses instances, ses réunions et ses partenaires, pour découvrir l’outil en cinq minutes.
                </Text>
                <Button variant="light" color="orange" loading={busy} onClick={demo}>
                  Ouvrir la démonstration
                </Button>
              </Stack>
            </Card>
          </SimpleGrid>
        </Stack>
      </Center>
    );

  return (
    <Center mih="100%" p="xl">
      <Card withBorder padding="xl" radius="md" maw={720} w="100%">
        <Stack>
          <Title order={1} size="h3">
            Créer le CLSPD de ma commune
          </Title>
          {formError ? <Alert color="red">{formError}</Alert> : null}
          <TextInput label="Commune" required value={form.communeName} error={errors.communeName} onChange={(e) => {
              setForm({ ...form, communeName: e.currentTarget.value });
              // The message goes away as soon as the field is being filled in.
              if (errors.communeName) setErrors({ ...errors, communeName: '' });
            }} data-autofocus />
          <div>
            <Text size="sm" fw={500} mb={4} id="acronym-label">
              Nom du conseil
            </Text>
            <SegmentedControl
              aria-labelledby="acronym-label"
              value={form.councilAcronym}
              onChange={(v) => setForm({ ...form, councilAcronym: v as CouncilAcronym })}
              data={['CLSPD', 'CLSPDR', 'CISPD', 'CISPDR']}
            />
          </div>
          <Group grow>
            <TextInput label="Président (maire)" value={form.presidentName} onChange={(e) => setForm({ ...form, presidentName: e.currentTarget.value })} />
            <TextInput label="Coordonnateur ou coordonnatrice" value={form.coordinatorName} onChange={(e) => setForm({ ...form, coordinatorName: e.currentTarget.value })} />
          </Group>
          <Group grow>
            <NumberInput label="Stratégie : année de début" value={form.periodStartYear} min={2000} max={2100} onChange={(v) => setForm({ ...form, periodStartYear: Number(v) })} />
            <NumberInput label="Année de fin" value={form.periodEndYear} min={2000} max={2100} error={errors.periodEndYear} onChange={(v) => setForm({ ...form, periodEndYear: Number(v) })} />
          </Group>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Axes de la stratégie
            </Text>
            {form.axes.map((a, i) => (
              <Group key={i} wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={`Axe ${i + 1}`}
                  leftSection={<Text size="xs">{i + 1}</Text>}
                  value={a}
                  onChange={(e) => setForm({ ...form, axes: form.axes.map((x, j) => (j === i ? e.currentTarget.value : x)) })}
                />
                <Button variant="subtle" color="red" aria-label={`Retirer l’axe ${i + 1}`} onClick={() => setForm({ ...form, axes: form.axes.filter((_, j) => j !== i) })}>
                  <IconTrash size={16} />
                </Button>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setForm({ ...form, axes: [...form.axes, ''] })} w="fit-content">
              Ajouter un axe
            </Button>
          </Stack>
          <Group justify="space-between" mt="md">
            <Button variant="default" onClick={() => setMode('choose')}>
              Retour
            </Button>
            <Button onClick={create} loading={busy}>
              Créer le conseil
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
