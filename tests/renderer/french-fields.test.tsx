// Renderer test: the shared French date and time fields read what a coordinator types and report ISO values.
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { fireEvent, render, screen } from '@testing-library/react';
import 'dayjs/locale/fr';
import { describe, expect, it, vi } from 'vitest';
import { DateField, INVALID_DATE, parseFrenchDate } from '../../src/renderer/src/components/DateField';
import { TimeField } from '../../src/renderer/src/components/TimeField';
import { parseTime as parseFrenchTime } from '../../src/renderer/src/components/time';

describe('parseFrenchTime', () => {
  it('reads the usual ways of writing an hour', () => {
    expect(parseFrenchTime('14 h 30')).toBe('14:30');
    expect(parseFrenchTime('14h30')).toBe('14:30');
    expect(parseFrenchTime('9:05')).toBe('09:05');
    expect(parseFrenchTime('9 h')).toBe('09:00');
    expect(parseFrenchTime('18')).toBe('18:00');
    expect(parseFrenchTime('25 h')).toBeUndefined();
    expect(parseFrenchTime('14 h 75')).toBeUndefined();
    expect(parseFrenchTime('2:30 PM')).toBeUndefined();
  });
});

describe('French fields', () => {
  it('the date field shows JJ/MM/AAAA and reports an ISO date', () => {
    const onChange = vi.fn();
    render(
      <MantineProvider>
        <DatesProvider settings={{ locale: 'fr' }}>
          <DateField label="Date de début" value="2026-03-03" onChange={onChange} />
        </DatesProvider>
      </MantineProvider>,
    );
    const input = screen.getByRole('textbox', { name: 'Date de début' }) as HTMLInputElement;
    expect(input.value).toBe('03/03/2026');
    fireEvent.change(input, { target: { value: '1/4/2026' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-04-01');
    fireEvent.change(input, { target: { value: '31/02/2026' } });
    expect(onChange).toHaveBeenLastCalledWith(INVALID_DATE);
    expect(parseFrenchDate('2026-12-09')).toBe('2026-12-09');
  });

  it('the time field shows « 14 h 30 », commits HH:MM on leaving, and refuses an unreadable time in French', () => {
    const onCommit = vi.fn();
    render(
      <MantineProvider>
        <TimeField label="Heure de début" value="14:30" onCommit={onCommit} />
      </MantineProvider>,
    );
    const input = screen.getByRole('textbox', { name: 'Heure de début' }) as HTMLInputElement;
    expect(input.value).toBe('14 h 30');
    fireEvent.change(input, { target: { value: '9h' } });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenLastCalledWith('09:00');
    expect(input.value).toBe('9 h');
    fireEvent.change(input, { target: { value: 'midi' } });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(screen.getByText('L’heure n’est pas valide. Exemple : 14 h 30.')).toBeTruthy();
  });
});
