// Instance page header: back to the list, name, kind and badges, main actions (registre, more actions, add a member, new meeting, or reopen), closed notice and purpose.
import { ActionIcon, Alert, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCalendarPlus, IconDoorExit, IconDots, IconPencil, IconShieldLock, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { registerAllowed } from '../../../../../shared/instance-rules';
import type { Instance } from '../../../../../shared/model';
import { EditOnly } from '../../../app/access';
import { links } from '../../../app/registry';
import { PageHeader } from '../../../components/PageHeader';
import { rowFallback } from '../../../components/rowFocus';
import { ConfidentialityBadge } from '../../meetings/badges';
import type { InstanceEditing } from './useInstanceEditing';

const L = fr.meetings.ui;

function ActiveActions({ instance, editing }: { instance: Instance; editing: InstanceEditing }) {
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label={fr.meetings.ux.moreActions}>
            <ActionIcon variant="default" size="lg" aria-label={fr.meetings.ux.moreActions}>
              <IconDots size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => editing.edit.show(instance)}>
            {fr.actions.edit}
          </Menu.Item>
          <Menu.Item leftSection={<IconDoorExit size={16} />} onClick={editing.close.show}>
            {L.closeInstance}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={editing.member.show} {...rowFallback('member-groups')}>
        {L.addMember}
      </Button>
      <Button leftSection={<IconCalendarPlus size={16} />} onClick={editing.meeting.show}>
        {L.newMeeting}
      </Button>
    </>
  );
}

export function InstanceHeader({ instance, editing }: { instance: Instance; editing: InstanceEditing }) {
  return (
    <>
      <Button component={Link} to={links.instances()} variant="subtle" size="xs" leftSection={<IconArrowLeft size={14} />} mb="xs">
        {L.instancesTitle}
      </Button>
      <PageHeader
        title={instance.name}
        subtitle={
          <Group gap="xs" component="span" wrap="nowrap">
            <ConfidentialityBadge level={instance.confidentiality} />
            <span>{[fr.instanceKind[instance.kind], instance.theme, instance.territory, instance.cadence].filter(Boolean).join(' · ')}</span>
          </Group>
        }
        actions={
          <Group gap="xs" wrap="nowrap">
            {registerAllowed(instance) ? (
              <Button variant="default" component={Link} to={`${links.register()}?instance=${instance.id}`} leftSection={<IconShieldLock size={16} />}>
                {fr.register.title}
              </Button>
            ) : null}
            <EditOnly>
              {instance.status === 'active' ? (
                <ActiveActions instance={instance} editing={editing} />
              ) : (
                <Button variant="default" onClick={() => void editing.reopen()}>
                  {L.reopenInstance}
                </Button>
              )}
            </EditOnly>
          </Group>
        }
      />
      {instance.status === 'closed' ? (
        <Alert color="gray" mb="sm">
          {L.closedOn(formatDate(instance.closedAt ?? ''), instance.closedReason ?? '')}
        </Alert>
      ) : null}
      {instance.purpose ? (
        <Text size="sm" mb="sm">
          {instance.purpose}
        </Text>
      ) : null}
      {editing.error ? (
        <Alert color="red" mb="sm" withCloseButton onClose={editing.clearError}>
          {editing.error}
        </Alert>
      ) : null}
    </>
  );
}
