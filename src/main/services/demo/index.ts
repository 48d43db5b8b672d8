// Demo commune: a credible fictional council used by « Explorer avec des données de démonstration ».
import type { Datastore } from '../../../shared/model';
import { buildNewCouncil } from '../app';

/** Placeholder demo until the full demo story lands: a commune with its three axes. */
export function buildDemoDatastore(now: Date): Datastore {
  const doc = buildNewCouncil(
    {
      communeName: 'Valmont-sur-Loire',
      councilAcronym: 'CLSPDR',
      presidentName: 'Claire Morel',
      coordinatorName: 'Julien Perrin',
      periodStartYear: 2023,
      periodEndYear: 2026,
      axes: [
        'Prévention de la délinquance auprès de l’enfance et de la jeunesse',
        'Renforcement de la tranquillité publique',
        'Aide aux personnes vulnérables',
      ],
    },
    now.toISOString(),
  );
  doc.settings.demo = true;
  return doc;
}
