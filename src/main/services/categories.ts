// The preset, editable list of partner categories, in protocol order (préfet first, then procureur...).
import type { Category } from '../../shared/model';

const PRESET: [string, string][] = [
  ['prefecture', 'Préfecture (préfet, sous-préfet, délégué du préfet)'],
  ['justice', 'Justice (parquet, PJJ, SPIP, maison de justice et du droit)'],
  ['police_nationale', 'Police nationale'],
  ['gendarmerie', 'Gendarmerie'],
  ['police_municipale', 'Police municipale'],
  ['isc', 'Intervenants sociaux en commissariat et gendarmerie'],
  ['education', 'Éducation nationale'],
  ['departement', 'Conseil départemental (ASE, service social, prévention spécialisée)'],
  ['commune', 'Services de la commune (CCAS, jeunesse, sports, politique de la ville, réussite éducative)'],
  ['bailleur', 'Bailleurs sociaux'],
  ['transport', 'Transports'],
  ['association', 'Associations'],
  ['quartier', 'Maisons de quartier et centres sociaux'],
  ['mission_locale', 'Mission locale'],
  ['caf', 'CAF'],
  ['commerce', 'Commerçants'],
  ['sdis', 'SDIS'],
  ['sante', 'Santé (hôpital, CMP)'],
  ['other', 'Autres'],
];

export function presetCategories(): Category[] {
  return PRESET.map(([id, label], i) => ({ id, label, protocolRank: (i + 1) * 10 }));
}
