import { describe, expect, it, vi } from 'vitest';
import { errorResponse } from '@/lib/api/respond';
import { WarehouseError } from '@/lib/warehouse/types';

describe('engine messages shown to the browser', () => {
  it('pass the masker: a value quoted from the data does not leave unmasked', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const err = new WarehouseError("Conversion Error: could not convert 'oliver.brown@example.co.uk' to INT32", 'engine');
    const res = errorResponse(err, 'req-1');
    const body = await res.json();
    vi.restoreAllMocks();
    expect(res.status).toBe(500);
    expect(body.error).toBe("Conversion Error: could not convert '[email]' to INT32");
  });
});
