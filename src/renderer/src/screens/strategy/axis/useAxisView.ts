// Suivi par axe: what the reader chose to see (deadline window, « afficher tout » toggles) and the rows that follow from it.
import { useMemo, useState } from 'react';
import type { AxisPage } from '../../../../../shared/contract/strategy';
import { CHARTS_SHOWN, dueWithin, firstRows, measuredSeries, ROWS_SHOWN, type DueWindow } from './axisData';

export function useAxisView(page: AxisPage) {
  const [dueWindow, setDueWindow] = useState<DueWindow>('30');
  const [allCharts, setAllCharts] = useState(false);
  const [allIndicators, setAllIndicators] = useState(false);
  const [allDue, setAllDue] = useState(false);
  const due = useMemo(() => dueWithin(page.due, dueWindow), [page.due, dueWindow]);
  const measured = useMemo(() => measuredSeries(page.indicatorSeries), [page.indicatorSeries]);
  return {
    due: { window: dueWindow, setWindow: setDueWindow, all: due, shown: firstRows(due, allDue, ROWS_SHOWN), expanded: allDue, toggle: () => setAllDue(!allDue) },
    indicators: { shown: firstRows(page.indicatorSeries, allIndicators, ROWS_SHOWN), expanded: allIndicators, toggle: () => setAllIndicators(!allIndicators) },
    charts: { measured, shown: firstRows(measured, allCharts, CHARTS_SHOWN), expanded: allCharts, toggle: () => setAllCharts(!allCharts) },
  };
}

export type AxisViewState = ReturnType<typeof useAxisView>;
