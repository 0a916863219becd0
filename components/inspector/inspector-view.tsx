'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { FilterBar } from '@/components/filter-bar';
import { readState } from '@/lib/client/search-params';
import { readInspectorState, writeInspectorState, type InspectorState } from '@/lib/inspector/url-state';
import { InspectorFilters } from './inspector-filters';
import { RequestTable } from './request-table';
import { Conversations } from './conversations';
import { TopQuestions } from './top-questions';

export function InspectorView() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const shared = readState(sp);
  const state = readInspectorState(sp);
  // Any filter change starts again from the first page.
  const update = (patch: Partial<InspectorState>, opts: { push?: boolean } = {}) => {
    const qs = writeInspectorState(sp.toString(), { ...state, after: undefined, ...patch });
    const url = qs ? `${pathname}?${qs}` : pathname;
    if (opts.push) router.push(url, { scroll: false });
    else router.replace(url, { scroll: false });
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Request inspector</h1>
        <p className="text-sm text-slate-500">Find any logged request, read it as a conversation, extract fields by JSON path. Personal data is masked.</p>
      </div>
      <FilterBar state={shared} showSplit={false} />
      <InspectorFilters state={state} onChange={update} />
      <div role="tablist" aria-label="Inspector views" className="flex gap-1 border-b border-slate-200">
        {(['requests', 'questions', 'conversations'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={state.tab === tab}
            onClick={() => update({ tab })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${state.tab === tab ? 'border-slate-900 text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
          >
            {{ requests: 'Requests', questions: 'Top questions', conversations: 'Conversations' }[tab]}
          </button>
        ))}
      </div>
      {state.tab === 'requests' && <RequestTable shared={shared} state={state} onChange={update} />}
      {state.tab === 'questions' && <TopQuestions shared={shared} onSearch={(q) => update({ q, tab: 'requests' })} />}
      {state.tab === 'conversations' && <Conversations shared={shared} sort={state.convSort} onSort={(convSort) => update({ convSort })} />}
    </div>
  );
}
