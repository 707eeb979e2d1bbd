import { describe, expect, it } from 'vitest';
import { humanize } from '../src/ui/labels.js';

describe('humanize', () => {
  it('turns codes and field names into words', () => {
    expect(humanize('SAFETY_LOCATION')).toBe('Safety location');
    expect(humanize('youth.dateOfBirth')).toBe('Youth date of birth');
    expect(humanize('leadAgencyId')).toBe('Lead agency ID');
    expect(humanize('referralIds')).toBe('Referral IDs');
    expect(humanize('MDT_MEMBER')).toBe('MDT member');
    expect(humanize('')).toBe('');
    expect(humanize(null)).toBe('');
  });
});
