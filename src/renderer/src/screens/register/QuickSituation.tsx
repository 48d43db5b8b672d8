// Creating a situation during a séance: a checkbox and three closed lists in the capture dialog; the decision is then linked to it.
import { Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { SituationInput } from '../../../../shared/contract/register';
import { fr } from '../../../../shared/i18n';
import { AgeBracket } from '../../../../shared/register-model';
import { api, call, useQuery } from '../../api';
import { checkForm, formNumber, type FieldErrors } from '../../components/useFormSubmit';
import { birthYearRule } from './SituationForm';

const L = fr.register.ui;
/** Where the situation's messages sit among the capture dialog's: `situation.origin`, `situation.ageBracket`… */
export const SITUATION_FIELD = 'situation.';

export interface QuickSituation {
  enabled: boolean;
  /** The situation's fields, each with its message from `errors` (keyed `situation.<field>`). */
  fields(errors: FieldErrors): ReactNode;
  /** Checks the situation with `register:create`'s own schema: the messages keyed `situation.<field>`, none when right or not asked for. */
  check(reference: string): FieldErrors;
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
  const on = enabled && Boolean(instanceId);
  const values = (reference: string) => {
    const ref = reference.replace(/^situation\s*n°\s*/i, '').trim();
    return {
      ...(ref ? { reference: ref } : {}),
      openedAt: new Date().toISOString().slice(0, 10),
      instanceIds: [instanceId ?? ''],
      // An empty choice is sent as '' so that the contract names the field to fill in.
      origin: origin ?? '',
      reason: reason ?? '',
      ageBracket: (bracket ?? '') as AgeBracket,
      ...(needsYear && birthYear !== '' ? { birthYear: formNumber(birthYear) } : {}),
      orientations: [],
      note: '',
    };
  };
  const fields = (errors: FieldErrors) => {
    if (!show || !instanceId) return null;
    const error = (k: string) => errors[SITUATION_FIELD + k];
    return (
      <Stack gap={6}>
        <Checkbox label={L.captureNew} description={L.captureNewHint} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        {enabled ? (
          <>
            <Text size="xs" c="orange.9" fw={600}>
              {fr.register.reminder}
            </Text>
            <Group grow align="flex-start">
              <Select label={L.origin} required searchable data={active(s?.origins)} value={origin} onChange={setOrigin} error={error('origin')} />
              <Select label={L.reason} required searchable data={active(s?.reasons)} value={reason} onChange={setReason} error={error('reason')} />
            </Group>
            <Group grow align="flex-start">
              <Select label={L.ageBracket} required data={AgeBracket.options.map((b) => ({ value: b, label: fr.register.ageBracket[b] }))} value={bracket} onChange={setBracket} error={error('ageBracket')} />
              {needsYear ? <NumberInput label={L.birthYear} description={L.birthYearHint} required min={1950} max={2100} allowDecimal={false} thousandSeparator="" value={birthYear} onChange={setBirthYear} error={error('birthYear')} /> : <span />}
            </Group>
          </>
        ) : null}
      </Stack>
    );
  };
  return {
    enabled: on,
    fields,
    check(reference) {
      if (!on) return {};
      const checked = checkForm(SituationInput, values(reference), birthYearRule(bracket, birthYear));
      return checked.ok ? {} : Object.fromEntries(Object.entries(checked.errors).map(([k, m]) => [SITUATION_FIELD + k, m]));
    },
    reset() {
      setEnabled(false);
      setOrigin(null);
      setReason(null);
      setBracket(null);
      setBirthYear('');
    },
    async create(reference) {
      const created = await call(api().register.create(values(reference)), { mutation: true });
      return created.reference;
    },
  };
}
