// Referring a youth to the MDT. The form keeps one Idempotency-Key until it succeeds, so a retry
// after a network error or an expired session cannot create the referral twice.
import { useState } from 'preact/hooks';
import { useAction } from '../../ui/hooks.js';
import { CheckboxGroup, Select, SubmitButton, TextArea, TextInput } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { CATEGORIES, INDICATORS, URGENCIES } from '../../ui/labels.js';
import { idempotencyKey } from '../../api/client.js';

const EMPTY = { legalName: '', dateOfBirth: '', gender: '', contact: '', indicators: [], narrative: '', narrativeCategory: 'COORDINATION', urgency: 'ROUTINE' };

export function NewReferral() {
  const [form, setForm] = useState(EMPTY);
  const [key, setKey] = useState(idempotencyKey);
  const [receipt, setReceipt] = useState(null);
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const action = useAction(
    (api) =>
      api.post(
        '/api/v1/referrals',
        {
          youth: {
            legalName: form.legalName,
            dateOfBirth: form.dateOfBirth || undefined,
            gender: form.gender || undefined,
            contact: form.contact || undefined,
          },
          indicators: form.indicators,
          narrative: form.narrative,
          narrativeCategory: form.narrativeCategory,
          urgency: form.urgency,
        },
        { 'Idempotency-Key': key },
      ),
    (result) => {
      setReceipt(result);
      setForm(EMPTY);
      setKey(idempotencyKey());
    },
  );
  return (
    <section>
      <h1>Refer a youth</h1>
      {receipt ? (
        <p class="success" role="status">
          Referral received ({receipt.status === 'RECEIVED' ? 'in the coordinator’s queue' : receipt.status}). Reference{' '}
          <code>{receipt.id.slice(0, 8)}</code>.
        </p>
      ) : null}
      <form class="card" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
        <h2>Youth</h2>
        <TextInput label="Legal name" value={form.legalName} onInput={set('legalName')} required autoComplete="off" />
        <div class="filters">
          <TextInput label="Date of birth" type="date" value={form.dateOfBirth} onInput={set('dateOfBirth')} />
          <TextInput label="Gender" value={form.gender} onInput={set('gender')} autoComplete="off" />
        </div>
        <TextInput
          label="Contact or placement"
          value={form.contact}
          onInput={set('contact')}
          hint="Safety location: shown only to agencies the policy allows."
          autoComplete="off"
        />
        <h2>Concern</h2>
        <CheckboxGroup legend="Indicators" options={INDICATORS} values={form.indicators} onChange={set('indicators')} />
        <TextArea label="What happened" value={form.narrative} onInput={set('narrative')} required rows={5} />
        <Select
          label="Category of this narrative"
          value={form.narrativeCategory}
          onChange={set('narrativeCategory')}
          options={CATEGORIES}
          hint="Decides who may read the narrative (e.g. Education for school records under FERPA)."
        />
        <Select label="Urgency" value={form.urgency} onChange={set('urgency')} options={URGENCIES} />
        <Problem error={action.error} context="The referral was not sent" />
        <SubmitButton busy={action.busy}>Send referral</SubmitButton>
      </form>
    </section>
  );
}
