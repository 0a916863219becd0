import { expect, test, type Page } from '@playwright/test';
import { nowMs } from '../lib/time/clock';
import { plantedRequest } from './demo';

/** Any alert/confirm from payload text would mean markup ran; every test fails on one. */
function forbidDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  return dialogs;
}

async function search(page: Page, keyword: string) {
  await page.getByLabel('Search request and response text').fill(keyword);
  await page.getByTestId('inspector-filters').getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  // The previous rows stay on screen while the search runs: wait for its answer.
  await expect(page.getByTestId('request-list')).toHaveAttribute('aria-busy', 'false');
}

test.describe('request inspector', () => {
  test('search a keyword, open a request, read its transcript', async ({ page }) => {
    const dialogs = forbidDialogs(page);
    await page.goto('/inspector?range=30d');
    await expect(page.getByTestId('request-row').first()).toBeVisible();
    await search(page, 'Nightingale');
    const rows = page.getByTestId('request-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId('request-table')).toContainText('Nightingale');
    // Each row shows the text around its match with the keyword marked, and the header counts the matches.
    await expect(rows.first().getByTestId('match-snippet').locator('mark').first()).toHaveText(/^nightingale$/i);
    await expect(page.getByTestId('match-count')).toHaveText(/^[\d,]+ logged requests? match(es)? “Nightingale” in this range\./);
    await rows.first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/inspector\/[0-9a-f-]+\?endpoint=/);
    const transcript = page.getByTestId('transcript');
    await expect(transcript.getByTestId('turn').first()).toBeVisible();
    await expect(transcript).toContainText('Nightingale');
    // The keyword guardrail's decoded verdict is shown, not the escaped JSON string.
    await expect(page.getByTestId('guardrail')).toContainText('invalid keyword');
    await expect(page.getByTestId('metadata')).toContainText('chat_assistant');
    await page.getByRole('link', { name: '← Requests' }).click();
    await expect(page).toHaveURL(/q=Nightingale/);
    expect(dialogs).toEqual([]);
  });

  test('the keyword’s match count says it is on its way, and says so when it fails', async ({ page }) => {
    // The count is held back (then answered), and on a second search refused as the server
    // refuses a failed statement: the list of rows does not wait for it either way.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/api/queries/inspector-match-count?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') === 'refund') {
        await held;
        await route.continue();
      } else {
        await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'The query failed in the embedded engine', kind: 'engine', requestId: 'req-count-1' }) });
      }
    });
    await page.goto('/inspector?range=7d');
    await expect(page.getByTestId('request-row').first()).toBeVisible();
    await search(page, 'refund');
    await expect(page.getByTestId('request-row').first()).toBeVisible();
    await expect(page.getByTestId('match-count-pending')).toHaveText('Counting the requests that match “refund” in this range…');
    await expect(page.getByTestId('match-count')).toHaveCount(0);
    release();
    await expect(page.getByTestId('match-count')).toHaveText(/^[\d,.K]+ logged requests? match(es)? “refund” in this range\./);
    await expect(page.getByTestId('match-count-pending')).toHaveCount(0);
    await search(page, 'Nightingale');
    await expect(page.getByTestId('match-count-error')).toContainText('request id req-count-1');
    await expect(page.getByTestId('request-row').first()).toBeVisible();
    await expect(page.getByTestId('match-count')).toHaveCount(0);
  });

  test('evaluate a JSON path live, then add it as a list column', async ({ page }) => {
    await page.goto('/inspector?range=24h&endpoint=chat_assistant&status=ok');
    await page.getByTestId('request-row').first().getByRole('link').first().click();
    await expect(page.getByTestId('transcript')).toBeVisible();
    await page.getByRole('tab', { name: 'Raw JSON' }).click();
    await page.getByLabel('JSON path').fill('$.messages[*].role');
    await expect(page.getByTestId('path-result')).toContainText(/\d+ match/);
    await expect(page.getByTestId('json-match').first()).toBeVisible();
    await page.getByLabel('JSON path').fill('$.messages[last].role');
    await expect(page.getByTestId('path-match')).toHaveCount(1);
    await page.getByLabel('JSON path').fill('$.messages[');
    await expect(page.getByRole('alert').filter({ hasText: 'Unclosed' })).toBeVisible();
    await page.getByLabel('JSON path').fill('$.messages[last].role');
    await page.getByRole('link', { name: 'Add as a column of the request list' }).click();
    await expect(page).toHaveURL(/col=request%3A%24.messages%5Blast%5D.role/);
    await expect(page.getByTestId('extraction-header')).toHaveText(/request:\$\.messages\[last\]\.role/);
    await expect(page.getByTestId('extraction-cell').first()).toHaveText(/user|tool|assistant/);
    // The path reaches SQL as a bound parameter.
    await page.getByTestId('request-list').getByRole('button', { name: 'View SQL' }).click();
    await expect(page.getByTestId('sql-text')).toContainText(':x1_path');
    await expect(page.getByTestId('sql-text')).not.toContainText('$.messages[last]');
  });

  test('each row\'s three-line snippet shows its first match, however deep in the text it is', async ({ page }) => {
    await page.goto('/inspector?range=30d&q=refund');
    const snippets = page.getByTestId('request-row').getByTestId('match-snippet').locator('span.line-clamp-3');
    await expect(snippets.first().locator('mark').first()).toHaveText(/^refund$/i);
    const count = Math.min(await snippets.count(), 10);
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      const shown = snippets.nth(i);
      // The whole snippet, with 80 characters before the match, stays in the cell's title.
      expect((await shown.getAttribute('title'))!.toLowerCase()).toContain('refund');
      const [box, mark] = [await shown.boundingBox(), await shown.locator('mark').first().boundingBox()];
      expect(mark!.y, `row ${i}`).toBeGreaterThanOrEqual(box!.y);
      expect(mark!.y + mark!.height, `row ${i}`).toBeLessThanOrEqual(box!.y + box!.height + 1);
    }
  });

  test('add a column from the list, sort by duration and page by keyset', async ({ page }) => {
    await page.goto('/inspector?range=7d&endpoint=chat_assistant');
    await page.getByLabel('Column JSON path').fill('$.model');
    await page.getByRole('button', { name: 'Add column' }).click();
    await expect(page.getByTestId('extraction-header')).toHaveCount(1);
    await page.getByLabel('Column JSON path').fill('$.choices[*]');
    await expect(page.getByRole('alert').filter({ hasText: 'Wildcards' })).toBeVisible();
    await page.getByLabel('Sort').selectOption('duration_desc');
    await expect(page).toHaveURL(/sort=duration_desc/);
    const firstPageTop = await page.getByTestId('request-row').first().textContent();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/after_id=/);
    await expect(page.getByTestId('request-row').first()).not.toHaveText(firstPageTop ?? '');
    await expect(page.getByRole('button', { name: 'First page' })).toBeEnabled();
  });

  test('sort by cost, dearest first, and keep the order across the next page', async ({ page }) => {
    const costs = async () => (await page.getByTestId('cost-cell').allTextContents()).map((t) => (t === 'unpriced' ? -1 : Number(t.replace(/[^0-9.]/g, ''))));
    await page.goto('/inspector?range=7d&endpoint=chat_assistant');
    await expect(page.getByTestId('request-row').first()).toBeVisible();
    await page.getByLabel('Sort').selectOption('cost_desc');
    await expect(page).toHaveURL(/sort=cost_desc/);
    await expect(page.getByTestId('request-list')).toHaveAttribute('aria-busy', 'false');
    const first = await costs();
    expect(first[0]).toBeGreaterThan(0);
    expect(first).toEqual([...first].sort((a, b) => b - a));
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/after_val=/);
    await expect(page.getByTestId('request-list')).toHaveAttribute('aria-busy', 'false');
    const second = await costs();
    expect(second[0]).toBeLessThanOrEqual(first.at(-1)!);
  });

  test('follow a conversation thread', async ({ page }) => {
    // Requests whose history already holds an answer are later turns of a conversation; the
    // oldest ones, because the last hour's earlier turns may not be logged yet.
    await page.goto(`/inspector?range=7d&sort=time_asc&endpoint=chat_assistant&status=ok&col=${encodeURIComponent('request:$.messages[3].role')}`);
    const later = page.getByTestId('request-row').filter({ has: page.getByTestId('extraction-cell').filter({ hasText: /^(user|assistant|tool)$/ }) });
    await later.first().getByRole('link').first().click();
    const thread = page.getByTestId('thread');
    await expect(thread).toContainText('usage_context.conversation_id');
    const items = page.getByTestId('thread-item');
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    await expect(thread.locator('[aria-current="step"]')).toHaveCount(1);
    const current = page.url();
    await page.getByTestId('thread-list').getByRole('link').first().click();
    await expect.poll(() => page.url()).not.toBe(current);
    await expect(page.getByTestId('transcript')).toBeVisible();
    await expect(thread.locator('[aria-current="step"]')).toHaveCount(1);
  });

  test('an injected script never runs and shows as text', async ({ page, request }) => {
    const dialogs = forbidDialogs(page);
    // The planted request whose last user message holds the script, listed by a search around its time.
    const script = await plantedRequest('hostile_script');
    const at = Date.parse((await (await request.get(`/api/inspector/requests/${script.id}?endpoint=${script.endpoint}`)).json()).row.request_time);
    const around = `from=${new Date(at - 60_000).toISOString().slice(0, 16)}&to=${new Date(at + 60_000).toISOString().slice(0, 16)}`;
    await page.goto(`/inspector?range=custom&${around}&endpoint=${script.endpoint}`);
    await search(page, '<script>');
    const row = page.getByTestId('request-row').filter({ has: page.locator(`a[href*="${script.id}"]`) });
    await expect(row).toContainText('<script>alert(1)</script>');
    await row.getByRole('link').first().click();
    const transcript = page.getByTestId('transcript');
    await expect(transcript).toContainText('<script>alert(1)</script>');
    await expect(transcript.locator('script, img, a')).toHaveCount(0);
    const img = await plantedRequest('hostile_img');
    await page.goto(`/inspector/${img.id}?endpoint=${img.endpoint}`);
    await expect(page.getByTestId('transcript')).toContainText('onerror=alert(1)');
    await expect(page.getByTestId('transcript').locator('img')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Raw JSON' }).click();
    await page.getByLabel('Search in JSON').fill('onerror');
    await expect(page.getByTestId('search-count')).toHaveText(/^[1-9]\d* hits$/);
    await expect(page.getByTestId('json-tree')).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('json-tree').locator('img')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test('personal data is masked in the list, the transcript and the API; reveal is refused when off', async ({ page, request }) => {
    await page.goto('/inspector?range=30d&endpoint=support_agent');
    // The search runs on the stored text, so searching a card number would tell whether a masked
    // one is there: refused to viewers who may not reveal it.
    await search(page, '4111 1111 1111');
    await expect(page.getByTestId('request-list')).toContainText('needs permission to reveal');
    await search(page, 'charged twice');
    const table = page.getByTestId('request-table');
    await expect(table).toContainText('[card number]');
    await expect(table).not.toContainText('4111');
    // The demo's planted card-number request, opened by its id.
    const card = await plantedRequest('card_number');
    await page.goto(`/inspector/${card.id}?endpoint=${card.endpoint}`);
    await expect(page.getByTestId('transcript')).toContainText('[card number]');
    await expect(page.getByTestId('transcript')).not.toContainText('4111');
    await expect(page.getByTestId('pii-masked')).toBeVisible();
    const id = card.id;
    const masked = await request.get(`/api/inspector/requests/${id}/payload?endpoint=${card.endpoint}`);
    expect(await masked.text()).not.toContain('4111');
    const reveal = await request.get(`/api/inspector/requests/${id}/payload?endpoint=${card.endpoint}&reveal=1`);
    expect(reveal.status()).toBe(403);
  });

  test('a 1 MiB answer renders truncated with "Show all" and stays responsive', async ({ page }) => {
    await page.goto('/inspector?range=24h&endpoint=chat_assistant&status=ok');
    const link = page.getByTestId('request-row').first().getByRole('link').first();
    const href = (await link.getAttribute('href'))!;
    const id = href.split('?')[0]!.split('/').pop()!;
    const big = 'A long answer line.\n'.repeat(52_429);
    await page.route((url) => url.pathname === `/api/inspector/requests/${id}`, async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.row.response_chars = big.length;
      await route.fulfill({ response: res, json: body });
    });
    await page.route((url) => url.pathname === `/api/inspector/requests/${id}/payload`, async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.response = JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: big }, finish_reason: 'stop' }] });
      await route.fulfill({ response: res, json: body });
    });
    await link.click();
    await expect(page.getByTestId('large-payload')).toContainText('Large payload');
    await expect(page.getByTestId('transcript')).toContainText('more characters');
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect(page.getByTestId('large-payload')).toContainText('Showing the whole payload');
    await page.getByRole('tab', { name: 'Raw JSON' }).click();
    await page.getByRole('button', { name: 'response', exact: true }).click();
    await page.getByLabel('JSON path').fill('$.choices[0].finish_reason');
    await expect(page.getByTestId('path-match')).toHaveText(/stop/);
  });

  test('top questions list repeated questions with links', async ({ page }) => {
    await page.goto('/inspector?range=30d&tab=questions');
    const rows = page.getByTestId('question-row');
    await expect(rows.first()).toBeVisible();
    // Each question says how it moved between the two halves of the range, with both counts.
    await expect(rows.first().getByTestId('question-trend')).toHaveText(/^(▲ rising|▼ falling|→ steady|● new) [\d.,kKM]+ → [\d.,kKM]+$/);
    await rows.first().getByRole('link', { name: 'Latest' }).click();
    await expect(page.getByTestId('transcript')).toBeVisible();
  });

  test('top questions: an empty answer is drawn too, so the page settles (the benchmark waits for that)', async ({ page }) => {
    // A day long before the demo's first request.
    const day = 86_400_000;
    const to = new Date(Math.floor(nowMs() / day) * day - 60 * day).toISOString().slice(0, 16);
    const from = new Date(Date.parse(`${to}Z`) - day).toISOString().slice(0, 16);
    await page.goto(`/inspector?tab=questions&range=custom&from=${from}&to=${to}`);
    const card = page.getByTestId('top-questions');
    await expect(card.getByTestId('chart-empty')).toContainText('No question was asked twice');
    await expect(card).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('[data-testid="chart-loading"], section[aria-busy="true"]')).toHaveCount(0);
  });

  test('conversations list turns, tokens and cost, dearest first on demand, and open their latest turn', async ({ page }) => {
    await page.goto('/inspector?range=7d&endpoint=chat_assistant&tab=conversations');
    const rows = page.getByTestId('conversation-row');
    await expect(rows.first()).toBeVisible();
    await expect(rows.first().getByTestId('conversation-turns')).toHaveText(/^[\d,.kK]+$/);
    await page.getByLabel('Sort conversations').selectOption('cost');
    await expect(page).toHaveURL(/csort=cost/);
    await expect(page.getByTestId('conversations')).toHaveAttribute('aria-busy', 'false');
    await rows.first().getByRole('link', { name: 'Open latest turn' }).click();
    await expect(page.getByTestId('transcript')).toBeVisible();
  });

  test('an unknown request id says so', async ({ page }) => {
    await page.goto('/inspector/00000000-0000-0000-0000-000000000000?endpoint=chat_assistant');
    await expect(page.getByTestId('detail-error')).toContainText('No logged request has this id');
  });
});

test.describe('inspector API', () => {
  test('exports the filtered requests as chat fine-tuning JSONL', async ({ request }) => {
    const res = await request.get('/api/inspector/export?range=24h&endpoint=chat_assistant&status=ok&max_rows=40');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      expect(l.messages.at(-1).role).toBe('assistant');
      expect(l.messages.some((m: { role: string }) => m.role === 'user')).toBe(true);
    }
  });

  test('rejects a JSON path it cannot evaluate in SQL', async ({ request }) => {
    const res = await request.get(`/api/queries/inspector-requests?range=1h&x1=${encodeURIComponent('request:$.a[*]')}`);
    expect(res.status()).toBe(400);
    expect((await res.json()).problems[0].path).toBe('x1');
  });
});
