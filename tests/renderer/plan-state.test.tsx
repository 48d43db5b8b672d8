// Renderer test: the plan screen's remembered state (filters and view kept in localStorage, merged over defaults) and its active-filter count.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePersistent } from '../../src/renderer/src/screens/strategy/plan/usePersistent';
import { activeFilterCount } from '../../src/renderer/src/screens/strategy/plan/usePlanData';

afterEach(() => localStorage.clear());

describe('usePersistent', () => {
  it('starts from the defaults, remembers every change and reads it back merged over the defaults', () => {
    const first = renderHook(() => usePersistent('test.view', { mode: 'tree', size: 10 }));
    expect(first.result.current[0]).toEqual({ mode: 'tree', size: 10 });
    act(() => first.result.current[1]({ mode: 'table', size: 10 }));
    expect(first.result.current[0]).toEqual({ mode: 'table', size: 10 });
    first.unmount();

    // A newer default (a field added since) is kept when the remembered value lacks it.
    const again = renderHook(() => usePersistent('test.view', { mode: 'tree', size: 10, dense: false }));
    expect(again.result.current[0]).toEqual({ mode: 'table', size: 10, dense: false });
  });

  it('falls back to the defaults when what is stored is not JSON', () => {
    localStorage.setItem('test.broken', '{pas du json');
    const { result } = renderHook(() => usePersistent('test.broken', { mode: 'tree' }));
    expect(result.current[0]).toEqual({ mode: 'tree' });
  });
});

describe('activeFilterCount', () => {
  it('counts the filters set, not the period nor empty values', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ periodId: 'p1' })).toBe(0);
    expect(activeFilterCount({ text: '', status: [], axisId: undefined })).toBe(0);
    expect(activeFilterCount({ text: 'maraude', status: ['postponed'], periodId: 'p1' })).toBe(2);
  });
});
