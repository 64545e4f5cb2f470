import {
  CAPABILITIES,
  LEVELS,
  MANAGER_ONLY,
  USAGE_FUNCTIONS,
  expandLevels,
  isCapability,
} from '../../lib/authz/capabilities';

describe('S2: capabilities and authorization levels', () => {
  it('groups the capabilities into the M.3345 levels', () => {
    expect(LEVELS).toEqual({
      AUTHORIZATION_1: ['service.configure', 'experience.report'],
      AUTHORIZATION_2: ['service.check', 'fault.report'],
      AUTHORIZATION_3: ['billing.view', 'usage.view'],
      TOTAL: ['billing.pay', 'billing.settings'],
    });
  });

  it('keeps total authorization for the manager and names the usage functions', () => {
    expect(MANAGER_ONLY).toEqual(['billing.pay', 'billing.settings']);
    expect(USAGE_FUNCTIONS).toEqual(['usage.view', 'fault.report']);
  });

  it('recognises every capability and nothing else', () => {
    expect(CAPABILITIES).toHaveLength(9);
    for (const c of CAPABILITIES) expect(isCapability(c)).toBe(true);
    expect(CAPABILITIES).toContain('service.order');
    expect(isCapability('billing.refund')).toBe(false);
    expect(isCapability('')).toBe(false);
  });

  it('expands levels to their capabilities without duplicates', () => {
    expect(expandLevels([])).toEqual([]);
    expect(expandLevels(['AUTHORIZATION_2'])).toEqual(['service.check', 'fault.report']);
    expect(expandLevels(['AUTHORIZATION_1', 'AUTHORIZATION_3', 'AUTHORIZATION_1'])).toEqual([
      'service.configure',
      'experience.report',
      'billing.view',
      'usage.view',
    ]);
  });
});
