// Renderer test: a dialog the address opens (?cellule=1 from the command palette) — open at start, closed with the parameter cleared, opened again when the address asks again.
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useNavigate, useSearchParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useAddressDialog } from '../../src/renderer/src/components/useAddressDialog';

function at(address: string) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <MemoryRouter initialEntries={[address]}>{children}</MemoryRouter>;
  };
}

function useProbe(param: string) {
  const dialog = useAddressDialog(param);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return { dialog, search: params.toString(), navigate };
}

describe('useAddressDialog', () => {
  it('opens when the address asks, clears the parameter on close, opens again when asked again', () => {
    const { result } = renderHook(() => useProbe('cellule'), { wrapper: at('/instances?cellule=1') });
    expect(result.current.dialog.opened).toBe(true);
    act(() => result.current.dialog.close());
    expect(result.current.dialog.opened).toBe(false);
    expect(result.current.search).toBe('');
    act(() => {
      void result.current.navigate('/instances?cellule=1');
    });
    expect(result.current.dialog.opened).toBe(true);
  });

  it('stays closed without the parameter (or with another one) until opened by hand', () => {
    const { result } = renderHook(() => useProbe('cellule'), { wrapper: at('/instances?nouvelle=1') });
    expect(result.current.dialog.opened).toBe(false);
    act(() => result.current.dialog.open());
    expect(result.current.dialog.opened).toBe(true);
  });
});
