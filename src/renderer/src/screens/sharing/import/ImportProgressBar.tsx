// Progress of the file being read for an import: polls the main process (the file is parsed in a worker, the window stays free).
import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../../../../shared/contract/sharing';
import { fr } from '../../../../../shared/i18n';
import { api } from '../../../api';

const P = fr.hostile.progress;
const POLL_MS = 200;

function label(p: ImportProgress | null): string {
  if (!p) return P.reading;
  if (p.phase === 'checking') return P.checking;
  return p.total ? P.parsing(p.done, p.total) : P.reading;
}

/** While `active`, asks every 200 ms where the reading stands and shows it (a determinate bar once rows are counted). */
export function ImportProgressBar({ active }: { active: boolean }) {
  const [p, setP] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return setP(null);
    let stopped = false;
    const tick = async () => {
      const r = await api().sharing.importProgress(undefined).catch(() => undefined);
      if (stopped) return;
      if (r?.ok) setP(r.value);
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    let timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
  const text = label(p);
  const counted = p?.phase === 'parsing' && p.total > 0;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{text}</Text>
      <Progress value={counted ? Math.min(100, Math.round((p.done / p.total) * 100)) : 100} animated={!counted} striped={!counted} aria-label={text} />
    </Stack>
  );
}
