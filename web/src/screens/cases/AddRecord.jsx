// Adding a record to a case: the type fixes each field's data category (shown next to the field),
// or, for a free-form record, the author names each field and picks its category.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../ui/hooks.js';
import { Loaded } from '../../ui/common.jsx';
import { Select, SubmitButton, TextArea, TextInput } from '../../ui/forms.jsx';
import { Problem } from '../../ui/Problem.jsx';
import { CATEGORIES, humanize } from '../../ui/labels.js';
import { navigate } from '../../app/router.js';

export function AddRecord({ id }) {
  const types = useLoad((api) => api.get('/api/v1/record-types'), []);
  return (
    <section>
      <p>
        <a href={`#/cases/${id}`}>← Back to the case</a>
      </p>
      <h1>Add a record</h1>
      <Loaded state={types} what="record types">
        {(list) => <RecordForm caseId={id} types={list} />}
      </Loaded>
    </section>
  );
}

function RecordForm({ caseId, types }) {
  const [type, setType] = useState('');
  const [values, setValues] = useState({});
  const [freeFields, setFreeFields] = useState([{ name: '', category: 'COORDINATION', value: '' }]);
  const spec = types.find((t) => t.type === type);
  const action = useAction(
    (api) =>
      api.post(
        `/api/v1/cases/${caseId}/records`,
        spec?.freeForm
          ? { type, fields: freeFields.filter((f) => f.name || f.value) }
          : { type, values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) },
      ),
    () => navigate(`/cases/${caseId}`),
  );
  const setFree = (i, key, value) => setFreeFields(freeFields.map((f, j) => (j === i ? { ...f, [key]: value } : f)));
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); action.run(); }}>
      <Select
        label="Record type"
        value={type}
        onChange={(t) => {
          setType(t);
          setValues({});
        }}
        empty="Choose a type"
        options={types.map((t) => t.type)}
        required
      />
      {spec && !spec.freeForm ? (
        <>
          <p class="muted small">
            Each field's data category decides who may see it. That such a record exists is itself{' '}
            <strong>{humanize(spec.existenceCategory)}</strong> information.
          </p>
          {spec.fields.map((f) => (
            <TextArea
              key={f.name}
              label={`${humanize(f.name)} (${humanize(f.category)})`}
              value={values[f.name] ?? ''}
              onInput={(v) => setValues({ ...values, [f.name]: v })}
              rows={2}
            />
          ))}
        </>
      ) : null}
      {spec?.freeForm ? (
        <fieldset class="control">
          <legend>Fields</legend>
          {freeFields.map((f, i) => (
            <div class="filters" key={i}>
              <TextInput label={`Field ${i + 1} name`} value={f.name} onInput={(v) => setFree(i, 'name', v)} hint="Letters, digits, underscore" />
              <Select label={`Field ${i + 1} category`} value={f.category} onChange={(v) => setFree(i, 'category', v)} options={CATEGORIES} />
              <TextArea label={`Field ${i + 1} value`} value={f.value} onInput={(v) => setFree(i, 'value', v)} rows={2} />
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => setFreeFields([...freeFields, { name: '', category: 'COORDINATION', value: '' }])}>
            Add a field
          </button>
        </fieldset>
      ) : null}
      <Problem error={action.error} />
      <SubmitButton busy={action.busy} disabled={!spec}>
        Save record
      </SubmitButton>
    </form>
  );
}
