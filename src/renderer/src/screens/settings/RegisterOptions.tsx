// Paramètres of the register of situations: the correspondence table (off by default; turning it off destroys the names) and the register's counts on the tableau de bord.
import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { confirmDanger } from '../../components/confirm';

const L = fr.register.ui;
const C = fr.correspondence;

/** Turning the correspondence table off destroys its names: asked first. */
async function setCorrespondence(on: boolean): Promise<void> {
  if (!on && !(await confirmDanger(C.disableConfirmTitle, C.disableConfirm, C.disableAction))) return;
  await call(api().register.updateOptions({ correspondenceEnabled: on }), { mutation: true, success: on ? L.optionsSaved : C.destroyed(0) }).catch(() => undefined);
}

/** The two switches; `framed` adds the card and heading used on the Paramètres screen. */
export function RegisterOptions({ framed = true }: { framed?: boolean }) {
  const settings = useQuery(() => api().register.settings(), []);
  const s = settings.data;
  if (!s) return null;
  const switches = (
    <Stack gap="sm">
      <Switch label={L.correspondence} description={C.settingHint} checked={s.correspondenceEnabled} onChange={(e) => void setCorrespondence(e.currentTarget.checked)} />
      <Switch
        label={L.countsOnDashboard}
        description={L.countsOnDashboardHint}
        checked={s.countsOnDashboard ?? false}
        onChange={(e) => void call(api().register.updateOptions({ countsOnDashboard: e.currentTarget.checked }), { mutation: true, success: L.optionsSaved }).catch(() => undefined)}
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
