/**
 * "Copy as code": the exact request as curl, Node (openai SDK) and Python (openai SDK). The key is always an
 * environment variable, never inlined. For the built-in offline API, which takes any non-empty key unless
 * OFFLINE_API_KEY or a passcode is set, an unset variable falls back to the word "offline" so the copied code
 * runs as it is; real providers' keys have no fallback.
 */
import type { WireParams, WireValue } from '../generation/sdk-params';

export interface CodeTarget {
  kind: 'openai' | 'azure' | 'gateway' | 'offline';
  /** OpenAI-style base URL (…/v1), or for Azure the resource endpoint. */
  baseURL: string;
  apiVersion?: string;
  deployment?: string;
  /** Azure: its route and sign-in as this server uses them (default: the dated route with the key). */
  azure?: { route: 'v1' | 'deployments'; auth: 'key' | 'entra'; scope: string };
}

/** Azure's v1 route: the plain OpenAI client on …/openai/v1/, the deployment as `model` (api-2026-12 §6.1). */
const onV1 = (t: CodeTarget) => t.kind === 'azure' && t.azure?.route === 'v1';
/** Keyless Azure: an Entra ID token (DefaultAzureCredential) instead of the key. */
const keyless = (t: CodeTarget) => t.kind === 'azure' && t.azure?.auth === 'entra';
const scopeOf = (t: CodeTarget) => t.azure?.scope ?? 'https://ai.azure.com/.default';
const endpointOf = (t: CodeTarget) => t.baseURL.replace(/\/+$/, '');

/** What goes on the wire: on Azure's v1 route `model` names the deployment. */
function bodyFor(t: CodeTarget, p: WireParams): WireParams {
  return onV1(t) && t.deployment ? { ...p, model: t.deployment } : p;
}

/** Edits and variations send files: the names the user picks them by (they live beside the script). */
export interface CodeFiles {
  endpoint: 'edit' | 'variation';
  images: string[];
  mask?: string;
}

const PATH = { edit: 'edits', variation: 'variations' } as const;
const METHOD = { edit: 'edit', variation: 'createVariation' } as const;

function path(files?: CodeFiles): string {
  return files ? PATH[files.endpoint] : 'generations';
}

function method(files?: CodeFiles): string {
  return files ? METHOD[files.endpoint] : 'generate';
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function keyVar(t: CodeTarget): string {
  if (t.kind === 'azure') return 'AZURE_OPENAI_API_KEY';
  if (t.kind === 'gateway') return 'GATEWAY_API_KEY';
  return 'OPENAI_API_KEY';
}

const OFFLINE_NOTE = 'the offline API takes any non-empty key unless OFFLINE_API_KEY or a passcode is set';

/** The key as each language reads it from the environment; the offline API's with its working default. */
function keyRef(t: CodeTarget, lang: 'sh' | 'node' | 'py'): string {
  const v = keyVar(t);
  const offline = t.kind === 'offline';
  if (lang === 'sh') return offline ? `\${${v}:-offline}` : `$${v}`;
  if (lang === 'node') return offline ? `process.env.${v} || 'offline'` : `process.env.${v}`;
  return offline ? `os.environ.get("${v}") or "offline"` : `os.environ["${v}"]`;
}

function extension(p: WireParams): string {
  const f = typeof p.output_format === 'string' ? p.output_format : 'png';
  return f === 'jpeg' ? 'jpg' : f;
}

function curlURL(t: CodeTarget, p: WireParams, files?: CodeFiles): string {
  if (t.kind !== 'azure') return `${endpointOf(t)}/images/${path(files)}`;
  if (onV1(t)) return `${endpointOf(t)}/openai/v1/images/${path(files)}${t.apiVersion ? `?api-version=${t.apiVersion}` : ''}`;
  return `${endpointOf(t)}/openai/deployments/${t.deployment ?? p.model}/images/${path(files)}?api-version=${t.apiVersion}`;
}

export function curlSnippet(t: CodeTarget, params: WireParams, files?: CodeFiles): string {
  const p = bodyFor(t, params);
  const auth = keyless(t) ? '-H "Authorization: Bearer $AZURE_TOKEN"' : t.kind === 'azure' ? `-H "api-key: $${keyVar(t)}"` : `-H "Authorization: Bearer ${keyRef(t, 'sh')}"`;
  // Keyless: a token of the scope the server uses, here from the Azure CLI (az login first).
  const token = keyless(t) ? `AZURE_TOKEN=$(az account get-access-token --scope ${shellQuote(scopeOf(t))} --query accessToken -o tsv)\n` : '';
  const body = files
    ? [
        // --form-string: a value starting with @ or < is text here, not a file to read.
        ...Object.entries(p).map(([k, v]) => `  --form-string ${shellQuote(`${k}=${v}`)}`),
        ...files.images.map((f) => `  -F ${shellQuote(`${files.images.length > 1 ? 'image[]' : 'image'}=@${f}`)}`),
        ...(files.mask ? [`  -F ${shellQuote(`mask=@${files.mask}`)}`] : []),
      ]
    : ['  -H "Content-Type: application/json"', `  -d ${shellQuote(JSON.stringify(p))}`];
  const lines = [`curl -s${p.stream ? 'N' : ''} -X POST ${shellQuote(curlURL(t, p, files))}`, `  ${auth}`, ...body];
  const tail = p.stream || p.response_format === 'url'
    ? ''
    : ` \\\n  | jq -r '.data[0].b64_json' | base64 --decode > image.${extension(p)}`;
  // After the command: the command stays the snippet's first line, and a comment cannot sit inside its continuations.
  const note = t.kind === 'offline' ? `\n# \${OPENAI_API_KEY:-offline}: ${OFFLINE_NOTE}.` : '';
  return token + lines.join(' \\\n') + tail + note;
}

function jsLiteral(p: WireParams, files?: CodeFiles): string {
  const body = Object.entries(p).map(([k, v]) => `  ${/^[a-z_]+$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)},`);
  if (files) {
    const streams = files.images.map((f) => `createReadStream(${JSON.stringify(f)})`);
    body.push(`  image: ${files.images.length > 1 ? `[${streams.join(', ')}]` : streams[0]},`);
    if (files.mask) body.push(`  mask: createReadStream(${JSON.stringify(files.mask)}),`);
  }
  return `{\n${body.map((l) => `  ${l}`).join('\n')}\n  }`;
}

function nodeClient(t: CodeTarget, model: WireValue): string {
  const credential = `getBearerTokenProvider(new DefaultAzureCredential(), ${JSON.stringify(scopeOf(t))})`;
  const identity = keyless(t) ? `import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';\n` : '';
  if (onV1(t)) {
    const query = t.apiVersion ? `\n  defaultQuery: { 'api-version': ${JSON.stringify(t.apiVersion)} },` : '';
    return `import OpenAI from 'openai';\n${identity}\nconst client = new OpenAI({\n  baseURL: ${JSON.stringify(`${endpointOf(t)}/openai/v1/`)},\n  apiKey: ${keyless(t) ? credential : `process.env.${keyVar(t)}`},${query}\n});`;
  }
  if (t.kind === 'azure') {
    const auth = keyless(t) ? `azureADTokenProvider: ${credential}` : `apiKey: process.env.${keyVar(t)}`;
    return `import { AzureOpenAI } from 'openai';\n${identity}\nconst client = new AzureOpenAI({\n  endpoint: ${JSON.stringify(t.baseURL)},\n  ${auth},\n  apiVersion: ${JSON.stringify(t.apiVersion)},\n  deployment: ${JSON.stringify(t.deployment ?? model)},\n});`;
  }
  const note = t.kind === 'offline' ? `  // ${OFFLINE_NOTE}\n` : '';
  return `import OpenAI from 'openai';\n\nconst client = new OpenAI({\n  baseURL: ${JSON.stringify(t.baseURL)},\n${note}  apiKey: ${keyRef(t, 'node')},\n});`;
}

export function nodeSnippet(t: CodeTarget, params: WireParams, files?: CodeFiles): string {
  const p = bodyFor(t, params);
  const client = nodeClient(t, p.model);
  const use = p.stream
    ? `const stream = await client.images.${method(files)}(${jsLiteral(p, files)});\nfor await (const event of stream) {\n  if (event.type.endsWith('.completed')) writeFileSync('image.${extension(p)}', Buffer.from(event.b64_json, 'base64'));\n}`
    : p.response_format === 'url'
      ? `const result = await client.images.${method(files)}(${jsLiteral(p, files)});\nconsole.log(result.data[0].url);`
      : `const result = await client.images.${method(files)}(${jsLiteral(p, files)});\nwriteFileSync('image.${extension(p)}', Buffer.from(result.data[0].b64_json, 'base64'));`;
  return `import { ${files ? 'createReadStream, ' : ''}writeFileSync } from 'node:fs';\n${client}\n\n${use}\n`;
}

/** A Python literal: True/False, a string or number as JSON spells it, a dict of the same. */
function pyValue(v: WireValue): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyValue(x)}`).join(', ')}}`;
  return JSON.stringify(v);
}

/** Fields newer than the Python SDK's method signatures (gpt-image-2.6's complexity, gif frames and svg; api-2026-12 §2.7). */
const PY_EXTRA_BODY = new Set(['complexity', 'frame_count', 'frame_duration_ms', 'svg']);

function pythonClient(t: CodeTarget): string {
  const identity = keyless(t) ? 'from azure.identity import DefaultAzureCredential, get_bearer_token_provider\n' : '';
  const provider = `get_bearer_token_provider(DefaultAzureCredential(), ${JSON.stringify(scopeOf(t))})`;
  if (onV1(t)) {
    const query = t.apiVersion ? `\n    default_query={"api-version": ${JSON.stringify(t.apiVersion)}},` : '';
    return `import base64, os\n${identity}from openai import OpenAI\n\nclient = OpenAI(\n    base_url=${JSON.stringify(`${endpointOf(t)}/openai/v1/`)},\n    api_key=${keyless(t) ? provider : `os.environ["${keyVar(t)}"]`},${query}\n)`;
  }
  if (t.kind === 'azure') {
    const auth = keyless(t) ? `azure_ad_token_provider=${provider}` : `api_key=os.environ["${keyVar(t)}"]`;
    return `import base64, os\n${identity}from openai import AzureOpenAI\n\nclient = AzureOpenAI(\n    azure_endpoint=${JSON.stringify(t.baseURL)},\n    ${auth},\n    api_version=${JSON.stringify(t.apiVersion)},\n)`;
  }
  const note = t.kind === 'offline' ? `    # ${OFFLINE_NOTE}\n` : '';
  return `import base64, os\nfrom openai import OpenAI\n\nclient = OpenAI(\n    base_url=${JSON.stringify(t.baseURL)},\n${note}    api_key=${keyRef(t, 'py')},\n)`;
}

export function pythonSnippet(t: CodeTarget, p: WireParams, files?: CodeFiles): string {
  const client = pythonClient(t);
  const all = Object.entries({ ...p, ...(t.kind === 'azure' ? { model: t.deployment ?? p.model } : {}) });
  // openai-python's methods take only the keyword arguments they know; newer fields travel in extra_body.
  const extra = all.filter(([k]) => PY_EXTRA_BODY.has(k));
  const args = all.filter(([k]) => !PY_EXTRA_BODY.has(k)).map(([k, v]) => `    ${k}=${pyValue(v)},`);
  if (extra.length) args.push(`    extra_body={${extra.map(([k, v]) => `${JSON.stringify(k)}: ${pyValue(v)}`).join(', ')}},`);
  if (files) {
    const opened = files.images.map((f) => `open(${JSON.stringify(f)}, "rb")`);
    args.push(`    image=${files.images.length > 1 ? `[${opened.join(', ')}]` : opened[0]},`);
    if (files.mask) args.push(`    mask=open(${JSON.stringify(files.mask)}, "rb"),`);
  }
  const call = `client.images.${files ? (files.endpoint === 'edit' ? 'edit' : 'create_variation') : 'generate'}(\n${args.join('\n')}\n)`;
  const ext = extension(p);
  const use = p.stream
    ? `stream = ${call}\nfor event in stream:\n    if event.type.endswith(".completed"):\n        open("image.${ext}", "wb").write(base64.b64decode(event.b64_json))`
    : p.response_format === 'url'
      ? `result = ${call}\nprint(result.data[0].url)`
      : `result = ${call}\nopen("image.${ext}", "wb").write(base64.b64decode(result.data[0].b64_json))`;
  return `${client}\n\n${use}\n`;
}
