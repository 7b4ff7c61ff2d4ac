import type { ImagesUsage } from '@/lib/cost/usage';
import type { Echoed } from '@/lib/generation/events';

interface Props {
  fields: Record<string, unknown>;
  echoed?: Echoed;
  width?: number;
  height?: number;
  usage?: ImagesUsage | null;
  latencyMs?: number;
  provider: string;
  revisedPrompt?: string;
}

/** What was asked next to what came back: gateways may ignore or rewrite settings, so show both. */
export function ResultDetails(p: Props) {
  const rows: [string, unknown, unknown][] = [
    ['size', p.fields.size ?? 'default', p.echoed?.size],
    ['image', '', p.width ? `${p.width}×${p.height} (decoded)` : undefined],
    ['quality', p.fields.quality ?? 'default', p.echoed?.quality],
    ['background', p.fields.background, p.echoed?.background],
    ['format', p.fields.output_format ?? p.fields.response_format, p.echoed?.output_format],
  ];
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">What came back</summary>
      <table className="mt-1 w-full">
        <thead>
          <tr className="text-left text-zinc-500"><th className="font-normal"></th><th className="font-normal">asked</th><th className="font-normal">returned</th></tr>
        </thead>
        <tbody>
          {rows.filter(([, a, r]) => a !== undefined || r !== undefined).map(([name, asked, returned]) => (
            <tr key={name}>
              <th className="pr-2 text-left font-medium">{name}</th>
              <td className="pr-2">{asked === undefined ? '–' : String(asked)}</td>
              <td className={asked && returned && asked !== 'auto' && asked !== returned && name !== 'image' ? 'text-amber-600' : ''}>{returned === undefined ? '–' : String(returned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2">
        <dt className="font-medium">provider</dt><dd>{p.provider} · {String(p.fields.model)}</dd>
        {p.latencyMs !== undefined && (<><dt className="font-medium">latency</dt><dd>{(p.latencyMs / 1000).toFixed(2)} s</dd></>)}
        {p.usage && (
          <>
            <dt className="font-medium">usage</dt>
            <dd>
              {p.usage.input_tokens} in ({p.usage.input_tokens_details.text_tokens} text, {p.usage.input_tokens_details.image_tokens} image) · {p.usage.output_tokens} out · {p.usage.total_tokens} total
            </dd>
          </>
        )}
        {p.revisedPrompt && (<><dt className="font-medium">revised prompt</dt><dd>{p.revisedPrompt}</dd></>)}
      </dl>
    </details>
  );
}
