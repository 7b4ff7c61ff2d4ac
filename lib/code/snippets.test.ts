import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireParams } from '../generation/sdk-params';
import { curlSnippet, nodeSnippet, pythonSnippet, type CodeTarget } from './snippets';

const TARGETS: Record<CodeTarget['kind'], CodeTarget> = {
  offline: { kind: 'offline', baseURL: 'http://localhost:3000/api/offline/v1' },
  openai: { kind: 'openai', baseURL: 'https://api.openai.com/v1' },
  azure: { kind: 'azure', baseURL: 'https://my-res.openai.azure.com/', apiVersion: '2025-04-01-preview', deployment: 'img-prod' },
  gateway: { kind: 'gateway', baseURL: 'https://gw.example.com/v1/' },
};
const KEY_VARS = { offline: 'OPENAI_API_KEY', openai: 'OPENAI_API_KEY', azure: 'AZURE_OPENAI_API_KEY', gateway: 'GATEWAY_API_KEY' };
/** The Python snippets are parsed by python3; without it those tests fail saying what to install (never skip). */
const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'pass'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
function requirePython(): void {
  if (!hasPython) throw new Error('python3 is not installed: install python3 (apt-get install -y python3), or run npm test as root, which installs it');
}
const SNIPPETS = { curl: curlSnippet, node: nodeSnippet, python: pythonSnippet };

const batch: WireParams = { model: 'gpt-image-1', prompt: "a fox's den, 'at dusk'", n: 2, size: '1536x1024', quality: 'high', output_format: 'jpeg', output_compression: 60, background: 'opaque' };
const streaming: WireParams = { model: 'gpt-image-2', prompt: 'a lighthouse', size: '2048x1152', stream: true, partial_images: 2 };
const urls: WireParams = { model: 'dall-e-3', prompt: 'x', size: '1024x1024', style: 'natural', response_format: 'url' };
/** gpt-image-2.6 with the fields openai 6.49's types lack (api-2026-12 §2.7): they go on the wire as they are. */
const flagship: WireParams = { model: 'gpt-image-2.6-sunburst', prompt: 'a fox', size: '3840x2160', quality: 'xhigh', complexity: 'low', output_format: 'png' };

/** The `-d` argument exactly as the shell would hand it to curl. */
function curlBody(snippet: string): string {
  const line = snippet.split('\n').find((l) => l.trimStart().startsWith('-d '))!;
  const arg = line.trim().replace(/^-d /, '').replace(/ \\$/, '');
  return execFileSync('bash', ['-c', `printf %s ${arg}`], { encoding: 'utf8' });
}

const secrets = { OPENAI_API_KEY: 'sk-live-SECRET-openai', AZURE_OPENAI_API_KEY: 'SECRET-azure-key', GATEWAY_API_KEY: 'SECRET-gateway-key' };
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const [k, v] of Object.entries(secrets)) [saved[k], process.env[k]] = [process.env[k], v];
});
afterAll(() => {
  for (const k of Object.keys(secrets)) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
});

describe('the API key', () => {
  for (const [kind, target] of Object.entries(TARGETS) as [CodeTarget['kind'], CodeTarget][]) {
    it(`appears only as ${KEY_VARS[kind]} for ${kind}, in every language`, () => {
      const v = KEY_VARS[kind];
      for (const [lang, make] of Object.entries(SNIPPETS)) {
        const code = make(target, batch);
        for (const secret of Object.values(secrets)) expect(code, lang).not.toContain(secret);
        expect(code, lang).not.toMatch(/sk-[A-Za-z0-9]/);
      }
      // The offline API's key falls back to a placeholder it accepts (below); real providers' keys never do.
      const offline = kind === 'offline';
      const auth = kind === 'azure' ? `-H "api-key: $${v}"` : offline ? `-H "Authorization: Bearer \${${v}:-offline}"` : `-H "Authorization: Bearer $${v}"`;
      expect(curlSnippet(target, batch)).toContain(auth);
      expect(nodeSnippet(target, batch)).toContain(offline ? `apiKey: process.env.${v} || 'offline',` : `apiKey: process.env.${v},`);
      expect(pythonSnippet(target, batch)).toContain(offline ? `api_key=os.environ.get("${v}") or "offline",` : `api_key=os.environ["${v}"],`);
    });
  }

  it('falls back to a placeholder only for the offline API, and the shell takes the real key when it is set', () => {
    for (const kind of ['openai', 'azure', 'gateway'] as const) {
      for (const make of Object.values(SNIPPETS)) expect(make(TARGETS[kind], batch)).not.toContain('offline');
    }
    const header = curlSnippet(TARGETS.offline, batch).split('\n').find((l) => l.includes('Authorization'))!.trim().replace(/ \\$/, '').replace(/^-H /, '');
    const run = (env: Record<string, string>) => execFileSync('bash', ['-c', `printf %s ${header}`], { encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: '', ...env } });
    expect(run({})).toBe('Authorization: Bearer offline');
    expect(run({ OPENAI_API_KEY: 'from-env' })).toBe('Authorization: Bearer from-env');
  });

  it('is expanded by the shell, not sent literally', () => {
    const header = curlSnippet(TARGETS.openai, batch).split('\n')[1].trim().replace(/ \\$/, '');
    const out = execFileSync('bash', ['-c', `printf %s ${header.replace(/^-H /, '')}`], { encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: 'from-env' } });
    expect(out).toBe('Authorization: Bearer from-env');
  });
});

describe('curl', () => {
  it.each(Object.keys(TARGETS) as CodeTarget['kind'][])('sends a body that parses back to the params (%s)', (kind) => {
    for (const p of [batch, streaming, urls, flagship]) expect(JSON.parse(curlBody(curlSnippet(TARGETS[kind], p)))).toEqual(p);
  });

  it('escapes single quotes in the prompt for the shell', () => {
    const p = { ...batch, prompt: "it's 'quoted' \\ \"double\" $HOME `date` \n done" };
    const body = curlBody(curlSnippet(TARGETS.openai, p));
    expect(JSON.parse(body).prompt).toBe(p.prompt);
  });

  it('posts to the generations path of an OpenAI-style base URL, without a double slash', () => {
    expect(curlSnippet(TARGETS.openai, batch)).toContain("curl -s -X POST 'https://api.openai.com/v1/images/generations'");
    expect(curlSnippet(TARGETS.gateway, batch)).toContain("'https://gw.example.com/v1/images/generations'");
  });

  it('puts the Azure deployment and api-version in the URL', () => {
    expect(curlSnippet(TARGETS.azure, batch)).toContain("'https://my-res.openai.azure.com/openai/deployments/img-prod/images/generations?api-version=2025-04-01-preview'");
    const noDeployment = curlSnippet({ ...TARGETS.azure, deployment: undefined }, batch);
    expect(noDeployment).toContain('/openai/deployments/gpt-image-1/images/generations?api-version=2025-04-01-preview');
  });

  it('streams with -N and writes no jq pipe', () => {
    const code = curlSnippet(TARGETS.offline, streaming);
    expect(code.startsWith('curl -sN -X POST')).toBe(true);
    expect(code).not.toContain('jq');
  });

  it('decodes a batch answer to a file with the format’s extension', () => {
    const code = curlSnippet(TARGETS.openai, batch);
    expect(code).not.toMatch(/curl -sN/);
    expect(code).toMatch(/\| jq -r '\.data\[0\]\.b64_json' \| base64 --decode > image\.jpg$/);
  });

  it('prints nothing to decode when the answer is a URL', () => {
    expect(curlSnippet(TARGETS.openai, urls)).not.toContain('jq');
  });
});

describe('Node and Python', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'snippets-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(TARGETS) as CodeTarget['kind'][])('writes Node that parses, passing the params as they are (%s)', (kind) => {
    for (const p of [batch, streaming, urls, flagship]) {
      const code = nodeSnippet(TARGETS[kind], p);
      const file = join(dir, `${kind}.mjs`);
      writeFileSync(file, code);
      execFileSync(process.execPath, ['--check', file]);
      const literal = /generate\((\{[\s\S]*?\n {2}\})\)/.exec(code)![1];
      expect(new Function(`return ${literal}`)()).toEqual(p);
    }
  });

  it('configures the Azure client with endpoint, api version and deployment', () => {
    const code = nodeSnippet(TARGETS.azure, batch);
    expect(code).toContain('new AzureOpenAI({');
    expect(code).toContain('apiVersion: "2025-04-01-preview"');
    expect(code).toContain('deployment: "img-prod"');
  });

  it.each(Object.keys(TARGETS) as CodeTarget['kind'][])('writes Python that parses, with the params as keyword arguments (%s)', (kind) => {
    requirePython();
    for (const p of [batch, streaming, urls]) {
      const code = pythonSnippet(TARGETS[kind], p);
      const file = join(dir, `${kind}.py`);
      writeFileSync(file, code);
      const read = [
        'import ast, json, sys',
        'tree = ast.parse(open(sys.argv[1]).read())',
        'call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "generate")',
        'print(json.dumps({k.arg: ast.literal_eval(k.value) for k in call.keywords}))',
      ].join('\n');
      const args = JSON.parse(execFileSync('python3', ['-c', read, file], { encoding: 'utf8' }));
      expect(args).toEqual(kind === 'azure' ? { ...p, model: 'img-prod' } : p);
    }
  });

  it('spells booleans the Python way', () => {
    const code = pythonSnippet(TARGETS.offline, streaming);
    expect(code).toContain('    stream=True,');
    expect(code).not.toMatch(/=true|=false/);
    expect(pythonSnippet(TARGETS.offline, { ...streaming, stream: false })).toContain('stream=False,');
  });

  it('saves the image with the extension of the format, or prints the URL', () => {
    expect(pythonSnippet(TARGETS.openai, batch)).toContain('open("image.jpg", "wb")');
    expect(nodeSnippet(TARGETS.openai, { ...batch, output_format: 'webp' })).toContain("writeFileSync('image.webp'");
    expect(pythonSnippet(TARGETS.openai, urls)).toContain('print(result.data[0].url)');
    expect(nodeSnippet(TARGETS.openai, urls)).toContain('console.log(result.data[0].url)');
  });

  it('reads the stream for the completed image', () => {
    // Generations end with image_generation.completed, edits with image_edit.completed: match both.
    expect(nodeSnippet(TARGETS.offline, streaming)).toContain("event.type.endsWith('.completed')");
    expect(pythonSnippet(TARGETS.offline, streaming)).toContain('if event.type.endswith(".completed"):');
  });
});

describe('edits and variations', () => {
  const edit = { model: 'gpt-image-1', prompt: '@not a file', size: '1024x1024' };
  const files = { endpoint: 'edit' as const, images: ['room.png', 'lamp.png'], mask: 'mask.png' };

  it('curl sends text fields with --form-string (a leading @ stays text) and files as image[] and mask', () => {
    const curl = curlSnippet(TARGETS.offline, edit, files);
    expect(curl).toContain('/images/edits');
    expect(curl).toContain("--form-string 'prompt=@not a file'");
    expect(curl).toContain("-F 'image[]=@room.png'");
    expect(curl).toContain("-F 'image[]=@lamp.png'");
    expect(curl).toContain("-F 'mask=@mask.png'");
    expect(curl).not.toContain('Content-Type: application/json');
  });

  it('one image goes as `image`, and a variation calls createVariation / create_variation', () => {
    const v = { endpoint: 'variation' as const, images: ['cat.png'] };
    expect(curlSnippet(TARGETS.offline, { model: 'dall-e-2', size: '512x512' }, v)).toContain("-F 'image=@cat.png'");
    expect(nodeSnippet(TARGETS.offline, { model: 'dall-e-2' }, v)).toContain('client.images.createVariation(');
    expect(pythonSnippet(TARGETS.offline, { model: 'dall-e-2' }, v)).toContain('client.images.create_variation(');
  });

  it('Node reads the files with createReadStream and Python opens them in binary mode', () => {
    const node = nodeSnippet(TARGETS.offline, edit, files);
    expect(node).toContain("import { createReadStream, writeFileSync } from 'node:fs';");
    expect(node).toContain('image: [createReadStream("room.png"), createReadStream("lamp.png")]');
    expect(node).toContain('mask: createReadStream("mask.png")');
    const py = pythonSnippet(TARGETS.offline, edit, files);
    expect(py).toContain('image=[open("room.png", "rb"), open("lamp.png", "rb")]');
    expect(py).toContain('client.images.edit(');
  });
});

describe('gpt-image-2.6 fields in the snippets', () => {
  const target = { kind: 'openai' as const, baseURL: 'https://api.openai.com/v1' };
  const p = { model: 'gpt-image-2.6-flare', prompt: 'a fox', size: '2048x1152', quality: 'xhigh', complexity: 'high' };
  it('sends complexity through extra_body in Python (its methods refuse unknown keyword arguments) and as a plain field elsewhere', () => {
    const py = pythonSnippet(target, p);
    expect(py).toContain('quality="xhigh",');
    expect(py).toContain('extra_body={"complexity": "high"},');
    expect(py).not.toContain('complexity="high"');
    expect(nodeSnippet(target, p)).toContain('complexity: "high",');
    expect(curlSnippet(target, p)).toContain('"complexity":"high"');
  });
});

describe('gpt-image-2.6 gif and svg in the snippets', () => {
  const target = { kind: 'openai' as const, baseURL: 'https://api.openai.com/v1' };
  it('sends the frame fields and the svg object through extra_body in Python, as JSON elsewhere', () => {
    const gif = { model: 'gpt-image-2.6-flare', prompt: 'a ball', size: '512x512', output_format: 'gif', frame_count: 4, frame_duration_ms: 120 };
    expect(pythonSnippet(target, gif)).toContain('extra_body={"frame_count": 4, "frame_duration_ms": 120},');
    const svg = { model: 'gpt-image-2.6-sunburst', prompt: 'a logo', output_format: 'svg', svg: { model: 'gpt-6-luna', reasoning: { effort: 'high' } } };
    expect(pythonSnippet(target, svg)).toContain('extra_body={"svg": {"model": "gpt-6-luna", "reasoning": {"effort": "high"}}},');
    expect(nodeSnippet(target, svg)).toContain('svg: {"model":"gpt-6-luna","reasoning":{"effort":"high"}},');
    expect(curlSnippet(target, svg)).toContain('"svg":{"model":"gpt-6-luna","reasoning":{"effort":"high"}}');
  });
});

describe('Azure: both routes, key and keyless (api-2026-12 §6.1)', () => {
  const scope = 'https://ai.azure.com/.default';
  const v1Entra: CodeTarget = { kind: 'azure', baseURL: 'https://my-res.openai.azure.com', apiVersion: 'preview', deployment: 'img-prod', azure: { route: 'v1', auth: 'entra', scope } };
  const v1Key: CodeTarget = { ...v1Entra, azure: { route: 'v1', auth: 'key', scope } };
  const datedEntra: CodeTarget = { ...TARGETS.azure, azure: { route: 'deployments', auth: 'entra', scope } };
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'snippets-azure-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('curl on v1 posts to …/openai/v1/ with api-version, the deployment as model, and a token from the Azure CLI', () => {
    const code = curlSnippet(v1Entra, batch);
    expect(code).toContain("AZURE_TOKEN=$(az account get-access-token --scope 'https://ai.azure.com/.default' --query accessToken -o tsv)");
    expect(code).toContain("curl -s -X POST 'https://my-res.openai.azure.com/openai/v1/images/generations?api-version=preview'");
    expect(code).toContain('-H "Authorization: Bearer $AZURE_TOKEN"');
    expect(code).not.toContain('api-key');
    expect(JSON.parse(curlBody(code))).toEqual({ ...batch, model: 'img-prod' });
    const keyed = curlSnippet({ ...v1Key, apiVersion: undefined }, batch);
    expect(keyed).toContain("'https://my-res.openai.azure.com/openai/v1/images/generations'");
    expect(keyed).toContain('-H "api-key: $AZURE_OPENAI_API_KEY"');
  });

  it('Node on v1 uses the plain client with a bearer token provider; on the dated route AzureOpenAI with azureADTokenProvider', () => {
    const v1 = nodeSnippet(v1Entra, streaming);
    expect(v1).toContain("import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';");
    expect(v1).toContain('baseURL: "https://my-res.openai.azure.com/openai/v1/"');
    expect(v1).toContain('apiKey: getBearerTokenProvider(new DefaultAzureCredential(), "https://ai.azure.com/.default")');
    expect(v1).toContain(`defaultQuery: { 'api-version': "preview" }`);
    expect(v1).toContain('model: "img-prod"');
    expect(nodeSnippet(v1Key, batch)).toContain('apiKey: process.env.AZURE_OPENAI_API_KEY');
    const dated = nodeSnippet(datedEntra, batch);
    expect(dated).toContain('new AzureOpenAI({');
    expect(dated).toContain('azureADTokenProvider: getBearerTokenProvider(new DefaultAzureCredential(), "https://ai.azure.com/.default")');
    expect(dated).not.toContain('apiKey');
    for (const [i, code] of [v1, dated].entries()) {
      const file = join(dir, `azure-${i}.mjs`);
      writeFileSync(file, code);
      execFileSync(process.execPath, ['--check', file]);
    }
  });

  it('Python on v1 uses OpenAI with a token provider; on the dated route AzureOpenAI with azure_ad_token_provider', () => {
    requirePython();
    const v1 = pythonSnippet(v1Entra, batch);
    expect(v1).toContain('from azure.identity import DefaultAzureCredential, get_bearer_token_provider');
    expect(v1).toContain('base_url="https://my-res.openai.azure.com/openai/v1/"');
    expect(v1).toContain('api_key=get_bearer_token_provider(DefaultAzureCredential(), "https://ai.azure.com/.default")');
    expect(v1).toContain('default_query={"api-version": "preview"}');
    expect(v1).toContain('model="img-prod"');
    const dated = pythonSnippet(datedEntra, batch);
    expect(dated).toContain('azure_ad_token_provider=get_bearer_token_provider(DefaultAzureCredential(), "https://ai.azure.com/.default")');
    expect(dated).not.toContain('api_key');
    for (const [i, code] of [v1, dated].entries()) {
      const file = join(dir, `azure-${i}.py`);
      writeFileSync(file, code);
      execFileSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', file]);
    }
  });
});
