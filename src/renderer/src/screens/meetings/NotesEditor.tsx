// The notes area of the séance: a large textarea whose text lives locally; every keystroke goes to the autosaver without waiting.
import { Textarea } from '@mantine/core';
import { forwardRef, memo, useEffect, useState } from 'react';
import type { NotesAutosaver } from './notesAutosave';

export interface NotesEditorProps {
  itemKey: string;
  /** Text from the store when the item is first shown. */
  initial: string;
  saver: NotesAutosaver;
  label: string;
  placeholder?: string;
  readOnly?: boolean;
  minRows?: number;
}

export const NotesEditor = memo(
  forwardRef<HTMLTextAreaElement, NotesEditorProps>(function NotesEditor({ itemKey, initial, saver, label, placeholder, readOnly, minRows = 14 }, ref) {
    // The local draft wins over the stored text while the meeting is open: reloads never overwrite typing.
    const [text, setText] = useState(() => saver.draft(itemKey) ?? initial);
    useEffect(() => {
      setText(saver.draft(itemKey) ?? initial);
      // Only when switching item: `initial` changes after each save and must not reset the caret.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [itemKey, saver]);
    return (
      <Textarea
        ref={ref}
        label={label}
        placeholder={placeholder}
        value={text}
        readOnly={readOnly}
        autosize
        minRows={minRows}
        maxRows={40}
        styles={{ input: { fontSize: 17, lineHeight: 1.6 } }}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          saver.change(itemKey, v);
        }}
        onBlur={() => void saver.flush()}
      />
    );
  }),
);
