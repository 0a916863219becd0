import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/security/csp';

/** A fresh nonce per page view; Next.js puts it on its own scripts from the request header. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// Every page, prefetches included; API routes (`/api/…`, not `/api-reference`) and static files
// get the non-page policy from next.config.mjs instead.
export const config = {
  matcher: ['/((?!api/|_next/static/|_next/image|favicon.ico).*)'],
};
