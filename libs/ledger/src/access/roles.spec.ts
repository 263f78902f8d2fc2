import { describe, expect, it } from 'vitest';
import { authorise, type Permission } from './roles';

const actor = (role: string, processorId: string | null = null) => ({ keyId: 'k1', role, processorId });

describe('authorise', () => {
  it.each<[string, Permission, boolean]>([
    ['admin', 'keys.manage', true],
    ['admin', 'personal-data.read', false],
    ['compliance', 'personal-data.read', true],
    ['compliance', 'keys.manage', false],
    ['analyst', 'reports.read', true],
    ['analyst', 'personal-data.read', false],
    ['dialer', 'eligibility.check', true],
    ['dialer', 'calls.record', false],
    ['processor', 'calls.record', true],
    ['processor', 'ledger.administer', false],
  ])('%s may %s: %s', (role, permission, allowed) => {
    const check = () => authorise(actor(role, ['dialer', 'processor'].includes(role) ? 'p1' : null), permission);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('keeps a processor key to its own processor', () => {
    expect(() => authorise(actor('processor', 'p1'), 'calls.record', { processorId: 'p1' })).not.toThrow();
    expect(() => authorise(actor('processor', 'p1'), 'objections.record', { processorId: 'p2' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', field: 'processorId' }),
    );
    expect(() => authorise(actor('dialer', 'p1'), 'eligibility.check', { processorId: 'p2' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('lets compliance act for any processor', () => {
    expect(() => authorise(actor('compliance'), 'calls.record', { processorId: 'p2' })).not.toThrow();
  });

  it('grants nothing to an unknown role', () => {
    expect(() => authorise(actor('root'), 'health.read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
