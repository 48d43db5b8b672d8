// Creating a situation during a séance: a checkbox and three closed lists in the capture dialog; the decision is then linked to it.
import { Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { fr } from '../../../../shared/i18n';
import { AgeBracket } from '../../../../shared/register-model';
import { api, call, useQuery } from '../../api';

const L = fr.register.ui;

export interface QuickSituation {
  enabled: boolean;
  fields: ReactNode;
  /** Creates the situation under `reference` (allocated when empty) and returns the reference to cite. */
  create(reference: string): Promise<string>;
  reset(): void;
}

export function useQuickSituation(instanceId: string | undefined, show: boolean): QuickSituation {
  const [enabled, setEnabled] = useState(false);
  const [origin, setOrigin] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [bracket, setBracket] = useState<string | null>(null);
  const [birthYear, setBirthYear] = useState<number | string>('');
  const settings = useQuery(() => api().register.settings(), []);
  const s = settings.data;
  const active = (list: { code: string; label: string; retired?: boolean }[] = []) => list.filter((i) => !i.retired).map((i) => ({ value: i.code, label: i.label }));
  const needsYear = bracket !== null && bracket !== '25_plus';
  const fields =
    show && instanceId ? (
      <Stack gap={6}>
        <Checkbox label={L.captureNew} description={L.captureNewHint} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        {enabled ? (
          <>
            <Text size="xs" c="orange.9" fw={600}>
              {fr.register.reminder}
            </Text>
            <Group grow align="flex-start">
              <Select label={L.origin} required searchable data={active(s?.origins)} value={origin} onChange={setOrigin} />
              <Select label={L.reason} required searchable data={active(s?.reasons)} value={reason} onChange={setReason} />
            </Group>
            <Group grow align="flex-start">
              <Select label={L.ageBracket} required data={AgeBracket.options.map((b) => ({ value: b, label: fr.register.ageBracket[b] }))} value={bracket} onChange={setBracket} />
              {needsYear ? <NumberInput label={L.birthYear} description={L.birthYearHint} required min={1950} max={2100} allowDecimal={false} thousandSeparator="" value={birthYear} onChange={setBirthYear} /> : <span />}
            </Group>
          </>
        ) : null}
      </Stack>
    ) : null;
  return {
    enabled: enabled && Boolean(instanceId),
    fields,
    reset() {
      setEnabled(false);
      setOrigin(null);
      setReason(null);
      setBracket(null);
      setBirthYear('');
    },
    async create(reference) {
      const ref = reference.replace(/^situation\s*n°\s*/i, '').trim();
      const created = await call(
        api().register.create({
          ...(ref ? { reference: ref } : {}),
          openedAt: new Date().toISOString().slice(0, 10),
          instanceIds: [instanceId ?? ''],
          origin: origin ?? '',
          reason: reason ?? '',
          ageBracket: AgeBracket.catch('25_plus').parse(bracket),
          ...(needsYear && birthYear !== '' ? { birthYear: Number(birthYear) } : {}),
          orientations: [],
          note: '',
        }),
        { mutation: true },
      );
      return created.reference;
    },
  };
}
