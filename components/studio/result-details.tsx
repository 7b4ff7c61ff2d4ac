import type { ImagesUsage } from '@/lib/cost/usage';
import type { Echoed } from '@/lib/generation/events';

interface Props {
  fields: Record<string, unknown>;
  echoed?: Echoed;
  width?: number;
  height?: number;
}

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '–' : String(v));

/**
 * What was asked next to what came back: gateways may ignore or rewrite settings, so show both (in the
 * lightbox's details panel). A returned value that differs from an explicit ask is marked.
 */
export function ResultDetails(p: Props) {
  const rows: [string, unknown, unknown][] = [
    ['size', p.fields.size ?? 'default', p.echoed?.size],
    ['image', '', p.width ? `${p.width}×${p.height} (decoded)` : undefined],
    ['quality', p.fields.quality ?? 'default', p.echoed?.quality],
    ['background', p.fields.background, p.echoed?.background],
    ['format', p.fields.output_format ?? p.fields.response_format, p.echoed?.output_format],
  ];
  return (
    <table className="w-full text-xs">
      <thead>
        <tr className="text-left text-zinc-500 dark:text-zinc-400">
          <th className="font-normal"><span className="sr-only">setting</span></th>
          <th className="font-normal">asked</th>
          <th className="font-normal">returned</th>
        </tr>
      </thead>
      <tbody>
        {rows.filter(([, a, r]) => a !== undefined || r !== undefined).map(([name, asked, returned]) => {
          const differs = !!asked && !!returned && asked !== 'auto' && asked !== 'default' && asked !== returned && name !== 'image';
          return (
            <tr key={name} className="align-top">
              <th scope="row" className="py-0.5 pr-2 text-left font-medium">{name}</th>
              <td className="py-0.5 pr-2">{asked === '' ? '' : show(asked)}</td>
              <td className={`py-0.5 ${differs ? 'text-amber-600 dark:text-amber-400' : ''}`}>
                {show(returned)}
                {differs && <span className="sr-only"> (differs from what was asked)</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The usage block as one line of token counts. */
export function usageLine(u: ImagesUsage): string {
  return `${u.input_tokens} in (${u.input_tokens_details.text_tokens} text, ${u.input_tokens_details.image_tokens} image) · ${u.output_tokens} out · ${u.total_tokens} total`;
}
