// Renderer test: the suivi par axe's derived figures (due window, indicators on track, values with units, chart numbers)
// and the page itself — switching the deadline window and « Afficher les N échéances » change the rows shown.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AxisPage, DueItem } from '../../src/shared/contract/strategy';
import { fr } from '../../src/shared/i18n';
import type { Indicator } from '../../src/shared/model';
import { chartNumbers, dueWithin, firstRows, healthCountsOf, indicatorsOnTrack, lastValue, measuredSeries, valueWithUnit } from '../../src/renderer/src/screens/strategy/axis/axisData';
import { AxisView } from '../../src/renderer/src/screens/strategy/axis/AxisView';

const s = fr.strategy.ui;

function due(n: number, within: 30 | 60 | 90): DueItem {
  return { kind: 'end', actionId: `a${n}`, code: `1.1.${n}`, title: `Action ${n}`, date: `2026-0${within === 30 ? 4 : within === 60 ? 5 : 6}-${String(n % 28 + 1).padStart(2, '0')}`, within };
}

function indicator(over: Partial<Indicator>): Indicator {
  return { id: 'i1', title: 'Maraudes réalisées', unit: 'maraudes', type: 'quantitative', measurements: [], ...over } as Indicator;
}

function page(over: Partial<AxisPage> = {}): AxisPage {
  return {
    axis: { id: 'ax1', title: 'Prévenir la délinquance des jeunes', colour: '#1f5fa8' },
    period: { id: 'p1', title: 'Stratégie 2025-2030' },
    objectivesCount: 1,
    actionsCount: 3,
    byStatus: { planned: 1, in_progress: 2, done: 0, postponed: 0, abandoned: 0 },
    byHealth: { on_track: 1, watch: 1, late: 1, unknown: 0 },
    averageProgress: 40,
    late: [],
    due: [],
    indicators: { reached: 1, on_trajectory: 2, behind: 3, no_data: 4 },
    funding: { requested: 0, obtained: 0, spent: 0, byFunder: [] },
    objectives: [],
    indicatorSeries: [],
    readOnly: false,
    ...over,
  } as unknown as AxisPage;
}

describe('suivi par axe: derived figures', () => {
  it('keeps the deadlines of the chosen window and every shorter one', () => {
    const items = [due(1, 30), due(2, 60), due(3, 90)];
    expect(dueWithin(items, '30').map((d) => d.actionId)).toEqual(['a1']);
    expect(dueWithin(items, '60').map((d) => d.actionId)).toEqual(['a1', 'a2']);
    expect(dueWithin(items, '90')).toHaveLength(3);
  });

  it('counts reached and on-trajectory indicators as on track, leaves those without data out', () => {
    expect(indicatorsOnTrack({ reached: 1, on_trajectory: 2, behind: 3, no_data: 4 })).toBe('3 / 6');
    expect(indicatorsOnTrack({ reached: 0, on_trajectory: 0, behind: 0, no_data: 5 })).toBe('0 / 0');
  });

  it('counts each weather of an objective’s actions', () => {
    expect(healthCountsOf([{ health: 'late' }, { health: 'late' }, { health: 'on_track' }])).toEqual({ on_track: 1, watch: 0, late: 2, unknown: 0 });
  });

  it('writes values with their unit, the last measurement and the chart numbers; « — » when there is nothing', () => {
    expect(valueWithUnit(undefined, 'maraudes')).toBe('—');
    expect(valueWithUnit(12, '')).toBe('12');
    expect(valueWithUnit(12, 'maraudes')).toBe('12 maraudes');
    const measured = indicator({ target: 40, measurements: [{ id: 'm1', date: '2026-01-15', value: 10 }, { id: 'm2', date: '2026-03-01', value: 25 }] });
    expect(lastValue(indicator({}))).toBe('—');
    expect(lastValue(measured)).toBe('25 maraudes');
    expect(chartNumbers(measured)).toEqual({ values: '15 janvier 2026 : 10 ; 1er mars 2026 : 25', target: '40 maraudes' });
    expect(chartNumbers(indicator({})).target).toBe('—');
  });

  it('charts only measured indicators and shows the first rows until asked for all', () => {
    const series = [indicator({ id: 'a' }), indicator({ id: 'b', measurements: [{ id: 'm', date: '2026-01-01', value: 1 }] })].map((i) => ({ actionId: 'x', actionCode: '1', indicator: i, status: 'no_data' as const }));
    expect(measuredSeries(series).map((x) => x.indicator.id)).toEqual(['b']);
    expect(firstRows([1, 2, 3], false, 2)).toEqual([1, 2]);
    expect(firstRows([1, 2, 3], true, 2)).toEqual([1, 2, 3]);
  });
});

describe('suivi par axe: the page', () => {
  it('shows the stat tiles, switches the deadline window and expands the list past 15 rows', () => {
    const items = [...Array.from({ length: 17 }, (_, i) => due(i + 1, 60)), due(30, 30)];
    render(
      <MantineProvider>
        <AxisView page={page({ due: items })} />
      </MantineProvider>,
    );
    expect(screen.getByText('3 / 6')).toBeTruthy();
    const section = screen.getByRole('region', { name: s.dueTitle });
    // 30 days: only the one item due within 30 days.
    expect(within(section).getAllByRole('link')).toHaveLength(1);
    expect(within(section).queryByRole('button', { name: s.allDue(18) })).toBeNull();
    fireEvent.click(within(section).getByText(s.days(60)));
    expect(within(section).getAllByRole('link')).toHaveLength(15);
    fireEvent.click(within(section).getByRole('button', { name: s.allDue(18) }));
    expect(within(section).getAllByRole('link')).toHaveLength(18);
    fireEvent.click(within(section).getByRole('button', { name: s.fewerRows }));
    expect(within(section).getAllByRole('link')).toHaveLength(15);
  });

  it('says there is nothing due in the window, nothing late and no indicator', () => {
    render(
      <MantineProvider>
        <AxisView page={page()} />
      </MantineProvider>,
    );
    expect(screen.getByText(s.noDue(30))).toBeTruthy();
    expect(screen.getByText(s.noLate)).toBeTruthy();
    expect(screen.getByText(s.noIndicatorAxis)).toBeTruthy();
    expect(screen.getByText(s.noFunding)).toBeTruthy();
  });
});
