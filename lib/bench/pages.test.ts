import { describe, expect, it } from 'vitest';
import { firstLoadScripts } from './pages';

describe('firstLoadScripts', () => {
  it('names the scripts of the HTML, absolute paths, without nomodule polyfills', () => {
    const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script>
      <script src="/_next/static/chunks/polyfills.js" noModule=""></script>
      <script>self.__next_f.push([1,""])</script>
      <script nonce="x" src="https://example.test/_next/static/chunks/b.js?v=1&amp;x=2"></script></head></html>`;
    expect([...firstLoadScripts(html, 'https://example.test/ops')]).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']);
  });

  it('is empty for a page without scripts', () => {
    expect(firstLoadScripts('<html></html>', 'http://127.0.0.1:3000/').size).toBe(0);
  });
});
