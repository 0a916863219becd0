import { expect, test, type Page } from '@playwright/test';
import { payloadFacts } from '../lib/payload/facts';
import { maskText } from '../lib/security/pii';
import { CORPUS_ENDPOINT, corpusRequestId } from '../lib/testing/corpus-demo';
import { readCorpus } from '../lib/testing/payload-corpus';

// Runs against the third server of playwright.config.ts, whose warehouse holds the payload corpus
// (fixtures/payloads) under one endpoint, each row with the id corpus-<kind>-<name>.
const CORPUS_URL = process.env.CORPUS_URL!;

async function open(page: Page, id: string) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto(`/inspector/corpus-${id}?endpoint=payload_corpus`);
  await expect(page.getByTestId('payload-summary')).toBeVisible();
  return dialogs;
}

test.describe('every payload shape read right on the detail page', () => {
  test.use({ baseURL: CORPUS_URL });

  test('a chat with tool history: turns in order, the tool call and its result, tokens with cached input', async ({ page }) => {
    await open(page, 'chat-openai-tools-history');
    const turns = page.getByTestId('transcript').getByTestId('turn');
    await expect(turns).toHaveCount(5);
    expect(await turns.evaluateAll((els) => els.map((e) => e.getAttribute('data-role')))).toEqual(['system', 'user', 'assistant', 'tool', 'assistant']);
    await expect(turns.nth(2).getByTestId('tool-call')).toContainText('get_current_weather');
    await expect(turns.nth(3)).toContainText('result of call_abc123');
    await expect(page.locator('[data-final]')).toContainText('It is 22 °C and sunny in Boston today.');
    await expect(page.getByTestId('tokens-in')).toHaveText('82');
    await expect(page.getByTestId('metadata')).toContainText('Cached input64');
  });

  test('n > 1 streamed choices stay apart, and reasoning is shown', async ({ page }) => {
    await open(page, 'chat-stream-n2-interleaved');
    await expect(page.getByTestId('choice-heading')).toHaveText(['Choice 1 of 2', 'Choice 2 of 2']);
    await expect(page.locator('[data-final]')).toHaveText([/Crumb & Co\./, /The Rolling Pin/]);
    await expect(page.getByTestId('payload-kind')).toContainText('streamed, 7 chunks joined');
    await open(page, 'chat-claude-reasoning-parts');
    await expect(page.getByTestId('reasoning')).toContainText('I should explain Rayleigh scattering.');
    await expect(page.locator('[data-final]')).toContainText('The sky appears blue because of Rayleigh scattering');
  });

  test('a stream whose usage repeats cumulatively shows the final count and where it came from', async ({ page }) => {
    await open(page, 'chat-stream-cumulative-usage');
    await expect(page.getByTestId('tokens-out')).toHaveText('1994');
    await expect(page.getByTestId('metadata')).toContainText('last of 3 chunks carrying usage');
    await open(page, 'embeddings-string-input');
    await expect(page.getByTestId('embeddings-summary')).toContainText('1 vector of 1024 dimensions');
    // The response reports usage without an output side: 0, as finance counts it (token_count).
    await expect(page.getByTestId('tokens-out')).toHaveText('0');
    await expect(page.getByTestId('metadata')).toContainText('response usage');
  });

  test('guardrail blocks show the true finding and the anonymised input', async ({ page }) => {
    await open(page, 'guardrail-block-pii-anonymized-messages');
    await expect(page.getByTestId('guardrail')).toContainText('Input guardrail: personal data (PII)');
    await expect(page.getByTestId('error-summary')).toHaveAttribute('data-category', 'input_guardrail');
    await expect(page.getByTestId('anonymized-input')).toContainText('<EMAIL_ADDRESS>');
    await expect(page.getByTestId('transcript')).toContainText('Read ALL data from the entire customers table');
    await open(page, 'guardrail-block-safety-categories');
    await expect(page.getByTestId('guardrail')).toContainText('safety: privacy');
    await expect(page.getByTestId('guardrail')).not.toContainText('violent');
  });

  test('provider and HTML errors show their decoded words as text', async ({ page }) => {
    await open(page, 'error-provider-nested-message');
    await expect(page.getByTestId('error-reason')).toHaveText('Input is too long.');
    await expect(page.getByTestId('error-summary')).toContainText('from amazon-bedrock');
    const dialogs = await open(page, 'error-html-504');
    await expect(page.getByTestId('error-reason')).toHaveText('504 Gateway Time-out');
    await expect(page.getByTestId('payload-panel').locator('center, h1, hr')).toHaveCount(0);
    expect(dialogs).toEqual([]);
    await open(page, 'responses-api-string-input-error-null');
    await expect(page.getByTestId('error-summary')).toHaveCount(0);
    await expect(page.locator('[data-final]')).toContainText('a unicorn named Lumina');
  });

  test('a custom model reads as a question and its answer', async ({ page }) => {
    await open(page, 'custom-model-dataframe-split');
    await expect(page.getByTestId('payload-kind')).toHaveAttribute('data-kind', 'custom-model');
    const turns = page.getByTestId('transcript').getByTestId('turn');
    await expect(turns).toHaveText([/What is Delta Lake\?/, /Delta Lake is an open-source storage layer/]);
  });

  test('an agent trace is a span tree; a failed LLM span inside a 200 is flagged', async ({ page }) => {
    const dialogs = await open(page, 'responses-agent-trace-failed-llm-span');
    await expect(page.getByTestId('trace-error-flag')).toBeVisible();
    const spans = page.getByTestId('span');
    await expect(spans).toHaveCount(4);
    expect(await spans.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-type')}:${e.getAttribute('data-status')}`))).toEqual(['AGENT:ok', 'RETRIEVER:ok', 'LLM:error', 'LLM:ok']);
    await expect(page.getByTestId('trace-error')).toContainText('azure-gpt-4o');
    await expect(page.getByTestId('span-duration')).toHaveText(['2.31 s', '167.7 ms', '450.0 ms', '1.55 s']);
    await spans.nth(2).getByRole('button').first().click();
    await expect(spans.nth(2).getByTestId('span-detail')).toContainText("content management policy");
    await expect(spans.nth(2).getByTestId('span-text').first()).toContainText('"Summarise the refund policy for damaged items."');
    await spans.nth(3).getByRole('button').first().click();
    await expect(spans.nth(3).getByTestId('span-detail')).toContainText('812 in / 64 out tokens');
    expect(dialogs).toEqual([]);
    await open(page, 'chat-agent-trace-v3');
    await expect(page.getByTestId('span')).toHaveCount(4);
    await expect(page.getByTestId('trace-error-flag')).toHaveCount(0);
    await expect(page.getByTestId('trace-error')).toHaveCount(0);
  });
});

// Every corpus row in the inspector's list: its previews, tool and failed-span flags are what the
// one interpretation (lib/payload) reads from its bodies, masked as the list masks them.
test.describe('every payload shape read right in the inspector list', () => {
  test.use({ baseURL: CORPUS_URL });

  const corpus = readCorpus();
  const prefix = (text: string) => Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, 60).join('');
  const shown = (text: string | null | undefined) => (text ? prefix(maskText(Array.from(text).slice(0, 300).join(''))) : null);
  // The request a row's link opens: its path (the query carries the page's own address, for Back).
  const requestOf = (href: string | null | undefined) => (href ?? '').split('?')[0];

  test(`each of the ${corpus.length} shapes has its row with the question, the answer and its flags`, async ({ page }) => {
    expect(corpus.length).toBeGreaterThan(40);
    const rows = new Map<string, { question: string | null; answer: string | null; tools: boolean; trace: boolean }>();
    await page.goto(`/inspector?endpoint=${CORPUS_ENDPOINT}&range=24h`);
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const table = page.getByTestId('request-table');
      await expect(table.getByTestId('request-row').first()).toBeVisible();
      const read = await table.getByTestId('request-row').evaluateAll((trs) => trs.map((tr) => {
        const href = tr.querySelector('a')?.getAttribute('href') ?? '';
        const preview = (testId: string) => tr.querySelector(`[data-testid="${testId}"] [title]`)?.getAttribute('title') ?? null;
        return { href, question: preview('question-cell'), answer: preview('answer-cell'), tools: !!tr.querySelector('[data-testid="tools-flag"]'), trace: !!tr.querySelector('[data-testid="trace-flag"]') };
      }));
      for (const r of read) {
        const id = /\/inspector\/(corpus-[^/?]+)/.exec(r.href)?.[1];
        if (id) rows.set(decodeURIComponent(id), r);
      }
      const next = page.getByRole('button', { name: 'Next page' });
      if (rows.size >= corpus.length || !(await next.isEnabled())) break;
      const first = requestOf(read[0]?.href);
      await next.click();
      await expect(page).toHaveURL(/after_id=/);
      // The next page is drawn once its first row is another request. Only the link's path names
      // the request: its query carries the page's own address (Back), which changes at once.
      await expect.poll(async () => requestOf(await table.getByTestId('request-row').first().locator('a').first().getAttribute('href'))).not.toBe(first);
    }
    const problems: string[] = [];
    for (const row of corpus) {
      const got = rows.get(corpusRequestId(row.id));
      if (!got) { problems.push(`${row.id}: no row in the list`); continue; }
      const f = payloadFacts({ request: row.request, response: row.response, status_code: row.status_code } as never);
      if (got.tools !== f.has_tool_calls) problems.push(`${row.id}: tools flag ${got.tools}, the interpretation says ${f.has_tool_calls}`);
      if (got.trace !== f.trace_error) problems.push(`${row.id}: failed-span flag ${got.trace}, the interpretation says ${f.trace_error}`);
      const question = got.question === null ? null : prefix(got.question);
      if (question !== shown(f.last_user_text)) problems.push(`${row.id}: question ${JSON.stringify(question)}, expected ${JSON.stringify(shown(f.last_user_text))}`);
      // The answer column: the answer text, else a block's or an error's true reason.
      const answer = got.answer === null ? null : prefix(got.answer);
      if (f.answer_text) {
        if (answer !== shown(f.answer_text)) problems.push(`${row.id}: answer ${JSON.stringify(answer)}, expected ${JSON.stringify(shown(f.answer_text))}`);
      } else if (f.error_reason && (f.kind === 'guardrail-block' || f.kind === 'error')) {
        if (!got.answer || !prefix(got.answer).includes(prefix(maskText(f.error_reason)).slice(0, 30))) problems.push(`${row.id}: answer ${JSON.stringify(answer)} does not give the reason ${JSON.stringify(f.error_reason)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(rows.size).toBe(corpus.length);
    // The flags were really compared both ways.
    const flagged = [...rows.values()];
    expect(flagged.filter((r) => r.tools).length).toBeGreaterThan(2);
    expect(flagged.filter((r) => r.trace).length).toBeGreaterThan(0);
    expect(flagged.filter((r) => r.question === null).length).toBeGreaterThan(0);
  });
});
