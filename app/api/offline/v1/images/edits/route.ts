import { handleImages } from '@/lib/offline/images';
import { preflight } from '@/lib/offline/http';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleImages('edits', request, { kind: 'openai' });
}

export const OPTIONS = preflight;
