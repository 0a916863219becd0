import { json, newRequestId } from '@/lib/api/respond';

function notFound(request: Request) {
  const requestId = newRequestId();
  return json({ error: `No API route ${new URL(request.url).pathname}`, requestId }, 404, requestId);
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
