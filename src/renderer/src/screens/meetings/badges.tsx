// Status and confidentiality badges of meetings and instances: icon + word + colour, never colour alone.
import { Badge } from '@mantine/core';
import { IconCircleCheck, IconClock, IconEye, IconFileCheck, IconLock, IconPencil, IconPlayerPlay, IconSend, IconShieldLock, IconWorld } from '@tabler/icons-react';
import { fr } from '../../../../shared/i18n';
import type { Confidentiality, MeetingStatus } from '../../../../shared/model';

const STATUS: Record<MeetingStatus, { color: string; icon: typeof IconClock }> = {
  draft: { color: 'gray', icon: IconPencil },
  convened: { color: 'blue', icon: IconSend },
  in_progress: { color: 'orange', icon: IconPlayerPlay },
  held: { color: 'teal', icon: IconCircleCheck },
  validated: { color: 'green', icon: IconFileCheck },
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const s = STATUS[status];
  const Icon = s.icon;
  return (
    <Badge color={s.color} variant="light" leftSection={<Icon size={12} aria-hidden />} style={{ textTransform: 'none', flexShrink: 0, maxWidth: 'none', width: 'max-content', overflow: 'visible' }}>
      {fr.meetingStatus[status]}
    </Badge>
  );
}

const CONF: Record<Confidentiality, { color: string; icon: typeof IconClock }> = {
  public: { color: 'gray', icon: IconWorld },
  restricted: { color: 'indigo', icon: IconEye },
  confidential: { color: 'red', icon: IconShieldLock },
};

export function ConfidentialityBadge({ level }: { level: Confidentiality }) {
  const c = CONF[level];
  const Icon = c.icon;
  return (
    <Badge color={c.color} variant={level === 'confidential' ? 'filled' : 'light'} leftSection={<Icon size={12} aria-hidden />} style={{ textTransform: 'none', flexShrink: 0, maxWidth: 'none', width: 'max-content', overflow: 'visible' }}>
      {fr.confidentiality[level]}
    </Badge>
  );
}

export function LockedBadge() {
  return (
    <Badge color="green" variant="outline" leftSection={<IconLock size={12} aria-hidden />} style={{ textTransform: 'none' }}>
      Verrouillé
    </Badge>
  );
}

/** « 1 h 25 » / « 45 min » from minutes. */
export function formatDuration(min: number): string {
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}

/** « 04:35 » from seconds. */
export function formatClock(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function nowClock(d = new Date()): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
