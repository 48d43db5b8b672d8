// Documents screen: every printed document with its options, generation with progress, preview, print, save as, show in folder.
import { Alert, Badge, Button, Checkbox, Grid, Group, NumberInput, Paper, Progress, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconDeviceFloppy, IconFileDescription, IconFolderOpen, IconPrinter } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { GeneratedInfo } from '../../../../shared/contract/documents';
import { formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { api, ApiError, call, useQuery } from '../../api';
import { confirmDanger } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { toBytes } from './bytes';
import { DocumentKindPicker, isKind, type Kind } from './DocumentKindPicker';

// pdf.js is large: load it with the first preview, not with the app.
const PdfPreview = lazy(() => import('./PdfPreview').then((m) => ({ default: m.PdfPreview })));

const t = fr.documents;
const s = t.screen;

/** Governance documents of one confidential group (working group, CDDF). */
const NEEDS_GROUP: Kind[] = ['rules', 'charter', 'charter_review'];

const NEEDS_MEETING: Kind[] = ['convocation', 'emargement', 'minutes'];
/** Documents that leave confidential instances' content out unless the coordinator explicitly includes it. */
const OFFERS_CONFIDENTIAL: Kind[] = ['plan', 'dashboard', 'members'];

export function DocumentsScreen() {
  const [params] = useSearchParams();
  const choices = useQuery(() => api().documents.choices(), []);
  const [kind, setKind] = useState<Kind>(isKind(params.get('kind')) ? (params.get('kind') as Kind) : 'convocation');
  const [meetingId, setMeetingId] = useState<string | null>(params.get('meeting'));
  const [actionId, setActionId] = useState<string | null>(params.get('action'));
  const [instanceId, setInstanceId] = useState<string | null>(params.get('instance'));
  const [year, setYear] = useState<string | null>(params.get('year'));
  const [personalised, setPersonalised] = useState(false);
  const [blankLines, setBlankLines] = useState<number>(8);
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [info, setInfo] = useState<GeneratedInfo>();
  const [bytes, setBytes] = useState<Uint8Array>();
  const [failure, setFailure] = useState<string>();
  const [savedPath, setSavedPath] = useState<string>();

  const data = choices.data;
  const meetings = useMemo(
    () =>
      (data?.meetings ?? [])
        .filter((m) => kind !== 'minutes' || m.minutesAvailable)
        .map((m) => ({ value: m.id, label: `${formatShortDate(m.date)} — ${m.title}${m.confidentiality === 'confidential' ? ` (${fr.confidentiality.confidential})` : ''}` })),
    [data, kind],
  );
  const actions = useMemo(() => (data?.actions ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.title}` })), [data]);
  const instances = useMemo(
    () => [{ value: '', label: s.allInstances }, ...(data?.instances ?? []).map((i) => ({ value: i.id, label: `${i.name}${i.confidentiality === 'confidential' ? ` (${fr.confidentiality.confidential})` : ''}` }))],
    [data],
  );
  const groups = useMemo(() => (data?.instances ?? []).filter((i) => i.governed).map((i) => ({ value: i.id, label: i.name })), [data]);
  const groupId = instanceId && groups.some((g) => g.value === instanceId) ? instanceId : null;
  const singleConfidentialInstance = kind === 'members' && !!instanceId && data?.instances.find((i) => i.id === instanceId)?.confidentiality === 'confidential';
  const offersConfidential = OFFERS_CONFIDENTIAL.includes(kind) && !(kind === 'members' && instanceId);
  const withConfidential = offersConfidential && includeConfidential;
  const years = useMemo(() => (data?.years ?? []).map((y) => ({ value: String(y), label: String(y) })), [data]);

  useEffect(() => {
    if (!year && data) setYear(String(data.currentYear));
  }, [data, year]);

  // Ticks while a generation runs so that a long document shows it is progressing.
  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    setElapsed(0);
    const id = window.setInterval(() => setElapsed(Date.now() - started), 200);
    return () => window.clearInterval(id);
  }, [busy]);

  // Opened from a meeting or an action (?kind=…&meeting=… / &action=…): generate the preview straight away.
  const autoRun = useRef(isKind(params.get('kind')) && !!(params.get('meeting') || params.get('action') || params.get('year')));
  useEffect(() => {
    if (!autoRun.current || !data) return;
    autoRun.current = false;
    if (!missing) void generate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, when the pickers have loaded
  }, [data]);

  const missing =
    (NEEDS_MEETING.includes(kind) && !meetingId) || (kind === 'fiche' && !actionId) || ((kind === 'dashboard' || kind === 'charter_review') && !year) || (NEEDS_GROUP.includes(kind) && !groupId);

  async function generate() {
    setBusy(true);
    setFailure(undefined);
    setInfo(undefined);
    setBytes(undefined);
    setSavedPath(undefined);
    try {
      const d = api().documents;
      let r: GeneratedInfo;
      switch (kind) {
        case 'convocation':
          r = await call(d.convocation({ meetingId: meetingId!, personalised }), { notifyError: false });
          break;
        case 'emargement':
          r = await call(d.emargement({ meetingId: meetingId!, blankLines }), { notifyError: false });
          break;
        case 'minutes':
          r = await call(d.minutes({ meetingId: meetingId! }), { notifyError: false });
          break;
        case 'plan':
          r = await call(d.plan(withConfidential ? { includeConfidential: true } : {}), { notifyError: false });
          break;
        case 'fiche':
          r = await call(d.fiche({ actionId: actionId! }), { notifyError: false });
          break;
        case 'dashboard':
          r = await call(d.dashboard({ year: Number(year), ...(withConfidential ? { includeConfidential: true } : {}) }), { notifyError: false });
          break;
        case 'members':
          r = await call(d.members(instanceId ? { instanceId } : withConfidential ? { includeConfidential: true } : {}), { notifyError: false });
          break;
        case 'rules':
          r = await call(d.rules({ instanceId: groupId! }), { notifyError: false });
          break;
        case 'charter':
          r = await call(d.charter({ instanceId: groupId! }), { notifyError: false });
          break;
        case 'charter_review':
          r = await call(d.charterReview({ instanceId: groupId!, year: Number(year) }), { notifyError: false });
          break;
      }
      setInfo(r);
      const b = await call(d.bytes({ token: r.token }), { notifyError: false });
      setBytes(toBytes(b));
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : fr.errors.internal);
    } finally {
      setBusy(false);
    }
  }

  async function saveAs() {
    if (!info) return;
    const r = await call(api().documents.saveAs({ token: info.token })).catch(() => undefined);
    if (r?.saved && r.path) {
      setSavedPath(r.path);
      notifications.show({ color: 'teal', message: s.saved(r.path) });
    }
  }

  return (
    <>
      <PageHeader title={s.title} subtitle={s.intro} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DocumentKindPicker
            value={kind}
            onChange={(k) => {
              setKind(k);
              setIncludeConfidential(false);
              setInfo(undefined);
              setBytes(undefined);
              setFailure(undefined);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Group gap="xs">
                  <IconFileDescription size={20} />
                  <Text fw={600}>{t.kinds[kind]}</Text>
                </Group>
                {NEEDS_MEETING.includes(kind) ? (
                  <Select
                    label={s.meeting}
                    placeholder={s.chooseMeeting}
                    data={meetings}
                    value={meetingId}
                    onChange={setMeetingId}
                    searchable
                    nothingFoundMessage={s.noMeeting}
                    data-testid="doc-meeting"
                  />
                ) : null}
                {kind === 'convocation' ? <Checkbox label={s.personalised} checked={personalised} onChange={(e) => setPersonalised(e.currentTarget.checked)} /> : null}
                {kind === 'emargement' ? (
                  <NumberInput label={s.blankLines} min={0} max={100} value={blankLines} onChange={(v) => setBlankLines(typeof v === 'number' ? v : 0)} w={160} />
                ) : null}
                {kind === 'fiche' ? (
                  <Select label={s.action} placeholder={s.chooseAction} data={actions} value={actionId} onChange={setActionId} searchable nothingFoundMessage={s.noAction} data-testid="doc-action" />
                ) : null}
                {kind === 'members' ? <Select label={s.instance} data={instances} value={instanceId ?? ''} onChange={(v) => setInstanceId(v || null)} /> : null}
                {NEEDS_GROUP.includes(kind) ? (
                  <Select label={s.group} placeholder={s.chooseGroup} data={groups} value={groupId} onChange={setInstanceId} nothingFoundMessage={s.noGroup} data-testid="doc-group" />
                ) : null}
                {kind === 'dashboard' || kind === 'charter_review' ? <Select label={s.year} data={years} value={year} onChange={setYear} w={160} data-testid="doc-year" /> : null}
                {offersConfidential ? (
                  <Checkbox
                    label={s.includeConfidential}
                    description={s.includeConfidentialHelp}
                    checked={includeConfidential}
                    color="red"
                    data-testid="doc-include-confidential"
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      if (!checked) setIncludeConfidential(false);
                      else void confirmDanger(s.confirmConfidentialTitle, s.confirmConfidential, s.confirmInclude).then(setIncludeConfidential);
                    }}
                  />
                ) : null}
                {singleConfidentialInstance ? (
                  <Text size="sm" c="red.8">
                    {s.singleConfidentialInstance}
                  </Text>
                ) : null}
                <Group>
                  <Button onClick={() => void generate()} loading={busy} disabled={missing || choices.loading} data-testid="doc-generate">
                    {s.generate}
                  </Button>
                  {missing && !choices.loading ? (
                    // A disabled button says why.
                    <Text size="sm" c="dimmed">
                      {NEEDS_MEETING.includes(kind) ? `${s.chooseMeeting}.` : kind === 'fiche' ? `${s.chooseAction}.` : NEEDS_GROUP.includes(kind) ? `${s.chooseGroup}.` : null}
                    </Text>
                  ) : null}
                </Group>
                {/* Says when the document is ready (the preview below is not announced by itself). */}
                <VisuallyHidden role="status">{info && !busy ? fr.a11y.documentReady(info.title, s.pages(info.pages)) : ''}</VisuallyHidden>
                {busy ? (
                  <Stack gap={4} role="status">
                    <Text size="sm" c="dimmed">
                      {s.generating} {elapsed > 1000 ? s.elapsed(Math.floor(elapsed / 1000)) : ''}
                    </Text>
                    <Progress value={100} animated striped aria-label={s.generating} />
                  </Stack>
                ) : null}
                {failure ? (
                  <Alert color="red" data-testid="doc-error">
                    {failure}
                  </Alert>
                ) : null}
              </Stack>
            </Paper>
            {info ? (
              <Paper withBorder p="md" radius="md" data-testid="doc-result">
                <Stack gap="sm">
                  <Group justify="space-between" wrap="wrap">
                    <Stack gap={0}>
                      <Text fw={600}>{info.title}</Text>
                      <Group gap="xs">
                        <Badge variant="light">{s.pages(info.pages)}</Badge>
                        <Text size="xs" c="dimmed">
                          {savedPath ?? info.suggestedName}
                        </Text>
                      </Group>
                    </Stack>
                    <Group gap="xs">
                      <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void call(api().documents.open({ token: info.token })).catch(() => undefined)}>
                        {s.print}
                      </Button>
                      <Button leftSection={<IconDeviceFloppy size={18} />} onClick={() => void saveAs()} data-testid="doc-save">
                        {s.saveAs}
                      </Button>
                      <Button variant="default" leftSection={<IconFolderOpen size={18} />} onClick={() => void call(api().documents.showInFolder({ token: info.token })).catch(() => undefined)}>
                        {s.showInFolder}
                      </Button>
                    </Group>
                  </Group>
                  {info.warnings.map((w) => (
                    <Alert key={w} color="orange">
                      {w}
                    </Alert>
                  ))}
                  {bytes ? (
                    <Suspense fallback={<Progress value={100} animated aria-label={s.loadingPreview} />}>
                      <PdfPreview bytes={bytes} />
                    </Suspense>
                  ) : null}
                </Stack>
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
