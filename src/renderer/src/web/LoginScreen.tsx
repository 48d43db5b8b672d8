// Browser login to the team server: e-mail and password, then the one-time password change at first login.
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fr } from '../../../shared/i18n';
import { changePassword, login } from './session';
import type { SessionAccount } from './transport';

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

/** `notice`: why the user is here again (session expired, logged out). */
export function LoginScreen({ notice, onLoggedIn }: { notice?: string; onLoggedIn: (a: SessionAccount) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = { ...(email.trim() ? {} : { email: t.emailRequired }), ...(password ? {} : { password: t.passwordRequired }) };
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await login(email.trim(), password);
    setBusy(false);
    if (r.account) onLoggedIn(r.account);
    else setErrors({ form: r.error });
  };
  return (
    <Frame title={t.loginTitle} intro={t.loginIntro}>
      {notice && !errors.form ? (
        <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />} role="status">
          {notice}
        </Alert>
      ) : null}
      {errors.form ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {errors.form}
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t.email} type="email" autoComplete="username" required value={email} error={errors.email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label={t.password} autoComplete="current-password" required value={password} error={errors.password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy}>
            {t.login}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}

export function ChangePasswordScreen({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<{ field?: 'password' | 'confirm'; message: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 12) return setError({ field: 'password', message: fr.team.errors.passwordTooShort });
    if (password !== confirm) return setError({ field: 'confirm', message: t.passwordsDiffer });
    setBusy(true);
    const message = await changePassword(password);
    setBusy(false);
    if (message) setError({ message });
    else onDone();
  };
  return (
    <Frame title={t.changeTitle} intro={t.changeIntro}>
      {error && !error.field ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {error.message}
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <PasswordInput label={t.newPassword} autoComplete="new-password" required value={password} error={error?.field === 'password' ? error.message : undefined} onChange={(e) => setPassword(e.currentTarget.value)} />
          <PasswordInput label={t.confirmPassword} autoComplete="new-password" required value={confirm} error={error?.field === 'confirm' ? error.message : undefined} onChange={(e) => setConfirm(e.currentTarget.value)} />
          <Button type="submit" loading={busy}>
            {t.changePassword}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}
