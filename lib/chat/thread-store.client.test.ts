import { describe, expect, it } from 'vitest';
import { persistedTurn, type ChatTurn } from './thread-store.client';

const base: ChatTurn = {
  id: 't1', text: 'a cat', status: 'running', jobId: 'job-1', partial: 'blob:partial',
  attachments: [{ name: 'a.png', via: 'file', fileId: 'file-1', url: 'blob:a' }],
};

describe('a turn as saved', () => {
  it('keeps a running turn with its job as running, for the next load to resume, without object URLs', () => {
    const saved = persistedTurn(base);
    expect(saved).toMatchObject({ status: 'running', jobId: 'job-1' });
    expect(saved.partial).toBeUndefined();
    expect(saved.attachments).toEqual([{ name: 'a.png', via: 'file', fileId: 'file-1' }]);
  });

  it('a turn whose connection was lost still has its job: saved as running again, without the connection error', () => {
    const saved = persistedTurn({ ...base, status: 'failed', error: { status: 0, message: 'lost', type: 'connection_error', param: null, code: 'connection_lost' } });
    expect(saved.status).toBe('running');
    expect(saved.error).toBeUndefined();
  });

  it('keeps a turn just sent (its job named by the page, nothing heard from the server yet) as running with that job', () => {
    const sent: ChatTurn = { id: 't2', text: 'a dog', status: 'running', jobId: '3b241101-e2bb-4255-8caf-4136c566a962', attachments: [{ name: 'b.png', via: 'data_url', url: 'blob:b' }] };
    expect(persistedTurn(sent)).toEqual({ id: 't2', text: 'a dog', status: 'running', jobId: '3b241101-e2bb-4255-8caf-4136c566a962', attachments: [{ name: 'b.png', via: 'data_url' }], error: undefined });
  });

  it('marks a running turn without a job id (saved before turns were named by the page) as interrupted', () => {
    const saved = persistedTurn({ ...base, jobId: undefined });
    expect(saved.status).toBe('failed');
    expect(saved.error?.code).toBe('interrupted');
  });

  it('keeps a finished turn as it is, with its image ids but not its URL', () => {
    const done: ChatTurn = { ...base, jobId: undefined, status: 'done', responseId: 'resp_1', image: { url: 'blob:img', callId: 'ig_1', revisedPrompt: 'a cat, revised' } };
    expect(persistedTurn(done)).toMatchObject({ status: 'done', responseId: 'resp_1', image: { callId: 'ig_1', revisedPrompt: 'a cat, revised' } });
    expect(persistedTurn(done).image?.url).toBeUndefined();
    expect(persistedTurn(done).error).toBeUndefined();
  });
});
