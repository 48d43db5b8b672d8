// The plan's search field: keeps its own text so typing stays instant while the list follows at lower priority.
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo, startTransition, useState } from 'react';
import { fr } from '../../../../../shared/i18n';

const s = fr.strategy.ui;

/**
 * The free-text filter: the field re-renders alone on each keystroke and the page (filters, table) follows in
 * a transition, so typing stays fluid whatever the size of the plan.
 */
export const SearchInput = memo(function SearchInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    // Cleared or restored from outside (« Effacer les filtres »).
    setLast(value);
    setText(value);
  }
  return (
    <TextInput
      label={fr.actions.search}
      placeholder={s.searchPlaceholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        setLast(v);
        startTransition(() => onChange(v));
      }}
      style={{ flex: '2 1 260px' }}
    />
  );
});
