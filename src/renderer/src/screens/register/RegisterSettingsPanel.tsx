// Paramètres of the register: the closed lists (rename, add, retire — codes never change) and the durations and options.
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ListName } from '../../../../shared/register-model';
import type { ListItem } from '../../../../shared/model';
import { fr } from '../../../../shared/i18n';
import { ListPatch } from '../../../../shared/contract/register';
import { api, call, useQuery } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { MeetingTextsYears, RegisterOptions } from '../settings/RegisterOptions';

const L = fr.register.ui;
const LISTS: ListName[] = ['origins', 'reasons', 'orientations', 'closureReasons'];

/** A new code from a label: lower-case ASCII letters, digits and underscores. */
function codeFor(label: string, taken: Set<string>): string {
  const base = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 32) || 'valeur';
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
  return code;
}

function ListEditor({ list, items }: { list: ListName; items: ListItem[] }) {
  const [draft, setDraft] = useState(items);
  const { errors, submit } = useFormSubmit('items');
  useEffect(() => setDraft(items), [items]);
  const known = new Set(items.map((x) => x.code));
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        {fr.register.listNames[list]}
      </Text>
      <Stack gap={6}>
        {draft.map((item, i) => (
          <Group key={item.code} gap="xs" wrap="nowrap">
            <TextInput
              aria-label={L.itemLabel(fr.register.listNames[list], i + 1)}
              value={item.label}
              onChange={(e) => {
                const label = e.currentTarget.value;
                setDraft((d) => d.map((x, j) => (j === i ? { ...x, label } : x)));
              }}
              error={errors[`items.${i}.label`]}
              style={{ flex: 1 }}
            />
            <Checkbox label={L.retired} aria-label={L.retiredItem(item.label, i + 1)} checked={Boolean(item.retired)} onChange={(e) => {
              const retired = e.currentTarget.checked;
              setDraft((d) => d.map((x, j) => (j === i ? { ...x, retired } : x)));
            }} />
          </Group>
        ))}
        {errors.items ? <Text c="red" size="sm" role="alert">{errors.items}</Text> : null}
        <Group justify="space-between">
          <Button variant="subtle" size="xs" onClick={() => setDraft((d) => [...d, { code: codeFor(`${L.addItem} ${d.length + 1}`, new Set(d.map((x) => x.code))), label: '' }])}>
            {L.addItem}
          </Button>
          <Button
            size="xs"
            onClick={() => {
              const taken = new Set<string>();
              // New values get their code from their label.
              for (const x of draft) if (known.has(x.code)) taken.add(x.code);
              const next = draft.map((x) => {
                if (known.has(x.code)) return x;
                const code = codeFor(x.label, taken);
                taken.add(code);
                return { ...x, code };
              });
              void submit(ListPatch, { list, items: next }, (input) => call(api().register.updateList(input), { mutation: true, success: L.listSaved }));
            }}
          >
            {L.saveList}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function RegisterSettingsPanel() {
  const settings = useQuery(() => api().register.settings(), []);
  const s = settings.data;
  if (!s) return null;
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {L.parameters}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {L.listsHint}
      </Text>
      <Stack gap="sm">
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {L.durationsHeading}
          </Text>
          <Stack gap="md">
            <MeetingTextsYears key={s.meetingTextsYears} saved={s.meetingTextsYears} />
            <RegisterOptions framed={false} />
          </Stack>
        </Paper>
        {LISTS.map((l) => (
          <ListEditor key={l} list={l} items={s[l]} />
        ))}
      </Stack>
    </section>
  );
}
