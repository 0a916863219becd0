'use client';

import { useState } from 'react';

const KNOWN = ['end_user_to_charge', 'project', 'use_case', 'a_b_test_group', 'conversation_id'];

/** A usage_context key: suggestions for the common ones, any key accepted, applied on Enter or blur. */
export function ContextKeyInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  const valid = /^[A-Za-z0-9_]{1,64}$/.test(draft);
  const apply = () => { if (valid && draft !== value) onChange(draft); };
  return (
    <>
      <input
        aria-label="usage_context key"
        list="usage-context-keys"
        value={draft}
        onChange={(e) => setDraft(e.target.value.trim())}
        onBlur={apply}
        onKeyDown={(e) => { if (e.key === 'Enter') apply(); }}
        aria-invalid={!valid}
        className={`w-40 rounded border px-1 py-1 ${valid ? 'border-slate-300' : 'border-red-400'}`}
      />
      <datalist id="usage-context-keys">{KNOWN.map((k) => <option key={k} value={k} />)}</datalist>
    </>
  );
}
