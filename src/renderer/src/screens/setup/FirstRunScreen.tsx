// First run: create the council of one's commune, or explore with demonstration data.
import { Button, Card, Center, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingCommunity, IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { SetupInput } from '../../../../shared/contract/core';
import { fr } from '../../../../shared/i18n';
import type { CouncilAcronym } from '../../../../shared/model';
import { api, call } from '../../api';
import { errorUnder, useFormSubmit } from '../../components/useFormSubmit';

const t = fr.directory.setup;

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
    axes: [...t.defaultAxes],
  });
  const { errors, setErrors, busy: creating, submit } = useFormSubmit('communeName');

  const demo = async () => {
    setBusy(true);
    try {
      await call(api().app.demo(), { mutation: true });
      onDone();
    } catch {
      setBusy(false);
    }
  };

  const create = () =>
    submit(
      SetupInput,
      { ...form, axes: form.axes.map((a) => a.trim()).filter(Boolean) },
      async (input) => {
        await call(api().app.setup(input), { mutation: true });
        onDone();
      },
      form.periodEndYear < form.periodStartYear ? { periodEndYear: t.endBeforeStart } : {},
    );

  if (mode === 'choose')
    return (
      <Center mih="100%" p={{ base: 'xs', sm: 'xl' }}>
        <Stack maw={820} gap="xl">
          <Stack gap={4} ta="center">
            <Title order={1}>{t.welcome}</Title>
            <Text c="dimmed">{t.tagline}</Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg">
            <Card withBorder padding="xl" p={{ base: 'md', sm: 'xl' }} radius="md">
              <Stack>
                <IconBuildingCommunity size={36} color="#1f5fa8" />
                <Title order={2} size="h4">
                  {t.createTitle}
                </Title>
                <Text size="sm" c="dimmed">
                  {t.createText}
                </Text>
                <Button onClick={() => setMode('create')}>{t.createTitle}</Button>
              </Stack>
            </Card>
            <Card withBorder padding="xl" p={{ base: 'md', sm: 'xl' }} radius="md">
              <Stack>
                <IconSparkles size={36} color="#b35c00" />
                <Title order={2} size="h4">
                  {t.demoTitle}
                </Title>
                <Text size="sm" c="dimmed">
                  {t.demoText}
                </Text>
                <Button variant="light" color="orange" loading={busy} onClick={demo}>
                  {t.openDemo}
                </Button>
              </Stack>
            </Card>
          </SimpleGrid>
        </Stack>
      </Center>
    );

  return (
    <Center mih="100%" p={{ base: 'xs', sm: 'xl' }}>
      <Card withBorder padding="xl" p={{ base: 'md', sm: 'xl' }} radius="md" maw={720} w="100%">
        <Stack>
          <Title order={1} size="h3">
            {t.createTitle}
          </Title>
          <TextInput label={t.commune} required value={form.communeName} error={errors.communeName} onChange={(e) => {
              setForm({ ...form, communeName: e.currentTarget.value });
              // The message goes away as soon as the field is being filled in.
              if (errors.communeName) setErrors({ ...errors, communeName: '' });
            }} data-autofocus />
          <div>
            <Text size="sm" fw={500} mb={4} id="acronym-label">
              {t.councilName}
            </Text>
            <SegmentedControl
              aria-labelledby="acronym-label"
              value={form.councilAcronym}
              onChange={(v) => setForm({ ...form, councilAcronym: v as CouncilAcronym })}
              data={['CLSPD', 'CLSPDR', 'CISPD', 'CISPDR']}
            />
          </div>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label={t.president} value={form.presidentName} error={errors.presidentName} onChange={(e) => setForm({ ...form, presidentName: e.currentTarget.value })} />
            <TextInput label={t.coordinator} value={form.coordinatorName} error={errors.coordinatorName} onChange={(e) => setForm({ ...form, coordinatorName: e.currentTarget.value })} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput label={t.startYear} value={form.periodStartYear} min={2000} max={2100} error={errors.periodStartYear} onChange={(v) => setForm({ ...form, periodStartYear: Number(v) })} />
            <NumberInput label={t.endYear} value={form.periodEndYear} min={2000} max={2100} error={errors.periodEndYear} onChange={(v) => setForm({ ...form, periodEndYear: Number(v) })} />
          </SimpleGrid>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t.axes}
            </Text>
            {form.axes.map((a, i) => (
              <Group key={i} wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t.axis(i + 1)}
                  leftSection={<Text size="xs">{i + 1}</Text>}
                  value={a}
                  onChange={(e) => setForm({ ...form, axes: form.axes.map((x, j) => (j === i ? e.currentTarget.value : x)) })}
                />
                <Button variant="subtle" color="red" aria-label={t.removeAxis(i + 1)} onClick={() => setForm({ ...form, axes: form.axes.filter((_, j) => j !== i) })}>
                  <IconTrash size={16} />
                </Button>
              </Group>
            ))}
            {errorUnder(errors, 'axes') ? (
              <Text size="sm" c="red.8" role="alert">
                {errorUnder(errors, 'axes')}
              </Text>
            ) : null}
            <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setForm({ ...form, axes: [...form.axes, ''] })} w="fit-content">
              {t.addAxis}
            </Button>
          </Stack>
          <Group justify="space-between" mt="md">
            <Button variant="default" onClick={() => setMode('choose')}>
              {t.back}
            </Button>
            <Button onClick={create} loading={creating}>
              {t.create}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
