import { describe, expect, it } from 'vitest';
import { evaluatePath, locationKey, parsePath, parseSpec, toSqlPath, type Segment } from './json-path';

const segs = (p: string): Segment[] => {
  const r = parsePath(p);
  if (!r.ok) throw new Error(r.error);
  return r.segments;
};
const values = (doc: unknown, p: string) => evaluatePath(doc, segs(p)).map((m) => m.value);

const doc = {
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content: [{ type: 'text', text: 'hi' }] },
    { role: 'assistant', content: 'hello' },
  ],
  'usage context': { project: 'x' },
};

describe('parsePath', () => {
  it('reads dots, indexes, quoted keys, wildcards and the last element', () => {
    expect(segs('$.messages[0].content')).toEqual([{ kind: 'key', key: 'messages' }, { kind: 'index', index: 0 }, { kind: 'key', key: 'content' }]);
    expect(segs("$['usage context'].project")).toEqual([{ kind: 'key', key: 'usage context' }, { kind: 'key', key: 'project' }]);
    expect(segs('$.messages[*].role')[1]).toEqual({ kind: 'wildcard' });
    expect(segs('$.messages.*')[1]).toEqual({ kind: 'wildcard' });
    expect(segs('$.messages[last]')[1]).toEqual({ kind: 'index', index: -1 });
    expect(segs('$.messages[-2]')[1]).toEqual({ kind: 'index', index: -2 });
    expect(segs('$')).toEqual([]);
  });

  it('rejects what is not a path, with a reason', () => {
    for (const bad of ['', 'messages', '$.', '$[', '$[abc]', "$['']", '$.a b', '$..a', "$['a]", `$.${'a'.repeat(400)}`]) {
      const r = parsePath(bad);
      expect(r.ok, bad).toBe(false);
    }
  });
});

describe('evaluatePath', () => {
  it('selects values, counts from the end and expands wildcards', () => {
    expect(values(doc, '$.messages[0].content')).toEqual(['be brief']);
    expect(values(doc, '$.messages[-1].content')).toEqual(['hello']);
    expect(values(doc, '$.messages[last].role')).toEqual(['assistant']);
    expect(values(doc, '$.messages[*].role')).toEqual(['system', 'user', 'assistant']);
    expect(values(doc, '$.messages[1].content[0].text')).toEqual(['hi']);
    expect(values(doc, "$['usage context'].project")).toEqual(['x']);
    expect(values(doc, '$.messages[9]')).toEqual([]);
    expect(values(doc, '$.messages[-9]')).toEqual([]);
    expect(values('plain', '$.a')).toEqual([]);
  });

  it('reports where each match sits, in the form the tree marks', () => {
    expect(evaluatePath(doc, segs('$.messages[*].role')).map((m) => locationKey(m.location))).toEqual(['$.messages[0].role', '$.messages[1].role', '$.messages[2].role']);
    expect(locationKey(['usage context', 'project'])).toBe('$["usage context"].project');
  });

  it('does not walk the prototype', () => {
    expect(values({}, '$.constructor')).toEqual([]);
    expect(values({}, '$.__proto__')).toEqual([]);
  });
});

describe('toSqlPath', () => {
  it('keeps plain paths as they are', () => {
    expect(toSqlPath(segs('$.messages[0].content'))).toEqual({ ok: true, sql: { path: '$.messages[0].content', fromEnd: null, suffix: '' } });
    expect(toSqlPath(segs("$['usage_context'].project"))).toEqual({ ok: true, sql: { path: '$.usage_context.project', fromEnd: null, suffix: '' } });
  });

  it('splits a path counting from the end into array, distance and rest', () => {
    expect(toSqlPath(segs('$.messages[last].content'))).toEqual({ ok: true, sql: { path: '$.messages', fromEnd: 1, suffix: '.content' } });
    expect(toSqlPath(segs('$.choices[0].message.tool_calls[-2].function.name'))).toEqual({ ok: true, sql: { path: '$.choices[0].message.tool_calls', fromEnd: 2, suffix: '.function.name' } });
  });

  it('refuses wildcards, two end-relative indexes and keys the engines quote differently', () => {
    expect(toSqlPath(segs('$.messages[*].role')).ok).toBe(false);
    expect(toSqlPath(segs('$.a[-1].b[-1]')).ok).toBe(false);
    expect(toSqlPath(segs("$['a b']")).ok).toBe(false);
    expect(toSqlPath(segs("$['a); DROP TABLE x; --']")).ok).toBe(false);
  });
});

describe('parseSpec', () => {
  it('reads body and path', () => {
    const r = parseSpec('response:$.choices[0].message.content');
    expect(r).toMatchObject({ ok: true, spec: { body: 'response', path: '$.choices[0].message.content' } });
    expect(parseSpec('headers:$.a').ok).toBe(false);
    expect(parseSpec('request:$.a[*]').ok).toBe(false);
  });
});
