/**
 * Hardening of the open playground (the shared test server): security headers on every kind of answer, a CSP
 * that Next.js's own scripts, the studio, the painter and the chat live with, bounded request bodies with a
 * 413 in OpenAI's shape, no server-side fetching of user-given URLs, and no path traversal in file or image routes.
 */
import { expect, test } from '@playwright/test';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { freePort } from '../helpers/server';

const AUTH = { authorization: 'Bearer any' };

test('every kind of answer carries the security headers; pages get a nonce CSP', async ({ request, page }) => {
  await page.goto('/');
  const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src');
  const answers = {
    page: await request.get('/'),
    login: await request.get('/login', { maxRedirects: 0 }),
    api: await request.get('/api/offline/v1/models', { headers: AUTH }),
    apiError: await request.post('/api/offline/v1/images/generations', { headers: AUTH, data: {} }),
    notFound: await request.get('/no-such-page'),
    static: await request.get(script!),
  };
  for (const [kind, r] of Object.entries(answers)) {
    const h = r.headers();
    expect(h['x-content-type-options'], kind).toBe('nosniff');
    expect(h['referrer-policy'], kind).toBe('same-origin');
    expect(h['permissions-policy'], kind).toContain('camera=()');
    expect(h['x-frame-options'], kind).toBe('DENY');
    expect(h['content-security-policy'], kind).toContain("frame-ancestors 'none'");
  }
  const pageCsp = answers.page.headers()['content-security-policy'];
  const nonce = /'nonce-([^']+)'/.exec(pageCsp)?.[1];
  expect(nonce).toBeTruthy();
  expect(pageCsp).toContain("object-src 'none'");
  expect(pageCsp).not.toContain('unsafe-eval');
  expect(await answers.page.text()).toContain(`nonce="${nonce}"`);
  // A fresh nonce on every request.
  expect((await request.get('/')).headers()['content-security-policy']).not.toContain(nonce!);
  expect(answers.api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('the CSP blocks nothing the playground does: studio generation, the mask painter, chat', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Prompt' }).fill('a fortress with open gates');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const result = page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: 'a fortress with open gates' }).first();
  await expect(result).toBeVisible({ timeout: 30_000 });
  // Edit this image opens the painter (Konva, a worker for the mask export).
  await page.getByRole('button', { name: 'Edit this image' }).first().click();
  await expect(page.getByRole('region', { name: 'Mask painter' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/chat');
  await page.getByRole('textbox', { name: 'Message' }).fill('a drawbridge');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('img', { name: /drawbridge/ }).first()).toBeVisible({ timeout: 30_000 });
  expect(violations).toEqual([]);
});

test('request bodies are bounded: 413 in OpenAI’s error shape', async ({ request, baseURL }) => {
  const json = await request.post('/api/offline/v1/images/generations', {
    headers: { ...AUTH, 'content-type': 'application/json' },
    data: JSON.stringify({ model: 'gpt-image-2', prompt: 'x'.repeat(3 * 1024 * 1024) }),
  });
  expect(json.status()).toBe(413);
  expect((await json.json()).error).toEqual({ message: 'Request body too large: the limit is 2 MB.', type: 'invalid_request_error', param: null, code: 'request_too_large' });

  // A multipart body that declares more than 16 × 50 MB + a mask is refused before it is read.
  const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(new URL('/api/offline/v1/images/edits', baseURL), {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(900 * 1024 * 1024) },
    }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write('--b\r\n');
  });
  expect(declared.status).toBe(413);
  expect(JSON.parse(declared.body).error).toMatchObject({ code: 'request_too_large', type: 'invalid_request_error' });
});

test('no server-side fetching of user-given URLs: input_image URLs are refused and never requested', async ({ request }) => {
  const hits: string[] = [];
  const port = await freePort();
  const trap: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((r) => trap.listen(port, '127.0.0.1', () => r()));
  try {
    for (const url of [`http://127.0.0.1:${port}/x.png`, `https://127.0.0.1:${port}/x.png`, 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', `HTTP://127.0.0.1:${port}/upper.png`]) {
      const r = await request.post('/api/offline/v1/responses', {
        headers: AUTH,
        data: {
          model: 'gpt-6-luna',
          input: [{ role: 'user', content: [{ type: 'input_text', text: 'edit this' }, { type: 'input_image', image_url: url }] }],
          tools: [{ type: 'image_generation', model: 'gpt-image-2' }],
        },
      });
      expect(r.status(), url).toBe(400);
      const error = (await r.json()).error;
      expect(error.param, url).toBe('input[0].content[1].image_url');
      const mask = await request.post('/api/offline/v1/responses', {
        headers: AUTH,
        data: { model: 'gpt-6-luna', input: 'edit', tools: [{ type: 'image_generation', model: 'gpt-image-2', input_image_mask: { image_url: url } }] },
      });
      expect(mask.status(), url).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toEqual([]);
  } finally {
    trap.close();
  }
});

test('no path traversal: file, response and image ids that try to climb out are a JSON 404', async ({ request }) => {
  const attempts = [
    '/api/offline/images/..%2F..%2F..%2Fetc%2Fpasswd',
    '/api/offline/images/%2e%2e%2f%2e%2e%2fpackage.json',
    '/api/offline/images/%2Fetc%2Fpasswd',
    '/api/offline/images/..%252F..%252Fetc%252Fpasswd',
    '/api/offline/images/..%5C..%5Cpackage.json',
    '/api/offline/v1/files/..%2F..%2Fetc%2Fpasswd',
    '/api/offline/v1/files/%2Fetc%2Fpasswd',
    '/api/offline/v1/responses/..%2F..%2Fpackage.json',
    '/api/offline/v1/responses/%2E%2E%2F%2E%2E%2F.env.local/input_items',
    '/api/offline/v1/files/..%2F..%2F..%2Fetc%2Fpasswd%00.png',
    // Next.js has decoded the id once already: decoding it again would turn %25 into an escape (or a 500).
    '/api/offline/v1/files/%25E0',
    '/api/offline/v1/responses/%25/input_items',
  ];
  for (const path of attempts) {
    const r = await request.get(path, { headers: AUTH });
    expect(r.status(), path).toBe(404);
    expect(r.headers()['content-type'], path).toContain('application/json');
    const text = await r.text();
    expect(JSON.parse(text).error.type, path).toBe('invalid_request_error');
    expect(text, path).not.toMatch(/root:|"dependencies"|OPENAI_API_KEY/);
  }
  // Outside the API too: Next.js's static route and pages do not climb out either.
  for (const path of ['/_next/static/..%2F..%2Fpackage.json', '/_next/static/%2e%2e/%2e%2e/package.json', '/..%2Fpackage.json']) {
    const r = await request.get(path);
    expect(r.status(), path).toBeGreaterThanOrEqual(400);
    expect(await r.text(), path).not.toContain('"dependencies"');
  }
});
