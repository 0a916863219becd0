import { describe, expect, it } from 'vitest';
import { CHART_COLORS, SERIES_COLORS, STATUS_COLORS, colorsByName } from './palette';

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
