// Renderer test: the meeting page's notice for texts of a meeting made public that wait in the coffre to be given back.
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { teamCoffre } from '../../src/shared/i18n/team-coffre';
import { GiveBackNotice } from '../../src/renderer/src/screens/meetings/meeting/GiveBackNotice';
import { looksFrench } from '../helpers/fixtures';

describe('GiveBackNotice', () => {
  it('says in French how many texts wait in the coffre, as a status; nothing when none', () => {
    const { rerender } = render(
      <MantineProvider>
        <GiveBackNotice count={2} />
      </MantineProvider>,
    );
    const notice = screen.getByRole('status');
    expect(notice.textContent).toBe(teamCoffre.giveBackPending(2));
    expect(notice.textContent).toContain('2 textes');
    expect(looksFrench(notice.textContent ?? '')).toBe(true);
    rerender(
      <MantineProvider>
        <GiveBackNotice count={1} />
      </MantineProvider>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Un texte .* est encore dans le coffre/);
    rerender(
      <MantineProvider>
        <GiveBackNotice />
      </MantineProvider>,
    );
    expect(screen.queryByTestId('give-back-notice')).toBeNull();
  });
});
