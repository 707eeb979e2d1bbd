// Every screen and who sees it in the navigation. The service decides what each screen may show;
// the navigation only spares members links that would answer "not allowed".
import { Home } from '../screens/Home.jsx';
import { ReferralQueue } from '../screens/coordinator/ReferralQueue.jsx';
import { ReferralDetail } from '../screens/coordinator/ReferralDetail.jsx';
import { ExpiringConsents } from '../screens/coordinator/ExpiringConsents.jsx';
import { CaseList } from '../screens/cases/CaseList.jsx';
import { CaseDetail } from '../screens/cases/CaseDetail.jsx';
import { AddRecord } from '../screens/cases/AddRecord.jsx';
import { Consents } from '../screens/cases/Consents.jsx';
import { NewReferral } from '../screens/member/NewReferral.jsx';
import { Directory } from '../screens/admin/Directory.jsx';
import { ActionItems } from '../screens/member/ActionItems.jsx';
import { Meetings } from '../screens/member/Meetings.jsx';
import { MeetingView } from '../screens/member/MeetingView.jsx';
import { AuditLog } from '../screens/auditor/AuditLog.jsx';
import { Accounting } from '../screens/auditor/Accounting.jsx';

export const routes = [
  ['/', Home],
  ['/referrals', ReferralQueue],
  ['/referrals/new', NewReferral],
  ['/referrals/:id', ReferralDetail],
  ['/cases', CaseList],
  ['/cases/:id', CaseDetail],
  ['/cases/:id/records/new', AddRecord],
  ['/subjects/:id/consents', Consents],
  ['/consents/expiring', ExpiringConsents],
  ['/action-items', ActionItems],
  ['/meetings', Meetings],
  ['/meetings/:id', MeetingView],
  ['/audit', AuditLog],
  ['/audit/accounting', Accounting],
  ['/admin', Directory],
];

// [path, label, description, roles that see it]
const NAVIGATION = [
  ['/', 'Start', '', null],
  ['/referrals', 'Referral queue', 'triage, open or link cases, decline', ['CASE_COORDINATOR']],
  ['/cases', 'Cases', 'cases your agency takes part in', ['CASE_COORDINATOR', 'MDT_MEMBER']],
  ['/referrals/new', 'Refer a youth', 'send a referral to the coordinator', ['MDT_MEMBER']],
  ['/consents/expiring', 'Expiring consents', 'consents to renew', ['CASE_COORDINATOR']],
  ['/action-items', 'Action items', 'what your agency agreed to do', ['CASE_COORDINATOR', 'MDT_MEMBER']],
  ['/meetings', 'Meetings', 'review meetings your agency is invited to', ['CASE_COORDINATOR', 'MDT_MEMBER']],
  ['/audit', 'Disclosure log', 'export, download the signed manifest, verify', ['AUDITOR']],
  ['/audit/accounting', 'Accounting of disclosures', 'for one youth, printable', ['AUDITOR']],
  ['/admin', 'Agencies and members', 'MOUs, onboarding, training, offboarding', ['ADMIN']],
];

export function navigationFor(roles) {
  return NAVIGATION.filter(([, , , allowed]) => !allowed || allowed.some((r) => roles.includes(r))).map(
    ([path, label, description]) => [path, label, description],
  );
}
