import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';

describe('ApiError across bundles', () => {
  it('is recognised whichever copy of the module made it (Next bundles a module once per chunk)', async () => {
    vi.resetModules();
    // A second copy of the module, as a second bundle would hold it.
    // @ts-expect-error -- the query makes Vite load the file again; TypeScript does not know such a path
    const other = (await import('./api-error?copy')) as typeof import('./api-error');
    const foreign = new other.ApiError(413, { message: 'too large', code: 'file_too_large' });
    expect(other.ApiError).not.toBe(ApiError);
    expect(foreign instanceof ApiError).toBe(true);
    expect(new Error('x') instanceof ApiError).toBe(false);
    expect({ status: 413 } instanceof ApiError).toBe(false);
  });
});
