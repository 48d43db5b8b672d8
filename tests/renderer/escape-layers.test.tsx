// Renderer test: Escape closes only the innermost dialog (a confirmation over a form dialog), with real Mantine modals.
import { Button, MantineProvider, Modal } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { handleLayeredEscape, installEscapeLayers } from '../../src/renderer/src/app/escapeLayers';
import { confirmDanger } from '../../src/renderer/src/components/confirm';

function Form({ onConfirmed }: { onConfirmed: (ok: boolean) => void }) {
  const [opened, setOpened] = useState(true);
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Périodes" transitionProps={{ duration: 0 }}>
      <Button onClick={() => void confirmDanger('Clôturer ?', 'Vraiment ?', 'Clôturer').then(onConfirmed)}>Clôturer</Button>
    </Modal>
  );
}

function app(onConfirmed: (ok: boolean) => void) {
  return render(
    <MantineProvider>
      <ModalsProvider modalProps={{ transitionProps: { duration: 0 } }}>
        <Form onConfirmed={onConfirmed} />
      </ModalsProvider>
    </MantineProvider>,
  );
}

const escape = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });

describe('Escape and stacked dialogs', () => {
  it('closes the confirmation only, then the form dialog on the next Escape', async () => {
    installEscapeLayers();
    const confirmed = vi.fn();
    app(confirmed);
    fireEvent.click(await screen.findByRole('button', { name: 'Clôturer' }));
    await screen.findByRole('dialog', { name: 'Clôturer ?' });
    expect(screen.getAllByRole('dialog')).toHaveLength(2);
    escape();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Clôturer ?' })).toBeNull());
    expect(screen.getByRole('dialog', { name: 'Périodes' })).toBeTruthy();
    await waitFor(() => expect(confirmed).toHaveBeenCalledWith(false));
    escape();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('leaves an Escape meant for a list open inside the dialog, and a single dialog, to Mantine', () => {
    const input = document.createElement('input');
    input.setAttribute('data-mantine-stop-propagation', 'true');
    document.body.append(input);
    const marked = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    act(() => void input.dispatchEvent(marked));
    expect(marked.defaultPrevented).toBe(false);
    const alone = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    handleLayeredEscape(alone);
    expect(alone.defaultPrevented).toBe(false);
    input.remove();
  });
});
