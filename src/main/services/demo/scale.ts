// Large dataset generator for benchmarks (`clspd demo --scale 10y`): ten years of one council.
import { DomainError } from '../../../shared/result';

export interface ScaleSummary {
  files: string[];
  instances: number;
  meetings: number;
  actions: number;
  partners: number;
}

/** Writes the ten-year dataset into an empty data folder. */
export function writeTenYearDataset(_dataDir: string, _now: Date): ScaleSummary {
  throw new DomainError('internal', 'Le générateur de données volumineuses n’est pas encore disponible.');
}
