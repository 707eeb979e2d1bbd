import { describe, expect, it } from 'vitest';
import { fieldLabel, humanize } from '../src/ui/labels.js';

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

describe('fieldLabel', () => {
  it('names a record field by its record and field, not by the whole key', () => {
    expect(fieldLabel('records.cf721b9e-9fac-4e83-b001-e7af935125fb.examDate')).toBe('Record cf721b9e: Exam date');
    expect(fieldLabel('youth.legalName')).toBe('Youth legal name');
    expect(fieldLabel(undefined)).toBe('');
  });
});
