import { describe, expect, it } from 'vitest';
import { beforeEach } from 'vitest';
import { CHART_COLORS, SERIES_COLORS, STATUS_COLORS, colorsByName, registerSeriesNames, resetSeriesColours } from './palette';

beforeEach(() => resetSeriesColours());

describe('colorsByName', () => {
  it('gives a name the same colour whatever else is on the chart and in whatever order', () => {
    const alone = colorsByName(['gpt-4o']).get('gpt-4o');
    const crowd = colorsByName(['llama-3-70b', 'claude-sonnet', 'gpt-4o']);
    const reversed = colorsByName(['gpt-4o', 'claude-sonnet', 'llama-3-70b']);
    expect(crowd.get('gpt-4o')).toBe(alone);
    expect([...reversed.entries()].sort()).toEqual([...crowd.entries()].sort());
  });

  it('keeps colours distinct within a chart while the palette lasts', () => {
    const names = Array.from({ length: SERIES_COLORS.length }, (_, i) => `entity-${i}`);
    expect(new Set(colorsByName(names).values()).size).toBe(SERIES_COLORS.length);
  });

  it('keeps the fixed meanings of status classes and (other)', () => {
    const c = colorsByName(['ok', '5xx', '(other)', 'x'], { x: '#123456' });
    expect(c.get('ok')).toBe(STATUS_COLORS.ok);
    expect(c.get('5xx')).toBe(STATUS_COLORS['5xx']);
    expect(c.get('(other)')).toBe(CHART_COLORS.other);
    expect(c.get('x')).toBe('#123456');
  });
});

describe('one colour per model across pages', () => {
  it('keeps a name\'s colour whatever charts drew before and whatever else they held', () => {
    // /ops draws every entity of every endpoint; /compare only chat_assistant's.
    const ops = colorsByName(['gpt-4o', 'claude-sonnet', 'llama-fallback', 'support-agent', 'gte-large-en', 'gpt-35-turbo']);
    const compare = colorsByName(['gpt-4o', 'claude-sonnet', 'llama-fallback']);
    const later = colorsByName(['support-agent', 'gte-large-en']);
    for (const [name, colour] of compare) expect(ops.get(name)).toBe(colour);
    for (const [name, colour] of later) expect(ops.get(name)).toBe(colour);
  });

  it('gives the names registered by the filter bar their colours in name order, whichever chart asks first', () => {
    registerSeriesNames(['support-agent', 'gpt-35-turbo', 'gte-large-en']);
    const first = colorsByName(['support-agent']).get('support-agent');
    resetSeriesColours();
    registerSeriesNames(['gte-large-en', 'support-agent', 'gpt-35-turbo']);
    colorsByName(['gpt-35-turbo']);
    expect(colorsByName(['support-agent']).get('support-agent')).toBe(first);
  });
});
