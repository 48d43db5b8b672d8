// Paramètres of the register of situations: the correspondence table (off by default; turning it off destroys the names), the register's
// counts on the tableau de bord and how long meeting texts are kept — each checked with register:updateOptions' own schema.
import { Card, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { registerContract } from '../../../../shared/contract/register';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { confirmDanger } from '../../components/confirm';
import { formNumber, useFormSubmit } from '../../components/useFormSubmit';

const L = fr.register.ui;
const C = fr.correspondence;
const OptionsInput = registerContract['register:updateOptions'].input;

type Options = { correspondenceEnabled?: boolean; countsOnDashboard?: boolean };

/** Saves one switch; turning the correspondence table off destroys its names, so it is asked first. Resolves false when cancelled. */
async function save(patch: Options): Promise<boolean> {
  if (patch.correspondenceEnabled === false && !(await confirmDanger(C.disableConfirmTitle, C.disableConfirm, C.disableAction))) return false;
  const success = patch.correspondenceEnabled === false ? C.destroyed(0) : L.optionsSaved;
  // A refusal is shown under the switch, not as a notification too.
  await call(api().register.updateOptions(patch), { mutation: true, success, notifyError: false });
  return true;
}

/** How many years meeting texts are kept: saved when the field is left, a refused number (the schema's 1–10) saving nothing. */
export function MeetingTextsYears({ saved }: { saved: number }) {
  const [years, setYears] = useState<number | string>(saved);
  const { errors, submit } = useFormSubmit('meetingTextsYears');
  return (
    <NumberInput
      label={L.meetingTextsYears}
      allowDecimal={false}
      value={years}
      onChange={setYears}
      onBlur={() => {
        if (formNumber(years) === saved) return;
        void submit(OptionsInput, { meetingTextsYears: formNumber(years) ?? NaN }, (input) => call(api().register.updateOptions(input), { mutation: true, success: L.optionsSaved }));
      }}
      error={errors.meetingTextsYears}
      w={360}
      maw="100%"
    />
  );
}

/** The two switches; `framed` adds the card and heading used on the Paramètres screen. */
export function RegisterOptions({ framed = true }: { framed?: boolean }) {
  const settings = useQuery(() => api().register.settings(), []);
  // The switch follows the click at once; it goes back if the change is refused or cancelled.
  const [pending, setPending] = useState<Options>({});
  const { errors, submit } = useFormSubmit('correspondenceEnabled');
  const s = settings.data;
  if (!s) return null;
  const toggle = (patch: Options) => {
    setPending((p) => ({ ...p, ...patch }));
    const revert = () => setPending((p) => ({ ...p, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
    void submit(OptionsInput, patch, async (input) => {
      try {
        if (!(await save(input))) revert();
      } catch (e) {
        revert();
        throw e;
      }
    });
  };
  const switches = (
    <Stack gap="sm">
      <Switch
        label={L.correspondence}
        description={C.settingHint}
        checked={pending.correspondenceEnabled ?? s.correspondenceEnabled}
        error={errors.correspondenceEnabled}
        onChange={(e) => toggle({ correspondenceEnabled: e.currentTarget.checked })}
      />
      <Switch
        label={L.countsOnDashboard}
        description={L.countsOnDashboardHint}
        checked={pending.countsOnDashboard ?? s.countsOnDashboard ?? false}
        error={errors.countsOnDashboard}
        onChange={(e) => toggle({ countsOnDashboard: e.currentTarget.checked })}
      />
    </Stack>
  );
  if (!framed) return switches;
  return (
    <Card withBorder component="section" aria-labelledby="register-options-title">
      <Title order={2} size="h4" mb="xs" id="register-options-title">
        {fr.register.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {L.optionsIntro}
      </Text>
      {switches}
    </Card>
  );
}
