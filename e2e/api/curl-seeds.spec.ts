/**
 * The documentation examples against the offline API (fixtures in e2e/fixtures/docs-examples, each naming the
 * document and section it reproduces): the OpenAI guide's curl commands run unchanged but for the base URL and
 * key, and the Azure how-to's REST recipe (URL template, required headers, example body) assembled into curl.
 * Commands are read from the fixture files, not retyped here.
 * The guide's commands name gpt-image-1, which OpenAI shut down on 2026-10-23 (api-2026-12 §1): as printed they get
 * 404 model_not_found, so they run with the model swapped for the current flagship, as someone copying them today
 * must. The Azure recipes name a deployment, which the Azure-style routes keep serving.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { AZURE_API_VERSION, AZURE_ENDPOINT, KEY, V1 } from './helpers/env';
import { expectApiError, postJson } from './helpers/http';
import { compareThroughMask, decode, holeMask, patternPng, solidImage } from './helpers/images';
import { requireTools } from '../helpers/tools';
import { AZURE_EDITS, AZURE_GENERATIONS, bash, DOCS_BASE, docsCommand, pointAt, settledFile, tempDir, type AzureRestRecipe } from './helpers/seeds';
import { expectSpec } from './helpers/spec';

const ENV = { OPENAI_API_KEY: KEY, AZURE_OPENAI_API_KEY: KEY };

let work: ReturnType<typeof tempDir>;
// The examples are curl commands that pipe into jq: without either, every test here fails saying what to install.
test.beforeAll(() => requireTools('curl', 'jq'));
test.beforeEach(() => {
  work = tempDir();
});
test.afterEach(() => work.cleanup());

/** The guide's model and today's flagship in its place (see above). */
const GUIDE_MODEL = 'gpt-image-1';
const CURRENT_MODEL = 'gpt-image-2.6-sunburst';

/** The command with its base URL pointed at the offline API and its shut-down model swapped for a current one. */
function today(command: string): string {
  const pointed = pointAt(command, DOCS_BASE, V1);
  const swapped = pointed.replace(/("model": "|model=)gpt-image-1(")/g, `$1${CURRENT_MODEL}$2`);
  expect(swapped, 'the command names the guide model').not.toBe(pointed);
  return swapped;
}

/** Resolves once `name` in the work dir is a PNG that decodes (process substitutions may finish after bash). */
function pngFile(name: string) {
  return settledFile(join(work.dir, name), async (bytes) => {
    try {
      return (await decode(bytes)).format === 'png';
    } catch {
      return false;
    }
  });
}

test('guide, Image API example: the generation piped through jq and base64 writes a 1024x1024 otter.png', async () => {
  const command = docsCommand('guide-generate.sh');
  // The body the guide sends conforms to the spec.
  const body = JSON.parse(/-d '([\s\S]*?)'/.exec(command)![1]);
  expectSpec('CreateImageRequest', body);
  // As printed, the body names a model OpenAI no longer serves.
  expect(body.model).toBe(GUIDE_MODEL);
  await expectApiError(await postJson('/images/generations', body), 404, { code: 'model_not_found', param: 'model' });
  const run = await bash(today(command), work.dir, ENV);
  expect(run.code, run.stderr).toBe(0);
  const img = await decode(await pngFile('otter.png'));
  expect(img).toMatchObject({ format: 'png', width: 1024, height: 1024 });
});

test('guide, Edit image example: the four-image edit with repeated -F "image[]=@…" writes gift-basket.png and shows x-request-id', async () => {
  const command = docsCommand('guide-edit-references.sh');
  const files = command.match(/image\[\]=@([\w-]+\.png)/g)!.map((m) => m.split('@')[1]);
  expect(files).toEqual(['body-lotion.png', 'bath-bomb.png', 'incense-kit.png', 'soap.png']);
  const colours = [{ r: 240, g: 220, b: 200 }, { r: 200, g: 60, b: 160 }, { r: 120, g: 90, b: 40 }, { r: 90, g: 200, b: 220 }];
  await Promise.all(files.map(async (f, i) => writeFileSync(join(work.dir, f), await solidImage('png', 512 + 128 * i, 512, { colour: { ...colours[i], alpha: 1 } }))));
  const run = await bash(today(command), work.dir, ENV);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(/^x-request-id: req_[0-9a-f]+/im);
  const img = await decode(await pngFile('gift-basket.png'));
  // No size in the command: auto follows the first reference's shape, a square (512x512) here. On 2.x that is any
  // WxH within 655,360–8,294,400 px (api-2026-12 §2.1), not necessarily 1024x1024.
  expect(img).toMatchObject({ format: 'png' });
  expect(img.width).toBe(img.height);
  expect(img.width * img.height).toBeGreaterThanOrEqual(655_360);
});

test('guide, Edit with a mask: the inpainting edit with -F "mask=@mask.png" (its trailing blanks after a backslash must go)', async () => {
  const command = docsCommand('guide-edit-mask.sh');
  const lounge = await patternPng(1024, 1536, 5);
  const mask = await holeMask(1024, 1536, { x: 200, y: 700, w: 600, h: 500 });
  writeFileSync(join(work.dir, 'sunlit_lounge.png'), lounge);
  writeFileSync(join(work.dir, 'mask.png'), mask);

  // As the guide prints it, `\` followed by blanks escapes a blank instead of the newline: bash ends the curl
  // command there and runs the next line (`-F …`) as a command of its own. So it cannot run unchanged.
  expect(command).toMatch(/-F "mask=@mask\.png" \\ +\n/);
  const asPrinted = await bash(pointAt(command, DOCS_BASE, V1), work.dir, ENV);
  expect(asPrinted.code).toBe(127);
  expect(asPrinted.stderr).toContain('-F: command not found');

  const fixed = command.replace(/\\[ \t]+\n/g, '\\\n');
  const run = await bash(today(fixed), work.dir, ENV);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(/^x-request-id: req_/im);
  const out = await pngFile('lounge.png');
  expect(await decode(out)).toMatchObject({ width: 1024, height: 1536 });
  const result = await compareThroughMask(out, lounge, mask);
  expect(result.keptDiffer).toBe(0);
  expect(result.holesChanged / result.holes).toBeGreaterThan(0.9);
});

/** The Azure URL template with the how-to's placeholders filled for the offline API. */
function azureUrl(recipe: AzureRestRecipe): string {
  expect(recipe.apiVersionExample).toBe(AZURE_API_VERSION);
  return recipe.url
    .replace(/^https:\/\/<your_resource_name>\.openai\.azure\.com/, AZURE_ENDPOINT)
    .replace('<your_deployment_name>', 'gpt-image-1')
    .replace('<api_version>', recipe.apiVersionExample);
}

function headerArgs(headers: [string, string][]): string {
  return headers.map(([name, value]) => `-H "${name}: ${value.replace('<your_API_key>', '$AZURE_OPENAI_API_KEY')}"`).join(' ');
}

test('Azure how-to, image generation API: the REST recipe (deployment URL, Content-Type and api-key, the JSON body shown)', async () => {
  const recipe = AZURE_GENERATIONS;
  expect(recipe.headers.map(([n]) => n)).toEqual(['Content-Type', 'api-key']);
  const body = JSON.parse(recipe.body);
  expect(body).toMatchObject({ model: 'gpt-image-1', size: '1024x1024', quality: 'high' });
  expectSpec('CreateImageRequest', body);
  const command = `curl -s -X POST "${azureUrl(recipe)}" ${headerArgs(recipe.headers)} -d '${recipe.body}' -o response.json && jq -r '.data[0].b64_json' response.json | base64 --decode > umbrella.png`;
  const run = await bash(command, work.dir, ENV);
  expect(run.code, run.stderr).toBe(0);
  expect(await decode(await pngFile('umbrella.png'))).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  const response = JSON.parse((await settledFile(join(work.dir, 'response.json'), async (b) => b.length > 0)).toString('utf8'));
  expectSpec('ImagesResponse', response);
  // 4160: gpt-image-1 high 1024x1024 output tokens, OpenAI's published figure (e2e/api/helpers/tokens.ts).
  expect(response).toMatchObject({ size: '1024x1024', quality: 'high', usage: { output_tokens: 4160 } });
});

test('Azure how-to, image edit API: the REST recipe with the form fields shown (image[], prompt, model, size, n, quality)', async () => {
  const recipe = AZURE_EDITS;
  expect(recipe.body).toContain('-F "image[]=@beach.png"');
  await sharp(await patternPng(1024, 1024, 9)).toFile(join(work.dir, 'beach.png'));
  // The how-to lists `Content-Type: multipart/form-data` as required; curl keeps it and adds the boundary.
  const command = `curl -s -X POST "${azureUrl(recipe)}" ${headerArgs(recipe.headers)} \\\n${recipe.body} -o response.json`;
  const run = await bash(command, work.dir, ENV);
  expect(run.code, run.stderr).toBe(0);
  const response = JSON.parse((await settledFile(join(work.dir, 'response.json'), async (b) => b.length > 0)).toString('utf8'));
  expectSpec('ImagesResponse', response);
  expect(response).toMatchObject({ size: '1024x1024', quality: 'high', output_format: 'png' });
  expect(await decode(Buffer.from(response.data[0].b64_json, 'base64'))).toMatchObject({ width: 1024, height: 1024 });
});
