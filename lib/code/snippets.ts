/**
 * "Copy as code": the exact request as curl, Node (openai SDK) and Python (openai SDK). The key is always an
 * environment variable, never inlined.
 */
import type { WireParams } from '../generation/sdk-params';

export interface CodeTarget {
  kind: 'openai' | 'azure' | 'gateway' | 'offline';
  /** OpenAI-style base URL (…/v1), or for Azure the resource endpoint. */
  baseURL: string;
  apiVersion?: string;
  deployment?: string;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function keyVar(t: CodeTarget): string {
  if (t.kind === 'azure') return 'AZURE_OPENAI_API_KEY';
  if (t.kind === 'gateway') return 'GATEWAY_API_KEY';
  return 'OPENAI_API_KEY';
}

function extension(p: WireParams): string {
  const f = typeof p.output_format === 'string' ? p.output_format : 'png';
  return f === 'jpeg' ? 'jpg' : f;
}

export function curlSnippet(t: CodeTarget, p: WireParams): string {
  const url = t.kind === 'azure'
    ? `${t.baseURL.replace(/\/+$/, '')}/openai/deployments/${t.deployment ?? p.model}/images/generations?api-version=${t.apiVersion}`
    : `${t.baseURL.replace(/\/+$/, '')}/images/generations`;
  const auth = t.kind === 'azure' ? `-H "api-key: $${keyVar(t)}"` : `-H "Authorization: Bearer $${keyVar(t)}"`;
  const lines = [`curl -s${p.stream ? 'N' : ''} -X POST ${shellQuote(url)}`, `  ${auth}`, '  -H "Content-Type: application/json"', `  -d ${shellQuote(JSON.stringify(p))}`];
  const tail = p.stream || p.response_format === 'url'
    ? ''
    : ` \\\n  | jq -r '.data[0].b64_json' | base64 --decode > image.${extension(p)}`;
  return lines.join(' \\\n') + tail;
}

function jsLiteral(p: WireParams): string {
  const body = Object.entries(p).map(([k, v]) => `  ${/^[a-z_]+$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `{\n${body.map((l) => `  ${l}`).join('\n')}\n  }`;
}

export function nodeSnippet(t: CodeTarget, p: WireParams): string {
  const client = t.kind === 'azure'
    ? `import { AzureOpenAI } from 'openai';\n\nconst client = new AzureOpenAI({\n  endpoint: ${JSON.stringify(t.baseURL)},\n  apiKey: process.env.${keyVar(t)},\n  apiVersion: ${JSON.stringify(t.apiVersion)},\n  deployment: ${JSON.stringify(t.deployment ?? p.model)},\n});`
    : `import OpenAI from 'openai';\n\nconst client = new OpenAI({\n  baseURL: ${JSON.stringify(t.baseURL)},\n  apiKey: process.env.${keyVar(t)},\n});`;
  const use = p.stream
    ? `const stream = await client.images.generate(${jsLiteral(p)});\nfor await (const event of stream) {\n  if (event.type === 'image_generation.completed') writeFileSync('image.${extension(p)}', Buffer.from(event.b64_json, 'base64'));\n}`
    : p.response_format === 'url'
      ? `const result = await client.images.generate(${jsLiteral(p)});\nconsole.log(result.data[0].url);`
      : `const result = await client.images.generate(${jsLiteral(p)});\nwriteFileSync('image.${extension(p)}', Buffer.from(result.data[0].b64_json, 'base64'));`;
  return `import { writeFileSync } from 'node:fs';\n${client}\n\n${use}\n`;
}

function pyValue(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return JSON.stringify(v);
}

export function pythonSnippet(t: CodeTarget, p: WireParams): string {
  const client = t.kind === 'azure'
    ? `import base64, os\nfrom openai import AzureOpenAI\n\nclient = AzureOpenAI(\n    azure_endpoint=${JSON.stringify(t.baseURL)},\n    api_key=os.environ["${keyVar(t)}"],\n    api_version=${JSON.stringify(t.apiVersion)},\n)`
    : `import base64, os\nfrom openai import OpenAI\n\nclient = OpenAI(\n    base_url=${JSON.stringify(t.baseURL)},\n    api_key=os.environ["${keyVar(t)}"],\n)`;
  const args = Object.entries({ ...p, ...(t.kind === 'azure' ? { model: t.deployment ?? p.model } : {}) })
    .map(([k, v]) => `    ${k}=${pyValue(v)},`)
    .join('\n');
  const ext = extension(p);
  const use = p.stream
    ? `stream = client.images.generate(\n${args}\n)\nfor event in stream:\n    if event.type == "image_generation.completed":\n        open("image.${ext}", "wb").write(base64.b64decode(event.b64_json))`
    : p.response_format === 'url'
      ? `result = client.images.generate(\n${args}\n)\nprint(result.data[0].url)`
      : `result = client.images.generate(\n${args}\n)\nopen("image.${ext}", "wb").write(base64.b64decode(result.data[0].b64_json))`;
  return `${client}\n\n${use}\n`;
}
