// Browser login to the team server: e-mail and password, then the one-time password change at first login.
import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fr } from '../../../shared/i18n';
import { LoginBody, NewPasswordForm } from '../../../shared/team-session';
import { useFormSubmit } from '../components/useFormSubmit';
import { changePassword, login } from './session';
import type { SessionAccount } from './transport';
import { PasswordField } from '../components/PasswordField';

const t = fr.team.web;

function Frame({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${fr.appName}`;
    h1.current?.focus();
  }, [title]);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <Text fw={700} c="marianne.7">
            {fr.appName}
          </Text>
          <Title order={1} size="h2" ref={h1} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          <Text size="sm">{intro}</Text>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** `notice`: why the user is here again (session expired, logged out). Checked with the login route's own body schema. */
export function LoginScreen({ notice, onLoggedIn }: { notice?: string; onLoggedIn: (a: SessionAccount) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The server's refusal (wrong address or password, too many attempts, unreachable) is about the whole form.
  const [refused, setRefused] = useState<string>();
  const { errors, busy, submit, formRef } = useFormSubmit('password');
  const send = (e: FormEvent) => {
    e.preventDefault();
    setRefused(undefined);
    void submit(LoginBody, { email, password, cookie: true }, async (v) => {
      const r = await login(v.email, v.password);
      if (r.account) onLoggedIn(r.account);
      else setRefused(r.error);
    });
  };
  return (
    <Frame title={t.loginTitle} intro={t.loginIntro}>
      {notice && !refused ? (
        <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />} role="status">
          {notice}
        </Alert>
      ) : null}
      {refused ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {refused}
        </Alert>
      ) : null}
      <form ref={formRef} onSubmit={send} noValidate>
        <Stack gap="sm">
          <TextInput label={t.email} type="email" autoComplete="username" required value={email} error={errors.email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordField label={t.password} autoComplete="current-password" required value={password} error={errors.password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy}>
            {t.login}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}

/** The one-time password replaced, checked with the same schema as the desktop's team:setPassword. */
export function ChangePasswordScreen({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [refused, setRefused] = useState<string>();
  const { errors, busy, submit, formRef } = useFormSubmit('password');
  const send = (e: FormEvent) => {
    e.preventDefault();
    setRefused(undefined);
    void submit(NewPasswordForm, { password, confirmation }, async (v) => {
      const message = await changePassword(v.password);
      if (message) setRefused(message);
      else onDone();
    });
  };
  return (
    <Frame title={t.changeTitle} intro={t.changeIntro}>
      {refused ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {refused}
        </Alert>
      ) : null}
      <form ref={formRef} onSubmit={send} noValidate>
        <Stack gap="sm">
          <PasswordField label={t.newPassword} autoComplete="new-password" required value={password} error={errors.password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <PasswordField label={t.confirmPassword} autoComplete="new-password" required value={confirmation} error={errors.confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} />
          <Button type="submit" loading={busy}>
            {t.changePassword}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}
