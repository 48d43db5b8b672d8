// Header label of an account that may read but not change: « Lecture seule », and why (tooltip, screen readers).
import { Badge, Box, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { fr } from '../../../shared/i18n';
import { useAccess } from './access';

export function ReadOnlyBadge() {
  if (useAccess().canEdit) return null;
  return (
    <Tooltip label={fr.access.why} multiline w={320}>
      <Badge
        color="gray"
        variant="light"
        leftSection={<IconEye size={14} aria-hidden />}
        role="note"
        data-testid="read-only-badge"
        style={{ textTransform: 'none', flex: 'none' }}
      >
        {/* Below 36em (320 px, 200 % zoom on a small screen) the eye alone, so that the header keeps its two rows. */}
        <Box component="span" visibleFrom="xs" aria-hidden>
          {fr.access.badge}
        </Box>
        <VisuallyHidden>
          {fr.access.badge} : {fr.access.why}
        </VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
