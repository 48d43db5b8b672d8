// Unit tests for the instance-kind rules: L132-5 groups, where the register is allowed, the cited legal basis, the CDDF label.
import { describe, expect, it } from 'vitest';
import { common } from '../../src/shared/i18n/common';
import { charterApplies, confidentialityBasis, INSTANCE_KIND_ORDER, isL1325Group, registerAllowed } from '../../src/shared/instance-rules';
import { InstanceKind } from '../../src/shared/model';

describe('instance rules', () => {
  it('knows the CDDF kind and names it in French', () => {
    expect(InstanceKind.parse('cddf')).toBe('cddf');
    expect(common.instanceKind.cddf).toBe('Conseil pour les droits et devoirs des familles (CDDF)');
    expect(Object.keys(INSTANCE_KIND_ORDER).sort()).toEqual([...InstanceKind.options].sort());
  });

  it('treats only confidential working groups as L132-5 groups', () => {
    expect(isL1325Group({ kind: 'working_group', confidentiality: 'confidential' })).toBe(true);
    expect(isL1325Group({ kind: 'working_group', confidentiality: 'restricted' })).toBe(false);
    expect(isL1325Group({ kind: 'cddf', confidentiality: 'confidential' })).toBe(false);
    expect(isL1325Group({ kind: 'plenary', confidentiality: 'confidential' })).toBe(false);
  });

  it('allows a register of situations for L132-5 groups and the confidential CDDF only', () => {
    expect(registerAllowed({ kind: 'working_group', confidentiality: 'confidential' })).toBe(true);
    expect(registerAllowed({ kind: 'cddf', confidentiality: 'confidential' })).toBe(true);
    expect(registerAllowed({ kind: 'cddf', confidentiality: 'restricted' })).toBe(false);
    expect(registerAllowed({ kind: 'plenary', confidentiality: 'public' })).toBe(false);
    expect(registerAllowed({ kind: 'restricted', confidentiality: 'confidential' })).toBe(false);
    expect(charterApplies({ kind: 'restricted', confidentiality: 'restricted' })).toBe(false);
    expect(charterApplies({ kind: 'cddf', confidentiality: 'confidential' })).toBe(true);
  });

  it('cites L132-5 for working groups, CASF L141-1 for a confidential CDDF, nothing otherwise', () => {
    expect(confidentialityBasis({ kind: 'working_group', confidentiality: 'confidential' })).toBe('csi_l132_5');
    expect(confidentialityBasis({ kind: 'cddf', confidentiality: 'confidential' })).toBe('casf_l141_1');
    expect(confidentialityBasis({ kind: 'restricted', confidentiality: 'restricted' })).toBe('none');
    expect(confidentialityBasis({ kind: 'restricted', confidentiality: 'confidential' })).toBe('none');
  });

  it('names the police-led groupe de partenariat opérationnel (GPO) and treats it as no L132-5 group', () => {
    expect(InstanceKind.parse('gpo')).toBe('gpo');
    expect(common.instanceKind.gpo).toBe('Groupe de partenariat opérationnel (GPO)');
    expect(INSTANCE_KIND_ORDER.gpo).toBeGreaterThan(INSTANCE_KIND_ORDER.cddf);
    for (const confidentiality of ['public', 'restricted', 'confidential'] as const) {
      expect(isL1325Group({ kind: 'gpo', confidentiality })).toBe(false);
      expect(registerAllowed({ kind: 'gpo', confidentiality })).toBe(false);
      expect(charterApplies({ kind: 'gpo', confidentiality })).toBe(false);
      expect(confidentialityBasis({ kind: 'gpo', confidentiality })).toBe('none');
    }
  });
});
