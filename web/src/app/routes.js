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
  ['/admin', Directory],
];

// [path, label, description, roles that see it]
const NAVIGATION = [
  ['/', 'Start', '', null],
  ['/referrals', 'Referral queue', 'triage, open or link cases, decline', ['CASE_COORDINATOR']],
  ['/cases', 'Cases', 'cases your agency takes part in', ['CASE_COORDINATOR', 'MDT_MEMBER']],
  ['/referrals/new', 'Refer a youth', 'send a referral to the coordinator', ['MDT_MEMBER']],
  ['/consents/expiring', 'Expiring consents', 'consents to renew', ['CASE_COORDINATOR']],
  ['/admin', 'Agencies and members', 'MOUs, onboarding, training, offboarding', ['ADMIN']],
];

export function navigationFor(roles) {
  return NAVIGATION.filter(([, , , allowed]) => !allowed || allowed.some((r) => roles.includes(r))).map(
    ([path, label, description]) => [path, label, description],
  );
}
