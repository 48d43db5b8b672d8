// Paramètres of the register of situations: the correspondence table (off by default; turning it off destroys the names) and the register's counts on the tableau de bord.
import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { confirmDanger } from '../../components/confirm';

const L = fr.register.ui;
const C = fr.correspondence;

type Options = { correspondenceEnabled?: boolean; countsOnDashboard?: boolean };

/** Saves one option; turning the correspondence table off destroys its names, so it is asked first. Resolves false when nothing changed. */
async function save(patch: Options): Promise<boolean> {
  if (patch.correspondenceEnabled === false && !(await confirmDanger(C.disableConfirmTitle, C.disableConfirm, C.disableAction))) return false;
  const success = patch.correspondenceEnabled === false ? C.destroyed(0) : L.optionsSaved;
  return call(api().register.updateOptions(patch), { mutation: true, success }).then(
    () => true,
    () => false,
  );
}

/** The two switches; `framed` adds the card and heading used on the Paramètres screen. */
export function RegisterOptions({ framed = true }: { framed?: boolean }) {
  const settings = useQuery(() => api().register.settings(), []);
  // The switch follows the click at once; it goes back if the change is refused or cancelled.
  const [pending, setPending] = useState<Options>({});
  const s = settings.data;
  if (!s) return null;
  const toggle = (patch: Options) => {
    setPending((p) => ({ ...p, ...patch }));
    void save(patch).then((ok) => {
      if (!ok) setPending((p) => ({ ...p, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
    });
  };
  const switches = (
    <Stack gap="sm">
      <Switch
        label={L.correspondence}
        description={C.settingHint}
        checked={pending.correspondenceEnabled ?? s.correspondenceEnabled}
        onChange={(e) => toggle({ correspondenceEnabled: e.currentTarget.checked })}
      />
      <Switch
        label={L.countsOnDashboard}
        description={L.countsOnDashboardHint}
        checked={pending.countsOnDashboard ?? s.countsOnDashboard ?? false}
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
