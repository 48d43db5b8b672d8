// Full-width plan table: sortable columns and virtualised rows so thousands of actions stay smooth.
import { Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { ActionRow } from '../../../../shared/contract/strategy';
import { formatPercent, formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { ActionSortKey } from '../../../../shared/strategy-filter';
import { AxisChip, HealthBadge, StatusBadge } from './ui';

const s = fr.strategy.ui;
const ROW_HEIGHT = 46;

const COLUMNS: { key: ActionSortKey; label: string; width: string }[] = [
  { key: 'code', label: s.cols.code, width: '90px' },
  { key: 'title', label: s.cols.title, width: 'minmax(220px, 3fr)' },
  { key: 'axis', label: s.cols.axis, width: 'minmax(110px, 1fr)' },
  { key: 'pilot', label: s.cols.pilot, width: 'minmax(110px, 1fr)' },
  { key: 'endDate', label: s.cols.endDate, width: '96px' },
  { key: 'progress', label: s.cols.progress, width: '124px' },
  { key: 'status', label: s.cols.status, width: '130px' },
  { key: 'health', label: s.cols.health, width: '150px' },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');
/** The columns' least widths added up: header and rows are both at least this wide, so they always line up. */
const MIN_WIDTH = 90 + 220 + 110 + 110 + 96 + 124 + 130 + 150;

export const ActionTable = memo(function ActionTable({
  rows,
  sort,
  onSort,
  onOpen,
}: {
  rows: ActionRow[];
  sort: { key: ActionSortKey; dir: 'asc' | 'desc' };
  onSort: (key: ActionSortKey) => void;
  onOpen: (id: string) => void;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  return (
    // One scroll region for header and body (WCAG 1.4.10 at 200 % zoom): the header scrolls sideways with the
    // rows and stays on top while they scroll down.
    <Paper withBorder role="table" aria-label={s.tableLabel} aria-rowcount={rows.length + 1} ref={parentRef} data-testid="plan-table-body" style={{ height: 'calc(100vh - 330px)', minHeight: 280, overflow: 'auto' }}>
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 1, minWidth: MIN_WIDTH }}>
        <div role="row" style={{ display: 'grid', gridTemplateColumns: GRID, borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}>
          {COLUMNS.map((c) => {
            const active = sort.key === c.key;
            const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
            return (
              <div role="columnheader" key={c.key} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ padding: '8px 10px' }}>
                <UnstyledButton onClick={() => onSort(c.key)} aria-label={s.sortBy(c.label)}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {c.label}
                    </Text>
                    <Icon size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" style={{ minWidth: MIN_WIDTH }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => (
            <Row key={rows[v.index].id} r={rows[v.index]} index={v.index} start={v.start} onOpen={onOpen} />
          ))}
        </div>
      </div>
    </Paper>
  );
});

const cell = { padding: '0 10px', minWidth: 0 } as const;
const ellipsis = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
/** Long titles take two lines rather than being cut after a few words. */
const twoLines = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', lineHeight: 1.3 } as const;
const small = { fontSize: 'var(--mantine-font-size-xs)' } as const;

/** One table row in plain markup (only the badges are components): thousands of rows scroll and filter lightly. */
const Row = memo(function Row({ r, index, start, onOpen }: { r: ActionRow; index: number; start: number; onOpen: (id: string) => void }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="clspd-table-row"
      tabIndex={0}
      onClick={() => onOpen(r.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(r.id);
      }}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        display: 'grid',
        gridTemplateColumns: GRID,
        alignItems: 'center',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        cursor: 'pointer',
        fontSize: 'var(--mantine-font-size-sm)',
      }}
    >
      <div role="cell" style={cell}>
        <span style={{ fontFamily: 'monospace', fontWeight: 600 }}>{r.code}</span>
      </div>
      <div role="cell" style={cell}>
        <span style={twoLines} title={r.title}>
          {r.title}
        </span>
      </div>
      <div role="cell" style={{ ...cell, ...small }}>
        <span style={{ display: 'flex', gap: 6, alignItems: 'center', minWidth: 0 }}>
          <AxisChip colour={r.axisColour} />
          <span style={ellipsis} title={r.axisTitle ?? fr.strategy.inbox}>
            {r.axisTitle ?? fr.strategy.inbox}
          </span>
        </span>
        {r.periodLabel ? <span style={{ ...ellipsis, color: 'var(--mantine-color-dimmed)' }}>{r.periodLabel}</span> : null}
      </div>
      <div role="cell" style={{ ...cell, ...small }}>
        <span style={twoLines} title={r.pilotName}>{r.pilotName ?? '—'}</span>
      </div>
      <div role="cell" style={{ ...cell, ...small }}>
        {r.endDate ? formatShortDate(r.endDate) : '—'}
      </div>
      <div role="cell" style={{ ...cell, ...small, display: 'flex', alignItems: 'center', gap: 6 }}>
        <span aria-hidden style={{ flex: 'none', width: 56, height: 6, borderRadius: 3, background: 'var(--mantine-color-gray-2)', overflow: 'hidden' }}>
          <span style={{ display: 'block', height: '100%', width: `${r.progress}%`, background: 'var(--mantine-color-marianne-6)' }} />
        </span>
        <span style={{ width: 38, textAlign: 'right' }}>{formatPercent(r.progress)}</span>
      </div>
      <div role="cell" style={cell}>
        <StatusBadge status={r.status} size="sm" />
      </div>
      <div role="cell" style={cell} onClick={(e) => e.stopPropagation()}>
        <HealthBadge level={r.health} reasons={r.healthReasons} />
      </div>
    </div>
  );
});
