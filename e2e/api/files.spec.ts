/**
 * The offline Files API: POST /files (multipart, purpose vision) and GET /files/{id}, through the SDK and plain
 * fetch, answers in the spec's OpenAIFile shape, errors naming the param.
 */
import { expect, test } from '@playwright/test';
import { NotFoundError, toFile } from 'openai';
import { AUTH, openaiClient, V1 } from './helpers/env';
import { patternPng } from './helpers/images';
import { expectApiError, form, png, postForm } from './helpers/http';
import { specProblems, type SchemaName } from './helpers/spec';

const client = openaiClient();

function expectFile(value: unknown) {
  const { _request_id: _r, ...wire } = value as Record<string, unknown>;
  expect(specProblems('OpenAIFile' as SchemaName, wire), 'OpenAIFile should conform to the spec').toEqual([]);
}

test('files.create with purpose vision, then files.retrieve', async () => {
  const bytes = await patternPng(64, 48);
  const f = await client.files.create({ file: await toFile(bytes, 'ref.png', { type: 'image/png' }), purpose: 'vision' });
  expectFile(f);
  expect(f).toMatchObject({ object: 'file', bytes: bytes.length, filename: 'ref.png', purpose: 'vision', status: 'processed' });
  expect(f.id).toMatch(/^file-/);
  expect(f.expires_at).toBeGreaterThan(f.created_at);
  const got = await client.files.retrieve(f.id);
  expectFile(got);
  expect(got).toMatchObject({ id: f.id, bytes: bytes.length, filename: 'ref.png' });
});

test('expires_after is honoured in the answer', async () => {
  const f = await client.files.create({
    file: await toFile(await patternPng(16, 16), 'x.png', { type: 'image/png' }),
    purpose: 'vision',
    expires_after: { anchor: 'created_at', seconds: 7200 },
  });
  expect(f.expires_at).toBe(f.created_at + 7200);
});

test('errors: unknown id, missing file, bad purpose, no key, JSON body', async () => {
  await expect(client.files.retrieve('file-doesnotexist')).rejects.toBeInstanceOf(NotFoundError);
  await expectApiError(await fetch(`${V1}/files/file-nope`, { headers: AUTH }), 404, { param: 'id' });
  const image = png(await patternPng(16, 16));
  await expectApiError(await postForm('/files', form({ purpose: 'vision' })), 400, { param: 'file', code: 'missing_required_parameter' });
  await expectApiError(await postForm('/files', form({ file: image })), 400, { param: 'purpose', code: 'missing_required_parameter' });
  await expectApiError(await postForm('/files', form({ file: image, purpose: 'pictures' })), 400, { param: 'purpose', code: 'invalid_value' });
  await expectApiError(await postForm('/files', form({ file: image, purpose: 'vision', 'expires_after[anchor]': 'created_at', 'expires_after[seconds]': '5' })), 400, { param: 'expires_after.seconds' });
  await expectApiError(await fetch(`${V1}/files`, { method: 'POST', body: form({ file: image, purpose: 'vision' }) }), 401);
  await expectApiError(await fetch(`${V1}/files`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{}' }), 400);
  await expectApiError(await fetch(`${V1}/files`, { headers: AUTH }), 405);
});
