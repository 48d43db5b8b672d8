// Fiche action: every field viewable and editable, quick « Mettre à jour », milestones, funding, indicators with charts, journal, meetings.
import {
  ActionIcon,
  Alert,
  Autocomplete,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  Menu,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArchive, IconArrowRight, IconDots, IconPaperclip, IconPencil, IconPlus, IconPrinter, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ActionDetail, ActionPatch, IndicatorInput } from '../../../../shared/contract/strategy';
import { formatDate, formatMoney, formatNumber, formatPercent, formatTime } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { Action, ActionStatus, Indicator, IndicatorType, JournalEntry, PartnerRole } from '../../../../shared/model';
import { api, ApiError, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { confirmDanger, notifyDeleted } from '../../components/confirm';
import { DateField, isValidIsoOrEmpty } from '../../components/DateField';
import { objectiveOptions } from './forms';
import { IndicatorChart } from './IndicatorChart';
import { funderLabel, HealthBadge, IndicatorBadge, ProgressCell, StatusBadge } from './ui';
import { FormActions } from '../../components/FormActions';

const s = fr.strategy.ui;
const e = fr.strategy.errors;
const opt = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
type Errors = Record<string, string>;
/** « 3 mars 2026 à 14 h 30 » in local time. */
function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${formatDate(local)} à ${formatTime(`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`)}`;
}
const fieldOf = (err: unknown, fallback: string): [string, string] | undefined =>
  err instanceof ApiError ? [err.info.field?.split('.').pop() ?? fallback, err.info.message] : undefined;

/** True when the documents feature can print a fiche action (its Documents screen previews, prints and saves it). */
function canPrintSheet(): boolean {
  const docs = (api() as unknown as Record<string, Record<string, unknown> | undefined>).documents;
  return typeof docs?.fiche === 'function';
}

export function ActionScreen() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery(() => api().actions.get({ id }), [id]);
  const [modal, setModal] = useState<'update' | 'edit' | 'indicator' | 'move' | null>(null);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return null;
  const d = q.data;
  const a = d.action;
  const ro = d.readOnly;
  const printSheet = canPrintSheet();

  const remove = async () => {
    if (!(await confirmDanger(s.deleteActionTitle, s.deleteActionText(`${a.code} ${a.title}`)))) return;
    const del = await call(api().actions.delete({ id: a.id }), { mutation: true });
    notifyDeleted(del);
    navigate(links.plan());
  };

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            <Anchor href={`#${links.plan()}`}>{fr.nav.plan}</Anchor>
            {d.axis ? (
              <>
                {' › '}
                <Anchor href={`#${links.axis(d.axis.id)}`}>{d.axis.title}</Anchor>
              </>
            ) : null}
            {' › '}
            {d.objective?.title ?? fr.strategy.inbox}
          </Text>
          <Title order={1} size="h2">
            <Text span ff="monospace" inherit c="marianne.7">
              {a.code}
            </Text>{' '}
            {a.title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={a.status} size="md" />
            <HealthBadge level={d.health.level} reasons={d.health.reasons} size="md" />
            <ProgressCell value={a.progress} width={120} />
            <Text size="xs" c="dimmed">
              {s.lastUpdate(formatDateTime(a.lastUpdateAt))}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {!ro ? (
            <Button leftSection={<IconRefresh size={16} />} onClick={() => setModal('update')}>
              {s.quickUpdate}
            </Button>
          ) : null}
          {printSheet ? (
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              onClick={() => navigate(`${links.documents()}?kind=fiche&action=${encodeURIComponent(a.id)}`)}
            >
              {s.printSheet}
            </Button>
          ) : null}
          {!ro ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={s.moreActions}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setModal('edit')}>
                  {s.editSheet}
                </Menu.Item>
                <Menu.Item leftSection={<IconArrowRight size={14} />} onClick={() => setModal('move')}>
                  {s.moveAction}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconArchive size={14} />}
                  onClick={() => call(api().actions.archive({ id: a.id, archived: !a.archived }), { mutation: true, success: a.archived ? s.actionRestored : s.actionArchived })}
                >
                  {a.archived ? s.restoreAction : s.archiveAction}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={remove}>
                  {s.deleteAction}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Group>
      {ro ? (
        <Alert color="gray" mb="md" icon={<IconArchive size={18} />}>
          {fr.errors.readOnlyArchive}
        </Alert>
      ) : null}
      {a.archived ? (
        <Alert color="gray" mb="md">
          {s.actionIsArchived}
        </Alert>
      ) : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={s.sections.info} action={!ro ? <EditButton onClick={() => setModal('edit')} /> : null}>
              <Fields
                items={[
                  [s.fields.context, a.context],
                  [s.fields.description, a.description],
                  [s.fields.modalities, a.modalities],
                  [s.fields.targetPublic, a.targetPublic],
                  [s.fields.territory, a.territory],
                  [s.fields.means, a.means],
                  [s.fields.nationalMeasures, a.nationalMeasures.join(', ')],
                  [s.fields.followingInstance, d.followingInstanceName],
                ]}
              />
            </Section>
            <Section title={s.sections.partners} action={!ro ? <EditButton onClick={() => setModal('edit')} /> : null}>
              <Fields items={[[s.fields.pilot, [d.pilotName, d.pilotPersonName].filter(Boolean).join(' — ')]]} />
              {a.partners.length ? (
                <Table fz="sm" mt="xs" aria-label={s.sections.partners}>
                  <Table.Tbody>
                    {a.partners.map((p, i) => (
                      <Table.Tr key={`${p.organisationId}-${i}`}>
                        <Table.Td>
                          <Anchor href={`#${links.partner(p.organisationId)}`}>{d.partnerNames[p.organisationId] ?? '—'}</Anchor>
                        </Table.Td>
                        <Table.Td>{fr.partnerRole[p.role]}</Table.Td>
                        <Table.Td>{p.note ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm" c="dimmed" mt="xs">
                  {s.noPartners}
                </Text>
              )}
            </Section>
            <Milestones detail={d} />
            <Funding detail={d} />
            <Section title={s.sections.indicators} action={!ro ? <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setModal('indicator')}>{s.addIndicator}</Button> : null}>
              {d.indicators.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {s.noIndicator}
                </Text>
              ) : (
                <Stack gap="lg">
                  {d.indicators.map(({ indicator, status }) => (
                    <IndicatorCard key={indicator.id} action={a} indicator={indicator} status={status} readOnly={ro} />
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section title={s.sections.calendar}>
              <Fields
                items={[
                  [s.fields.startDate, a.startDate ? formatDate(a.startDate) : undefined],
                  [s.fields.endDate, a.endDate ? formatDate(a.endDate) : undefined],
                ]}
              />
            </Section>
            <Section
              title={s.attachments}
              action={
                !ro ? (
                  <Button size="xs" variant="light" leftSection={<IconPaperclip size={14} />} onClick={() => call(api().actions.addAttachment({ id: a.id }), { mutation: true })}>
                    {s.addAttachment}
                  </Button>
                ) : null
              }
            >
              <Text size="xs" c="dimmed" mb="xs">
                {s.attachmentsHelp}
              </Text>
              {a.attachments.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {s.noAttachment}
                </Text>
              ) : (
                <Stack gap={4}>
                  {a.attachments.map((att) => (
                    <Group key={att.id} justify="space-between" wrap="nowrap">
                      <Anchor component="button" size="sm" onClick={() => call(api().actions.openAttachment({ id: a.id, attachmentId: att.id }))} aria-label={s.openAttachment(att.label)} title={att.path}>
                        {att.label}
                      </Anchor>
                      {!ro ? (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={s.removeAttachment(att.label)}
                          onClick={async () => {
                            if (await confirmDanger(s.removeAttachment(att.label), s.undoable, fr.actions.confirm)) notifyDeleted(await call(api().actions.deleteAttachment({ id: a.id, attachmentId: att.id }), { mutation: true }));
                          }}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      ) : null}
                    </Group>
                  ))}
                </Stack>
              )}
            </Section>
            <Section title={s.sections.journal}>
              <Journal entries={a.journal} meetings={d.meetings} deletedMeetingIds={d.deletedMeetingIds} />
            </Section>
            <Section title={s.sections.meetings}>
              {d.meetings.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {s.noMeetings}
                </Text>
              ) : (
                <Stack gap="xs">
                  {d.meetings.map((m) => (
                    <div key={m.id}>
                      <Anchor href={`#${links.meeting(m.id)}`} fw={600} size="sm">
                        {m.title} — {formatDate(m.date)}
                      </Anchor>
                      {m.decisions.map((dec) => (
                        <Text key={dec.id} size="sm" pl="sm">
                          • {dec.text}
                        </Text>
                      ))}
                    </div>
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={modal === 'update'} onClose={() => setModal(null)} title={s.quickUpdateTitle(a.code)}>
        {modal === 'update' ? <QuickUpdate action={a} onDone={() => setModal(null)} /> : null}
      </Modal>
      <Modal opened={modal === 'edit'} onClose={() => setModal(null)} title={s.editSheet} size="xl">
        {modal === 'edit' ? <EditSheet detail={d} onDone={() => setModal(null)} /> : null}
      </Modal>
      <Modal opened={modal === 'indicator'} onClose={() => setModal(null)} title={s.addIndicator} size="lg">
        {modal === 'indicator' ? <IndicatorForm actionId={a.id} onDone={() => setModal(null)} /> : null}
      </Modal>
      <Modal opened={modal === 'move'} onClose={() => setModal(null)} title={s.moveAction}>
        {modal === 'move' ? <MoveForm action={a} onDone={() => setModal(null)} /> : null}
      </Modal>
    </>
  );
}

function EditButton({ onClick }: { onClick: () => void }) {
  return (
    <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={onClick}>
      {fr.actions.edit}
    </Button>
  );
}

export function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function Fields({ items }: { items: [string, string | undefined][] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      {items.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed" fw={600}>
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} c={value ? undefined : 'dimmed'}>
            {value || s.notFilled}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** Older or imported journal texts may carry « 2026-11-12 » or « 1495 élèves »: shown as « 12 novembre 2026 », « 1 495 élèves ». */
function frenchText(t: string): string {
  return t.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
}

function journalValue(field: string, v: string | undefined): string {
  if (v === undefined || v === '') return '—';
  if (field === 'measurement') return v.replace(/^-?\d{4,}(?=\s|$)/, (n) => formatNumber(Number(n)));
  if (field === 'status' || field === 'created') return fr.actionStatus[v as ActionStatus] ?? v;
  if (field === 'progress') return formatPercent(Number(v));
  if (field === 'startDate' || field === 'endDate' || field === 'milestone') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  return v;
}

function Journal({ entries, meetings, deletedMeetingIds }: { entries: JournalEntry[]; meetings: ActionDetail['meetings']; deletedMeetingIds?: string[] }) {
  const deleted = new Set(deletedMeetingIds ?? []);
  const titles = new Map(meetings.map((m) => [m.id, `${m.title} (${formatDate(m.date)})`]));
  const list = [...entries].reverse();
  return (
    <Stack gap="xs" role="list" aria-label={s.sections.journal} mah={520} style={{ overflowY: 'auto' }}>
      {list.map((j) => (
        <div key={j.id} role="listitem" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)', paddingLeft: 10 }}>
          <Text size="xs" c="dimmed">
            {formatDateTime(j.at)}
          </Text>
          <Text size="sm">
            <b>{fr.strategy.journalField[j.field] ?? j.field}</b>
            {j.field === 'moved' || j.field === 'note' || j.field === 'update_pack' ? null : j.field === 'created' || j.field === 'measurement' || j.field === 'milestone' || !j.from ? (
              <> : {journalValue(j.field, j.to)}</>
            ) : (
              <>
                {' '}: {journalValue(j.field, j.from)} → {journalValue(j.field, j.to)}
              </>
            )}
          </Text>
          {j.comment ? (
            <Text size="sm" c="dark.6" style={{ whiteSpace: 'pre-line' }}>
              {frenchText(j.comment)}
            </Text>
          ) : null}
          {j.meetingId && deleted.has(j.meetingId) ? (
            <Text size="xs" c="dimmed" fs="italic">
              {fr.meetingLife.decidedInDeletedMeeting}
            </Text>
          ) : j.meetingId ? (
            <Anchor size="xs" href={`#${links.meeting(j.meetingId)}`}>
              {s.fromMeeting(titles.get(j.meetingId) ?? s.aMeeting)}
            </Anchor>
          ) : null}
        </div>
      ))}
    </Stack>
  );
}

function QuickUpdate({ action, onDone }: { action: Action; onDone: () => void }) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [progress, setProgress] = useState<number>(action.progress);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!Number.isFinite(progress) || progress < 0 || progress > 100) {
      setErrors({ progress: e.progressRange });
      return;
    }
    setBusy(true);
    try {
      await call(api().actions.updateProgress({ id: action.id, update: { status, progress, comment: comment || undefined } }), { mutation: true, success: s.updated });
      onDone();
    } catch (err) {
      const f = fieldOf(err, 'comment');
      if (f) setErrors({ [f[0]]: f[1] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Select label={s.fields.status} data={opt(fr.actionStatus)} value={status} onChange={(v) => v && setStatus(v as ActionStatus)} allowDeselect={false} />
      <div>
        {/* The field an update is about: focused when the dialog opens; Entrée records. */}
        <NumberInput data-autofocus label={s.fields.progress} suffix=" %" min={0} max={100} clampBehavior="none" value={progress} onChange={(v) => setProgress(typeof v === 'number' ? v : Number(v))} error={errors.progress} onKeyDown={(k) => k.key === 'Enter' && void submit()} />
        <Slider mt="xs" value={Math.min(100, Math.max(0, progress || 0))} onChange={setProgress} step={5} label={(v) => formatPercent(v)} thumbLabel={s.fields.progress} />
      </div>
      <Textarea label={s.fields.comment} description={s.commentHelp} autosize minRows={2} value={comment} onChange={(x) => setComment(x.currentTarget.value)} error={errors.comment} />
      <FormActions onCancel={onDone} onSubmit={submit} busy={busy} />
    </Stack>
  );
}

function EditSheet({ detail, onDone }: { detail: ActionDetail; onDone: () => void }) {
  const a = detail.action;
  const partners = useQuery(() => api().partners.list(), []);
  const people = useQuery(() => api().people.list(), []);
  const instances = useQuery(() => api().instances.list(), []);
  const [v, setV] = useState({
    code: a.code,
    title: a.title,
    context: a.context ?? '',
    description: a.description ?? '',
    modalities: a.modalities ?? '',
    targetPublic: a.targetPublic ?? '',
    territory: a.territory ?? '',
    means: a.means ?? '',
    nationalMeasures: a.nationalMeasures,
    pilotOrganisationId: a.pilot.organisationId ?? '',
    pilotPersonId: a.pilot.personId ?? '',
    partners: a.partners.map((p) => ({ ...p })),
    startDate: a.startDate ?? '',
    endDate: a.endDate ?? '',
    followingInstanceId: a.followingInstanceId ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const orgOptions = (partners.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const personOptions = (people.data ?? [])
    .filter((p) => !v.pilotOrganisationId || p.organisationId === v.pilotOrganisationId)
    .map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}`.trim() }));
  const text = (k: 'code' | 'title' | 'context' | 'description' | 'modalities' | 'targetPublic' | 'territory' | 'means') => ({
    value: v[k],
    onChange: (x: { currentTarget: { value: string } }) => setV({ ...v, [k]: x.currentTarget.value }),
    error: errors[k],
  });
  const submit = async () => {
    const found: Errors = {};
    if (!v.title.trim()) found.title = e.titleRequired;
    if (!/^[^\s]{1,30}$/.test(v.code.trim())) found.code = e.codeFormat;
    if (!isValidIsoOrEmpty(v.startDate)) found.startDate = fr.errors.invalidDate;
    if (!isValidIsoOrEmpty(v.endDate)) found.endDate = fr.errors.invalidDate;
    else if (v.startDate && v.endDate && isValidIsoOrEmpty(v.startDate) && v.endDate < v.startDate) found.endDate = e.endBeforeStart;
    setErrors(found);
    if (Object.keys(found).length) return;
    const patch: ActionPatch = {
      code: v.code.trim(),
      title: v.title,
      context: v.context,
      description: v.description,
      modalities: v.modalities,
      targetPublic: v.targetPublic,
      territory: v.territory,
      means: v.means,
      nationalMeasures: v.nationalMeasures,
      pilot: { organisationId: v.pilotOrganisationId, personId: v.pilotPersonId },
      partners: v.partners.filter((p) => p.organisationId),
      startDate: v.startDate,
      endDate: v.endDate,
      followingInstanceId: v.followingInstanceId,
    };
    setBusy(true);
    try {
      await call(api().actions.update({ id: a.id, patch }), { mutation: true, success: s.sheetSaved });
      onDone();
    } catch (err) {
      const f = fieldOf(err, 'title');
      if (f) setErrors({ [f[0]]: f[1] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Group grow align="flex-start">
        <TextInput label={s.fields.code} required maxLength={30} {...text('code')} style={{ flex: '0 0 160px' }} />
        <TextInput label={s.fields.title} required maxLength={300} {...text('title')} />
      </Group>
      <Textarea label={s.fields.context} autosize minRows={2} {...text('context')} />
      <Textarea label={s.fields.description} autosize minRows={2} {...text('description')} />
      <Textarea label={s.fields.modalities} autosize minRows={2} {...text('modalities')} />
      <Group grow>
        <TextInput label={s.fields.targetPublic} {...text('targetPublic')} />
        <TextInput label={s.fields.territory} {...text('territory')} />
      </Group>
      <Textarea label={s.fields.means} autosize minRows={1} {...text('means')} />
      <TagsInput label={s.fields.nationalMeasures} description={s.nationalMeasuresHelp} value={v.nationalMeasures} onChange={(x) => setV({ ...v, nationalMeasures: x })} />
      <Group grow align="flex-start">
        <Select label={s.fields.pilot} data={orgOptions} searchable clearable value={v.pilotOrganisationId || null} onChange={(x) => setV({ ...v, pilotOrganisationId: x ?? '', pilotPersonId: '' })} error={errors.organisationId} />
        <Select label={s.fields.pilotPerson} data={personOptions} searchable clearable value={v.pilotPersonId || null} onChange={(x) => setV({ ...v, pilotPersonId: x ?? '' })} error={errors.personId} nothingFoundMessage={s.noPerson} />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {s.sections.partners}
        </Text>
        {v.partners.map((p, i) => (
          <Group key={i} grow align="flex-end" wrap="nowrap">
            <Select aria-label={s.fields.partner} data={orgOptions} searchable value={p.organisationId || null} onChange={(x) => setV({ ...v, partners: v.partners.map((q, j) => (j === i ? { ...q, organisationId: x ?? '' } : q)) })} />
            <Select aria-label={s.fields.role} data={opt(fr.partnerRole)} value={p.role} allowDeselect={false} onChange={(x) => setV({ ...v, partners: v.partners.map((q, j) => (j === i ? { ...q, role: (x ?? 'associate') as PartnerRole } : q)) })} style={{ flex: '0 0 160px' }} />
            <ActionIcon variant="subtle" color="red" aria-label={s.removePartner} onClick={() => setV({ ...v, partners: v.partners.filter((_, j) => j !== i) })} style={{ flex: 'none' }}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button size="xs" variant="light" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setV({ ...v, partners: [...v.partners, { organisationId: '', role: 'associate' }] })}>
          {s.addPartner}
        </Button>
      </Stack>
      <Group grow>
        <DateField label={s.fields.startDate} value={v.startDate} onChange={(x) => setV({ ...v, startDate: x })} error={errors.startDate} />
        <DateField label={s.fields.endDate} value={v.endDate} onChange={(x) => setV({ ...v, endDate: x })} error={errors.endDate} />
      </Group>
      <Select
        label={s.fields.followingInstance}
        data={(instances.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        value={v.followingInstanceId || null}
        onChange={(x) => setV({ ...v, followingInstanceId: x ?? '' })}
        clearable
      />
      <FormActions onCancel={onDone} onSubmit={submit} busy={busy} />
    </Stack>
  );
}

function MoveForm({ action, onDone }: { action: Action; onDone: () => void }) {
  const tree = useQuery(() => api().strategy.tree({ periodId: action.periodId }), [action.periodId]);
  const [objectiveId, setObjectiveId] = useState(action.objectiveId ?? '');
  const [busy, setBusy] = useState(false);
  return (
    <Stack>
      <Select label={s.fields.objective} data={objectiveOptions(tree.data)} value={objectiveId} onChange={(x) => setObjectiveId(x ?? '')} searchable allowDeselect={false} />
      <Text size="xs" c="dimmed">
        {s.moveHelp}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {fr.actions.cancel}
        </Button>
        <Button
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await call(api().actions.move({ ids: [action.id], objectiveId }), { mutation: true, success: s.moved });
              onDone();
            } finally {
              setBusy(false);
            }
          }}
        >
          {s.moveAction}
        </Button>
      </Group>
    </Stack>
  );
}

function Milestones({ detail }: { detail: ActionDetail }) {
  const a = detail.action;
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const today = new Date().toISOString().slice(0, 10);
  const add = async () => {
    const found: Errors = {};
    if (!title.trim()) found.title = s.milestoneTitleRequired;
    if (!dueDate) found.dueDate = s.milestoneDateRequired;
    else if (!isValidIsoOrEmpty(dueDate)) found.dueDate = fr.errors.invalidDate;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await call(api().actions.addMilestone({ id: a.id, milestone: { title, dueDate } }), { mutation: true, success: s.milestoneAdded });
      setTitle('');
      setDueDate('');
    } catch (err) {
      const f = fieldOf(err, 'title');
      if (f) setErrors({ [f[0]]: f[1] });
    }
  };
  return (
    <Section title={s.sections.milestones}>
      {a.milestones.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {s.noMilestone}
        </Text>
      ) : (
        <Stack gap={4} mb="sm">
          {a.milestones.map((m) => (
            <Group key={m.id} justify="space-between" wrap="nowrap">
              <Checkbox
                label={`${m.title} — ${formatDate(m.dueDate)}${m.doneAt ? ` (${s.doneOn(formatDate(m.doneAt))})` : !m.doneAt && m.dueDate < today ? ` — ${s.overdue}` : ''}`}
                checked={Boolean(m.doneAt)}
                disabled={detail.readOnly}
                onChange={(x) => call(api().actions.updateMilestone({ id: a.id, milestoneId: m.id, patch: { doneAt: x.currentTarget.checked ? today : '' } }), { mutation: true })}
              />
              {!detail.readOnly ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={s.deleteMilestone(m.title)}
                  onClick={async () => {
                    if (await confirmDanger(s.deleteMilestone(m.title), s.undoable)) notifyDeleted(await call(api().actions.deleteMilestone({ id: a.id, milestoneId: m.id }), { mutation: true }));
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {!detail.readOnly ? (
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput aria-label={s.fields.milestoneTitle} placeholder={s.fields.milestoneTitle} value={title} onChange={(x) => setTitle(x.currentTarget.value)} error={errors.title} style={{ flex: 1 }} />
          <DateField ariaLabel={s.fields.milestoneDate} value={dueDate} onChange={setDueDate} error={errors.dueDate} w={170} />
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={add}>
            {s.addMilestone}
          </Button>
        </Group>
      ) : null}
    </Section>
  );
}

function Funding({ detail }: { detail: ActionDetail }) {
  const a = detail.action;
  const [v, setV] = useState<{ funder: string; requested: number | string; obtained: number | string; spent: number | string }>({ funder: '', requested: 0, obtained: 0, spent: 0 });
  const [errors, setErrors] = useState<Errors>({});
  const totals = a.funding.reduce((t, f) => ({ requested: t.requested + f.requested, obtained: t.obtained + f.obtained, spent: t.spent + f.spent }), { requested: 0, obtained: 0, spent: 0 });
  const add = async () => {
    const found: Errors = {};
    if (!v.funder.trim()) found.funder = s.funderRequired;
    for (const k of ['requested', 'obtained', 'spent'] as const) if (typeof v[k] !== 'number' || Number(v[k]) < 0) found[k] = e.amountNegative;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const key = Object.entries(fr.strategy.funders).find(([, label]) => label.toLowerCase() === v.funder.trim().toLowerCase())?.[0];
      await call(api().actions.addFunding({ id: a.id, funding: { funder: key ?? v.funder.trim(), requested: Number(v.requested), obtained: Number(v.obtained), spent: Number(v.spent) } }), { mutation: true, success: s.fundingAdded });
      setV({ funder: '', requested: 0, obtained: 0, spent: 0 });
    } catch (err) {
      const f = fieldOf(err, 'funder');
      if (f) setErrors({ [f[0]]: f[1] });
    }
  };
  return (
    <Section title={s.sections.funding}>
      <Table fz="sm" withTableBorder aria-label={s.sections.funding} mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.fields.funder}</Table.Th>
            <Table.Th ta="right">{s.fields.requested}</Table.Th>
            <Table.Th ta="right">{s.fields.obtained}</Table.Th>
            <Table.Th ta="right">{s.fields.spent}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.funding.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{funderLabel(f.funder)}{f.year ? ` (${f.year})` : ''}</Table.Td>
              <Table.Td ta="right">{formatMoney(f.requested)}</Table.Td>
              <Table.Td ta="right">{formatMoney(f.obtained)}</Table.Td>
              <Table.Td ta="right">{formatMoney(f.spent)}</Table.Td>
              <Table.Td>
                {!detail.readOnly ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={s.deleteFunding(funderLabel(f.funder))}
                    onClick={async () => {
                      if (await confirmDanger(s.deleteFunding(funderLabel(f.funder)), s.undoable)) notifyDeleted(await call(api().actions.deleteFunding({ id: a.id, fundingId: f.id }), { mutation: true }));
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{s.total}</Table.Td>
            <Table.Td ta="right">{formatMoney(totals.requested)}</Table.Td>
            <Table.Td ta="right">{formatMoney(totals.obtained)}</Table.Td>
            <Table.Td ta="right">{formatMoney(totals.spent)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {!detail.readOnly ? (
        <Stack gap="xs">
          <Autocomplete
            label={s.fields.funder}
            placeholder={s.funderPlaceholder}
            data={Object.values(fr.strategy.funders).filter((l) => l !== fr.strategy.funders.other)}
            value={v.funder}
            onChange={(x) => setV({ ...v, funder: x })}
            error={errors.funder}
          />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            {(['requested', 'obtained', 'spent'] as const).map((k) => (
              <NumberInput key={k} label={s.fields[k]} suffix=" €" decimalSeparator="," thousandSeparator=" " min={0} value={v[k]} onChange={(x) => setV({ ...v, [k]: x })} error={errors[k]} style={{ flex: 1, minWidth: 0 }} />
            ))}
            <Button variant="light" leftSection={<IconPlus size={14} />} onClick={add} style={{ flex: 'none' }}>
              {s.addFunding}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Section>
  );
}

function IndicatorCard({ action, indicator, status, readOnly }: { action: Action; indicator: Indicator; status: ActionDetail['indicators'][number]['status']; readOnly: boolean }) {
  const [date, setDate] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [editing, setEditing] = useState(false);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const add = async () => {
    const found: Errors = {};
    if (!date) found.date = e.measurementDate;
    else if (!isValidIsoOrEmpty(date)) found.date = fr.errors.invalidDate;
    if (typeof value !== 'number' || !Number.isFinite(value)) found.value = e.measurementValue;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await call(api().indicators.addMeasurement({ actionId: action.id, indicatorId: indicator.id, measurement: { date, value: Number(value), comment: comment || undefined } }), { mutation: true, success: s.measurementAdded });
      setDate('');
      setValue('');
      setComment('');
    } catch (err) {
      const f = fieldOf(err, 'value');
      if (f) setErrors({ [f[0]]: f[1] });
    }
  };
  return (
    <Paper withBorder p="sm" radius="sm" aria-label={s.indicatorNamed(indicator.title)} component="article">
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Stack gap={0}>
          <Text fw={700}>{indicator.title}</Text>
          <Text size="xs" c="dimmed">
            {fr.indicatorType[indicator.type]}
            {indicator.baseline !== undefined ? ` · ${s.baseline} ${formatNumber(indicator.baseline)}${unit}` : ''}
            {indicator.target !== undefined ? ` · ${s.target} ${formatNumber(indicator.target)}${unit}` : ''}
            {indicator.targetDate ? ` ${s.by} ${formatDate(indicator.targetDate)}` : ''}
            {indicator.source ? ` · ${s.source} ${indicator.source}` : ''}
            {indicator.frequency ? ` · ${indicator.frequency}` : ''}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
          <IndicatorBadge status={status} />
          {!readOnly ? (
            <ActionIcon variant="subtle" aria-label={s.editIndicator(indicator.title)} onClick={() => setEditing(true)}>
              <IconPencil size={16} />
            </ActionIcon>
          ) : null}
          {!readOnly ? (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={s.deleteIndicator(indicator.title)}
              onClick={async () => {
                if (await confirmDanger(s.deleteIndicator(indicator.title), s.undoable)) notifyDeleted(await call(api().indicators.delete({ actionId: action.id, indicatorId: indicator.id }), { mutation: true }));
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          ) : null}
        </Group>
      </Group>
      {indicator.definition ? (
        <Text size="sm" mb="xs">
          {indicator.definition}
        </Text>
      ) : null}
      <IndicatorChart
        indicator={indicator}
        startDate={action.startDate}
        onDeleteMeasurement={
          readOnly
            ? undefined
            : async (measurementId, date) => {
                if (await confirmDanger(s.deleteMeasurement(formatDate(date)), s.undoable))
                  notifyDeleted(await call(api().indicators.deleteMeasurement({ actionId: action.id, indicatorId: indicator.id, measurementId }), { mutation: true }));
              }
        }
      />
      <Modal opened={editing} onClose={() => setEditing(false)} title={s.editIndicator(indicator.title)} size="lg">
        {editing ? <IndicatorForm actionId={action.id} initial={indicator} onDone={() => setEditing(false)} /> : null}
      </Modal>
      {!readOnly ? (
        <Group align="flex-start" gap="xs" mt="sm" wrap="wrap" aria-label={s.addMeasurement} role="group">
          <DateField label={s.fields.measurementDate} value={date} onChange={setDate} error={errors.date} w={170} />
          <NumberInput label={s.fields.value} decimalSeparator="," value={value} onChange={setValue} error={errors.value} w={140} suffix={unit} />
          <TextInput label={s.fields.comment} value={comment} onChange={(x) => setComment(x.currentTarget.value)} style={{ flex: '1 1 160px' }} />
          <Button mt={25} variant="light" leftSection={<IconPlus size={14} />} onClick={add}>
            {s.addMeasurement}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}

function IndicatorForm({ actionId, initial, onDone }: { actionId: string; initial?: Indicator; onDone: () => void }) {
  const [v, setV] = useState<{ title: string; unit: string; type: IndicatorType; definition: string; baseline: number | string; target: number | string; targetDate: string; source: string; frequency: string }>({
    title: initial?.title ?? '',
    unit: initial?.unit ?? '',
    type: initial?.type ?? 'output',
    definition: initial?.definition ?? '',
    baseline: initial?.baseline ?? '',
    target: initial?.target ?? '',
    targetDate: initial?.targetDate ?? '',
    source: initial?.source ?? '',
    frequency: initial?.frequency ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const found: Errors = {};
    if (!v.title.trim()) found.title = s.indicatorTitleRequired;
    if (v.target !== '' && typeof v.target !== 'number') found.target = e.targetNotNumber;
    else if (typeof v.target === 'number' && v.target < 0) found.target = e.targetNegative;
    if (!isValidIsoOrEmpty(v.targetDate)) found.targetDate = fr.errors.invalidDate;
    setErrors(found);
    if (Object.keys(found).length) return;
    const input: IndicatorInput = {
      title: v.title,
      unit: v.unit,
      type: v.type,
      definition: v.definition || undefined,
      baseline: typeof v.baseline === 'number' ? v.baseline : undefined,
      target: typeof v.target === 'number' ? v.target : undefined,
      targetDate: v.targetDate || undefined,
      source: v.source || undefined,
      frequency: v.frequency || undefined,
    };
    setBusy(true);
    try {
      if (initial) {
        // Emptied text fields are sent as '' so the service removes them.
        const patch = { ...input, definition: v.definition, targetDate: v.targetDate, source: v.source, frequency: v.frequency };
        await call(api().indicators.update({ actionId, indicatorId: initial.id, patch }), { mutation: true, success: s.indicatorSaved });
      } else await call(api().indicators.create({ actionId, indicator: input }), { mutation: true, success: s.indicatorAdded });
      onDone();
    } catch (err) {
      const f = fieldOf(err, 'title');
      if (f) setErrors({ [f[0]]: f[1] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <TextInput label={s.fields.indicatorTitle} required data-autofocus value={v.title} onChange={(x) => setV({ ...v, title: x.currentTarget.value })} error={errors.title} />
      <Group grow>
        <TextInput label={s.fields.unit} placeholder={s.unitPlaceholder} value={v.unit} onChange={(x) => setV({ ...v, unit: x.currentTarget.value })} />
        <Select label={s.fields.indicatorType} data={opt(fr.indicatorType)} value={v.type} allowDeselect={false} onChange={(x) => setV({ ...v, type: (x ?? 'output') as IndicatorType })} />
      </Group>
      <Textarea label={s.fields.definition} autosize minRows={2} value={v.definition} onChange={(x) => setV({ ...v, definition: x.currentTarget.value })} />
      <Group grow align="flex-start">
        <NumberInput label={s.fields.baseline} decimalSeparator="," value={v.baseline} onChange={(x) => setV({ ...v, baseline: x })} />
        <NumberInput label={s.fields.target} decimalSeparator="," value={v.target} onChange={(x) => setV({ ...v, target: x })} error={errors.target} />
        <DateField label={s.fields.targetDate} value={v.targetDate} onChange={(x) => setV({ ...v, targetDate: x })} error={errors.targetDate} />
      </Group>
      <Group grow>
        <TextInput label={s.fields.source} value={v.source} onChange={(x) => setV({ ...v, source: x.currentTarget.value })} />
        <TextInput label={s.fields.frequency} placeholder={s.frequencyPlaceholder} value={v.frequency} onChange={(x) => setV({ ...v, frequency: x.currentTarget.value })} />
      </Group>
      <FormActions onCancel={onDone} onSubmit={submit} busy={busy} submitLabel={initial ? fr.actions.save : s.addIndicator} />
    </Stack>
  );
}

