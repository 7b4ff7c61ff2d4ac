/** The operator's limits, read-only, and where the signed-in person stands against today's caps. */
import { formatUsd } from '@/lib/cost/estimate';
import { limitsStatus, type SpendLine } from '@/lib/limits/status';

function spend(line: SpendLine): string {
  const running = line.reservedUsd > 0 ? ` (+ up to ${formatUsd(line.reservedUsd)} running)` : '';
  if (line.capUsd === undefined) return `${formatUsd(line.spentUsd)}${running}, no cap`;
  const left = Math.max(0, line.capUsd - line.spentUsd - line.reservedUsd);
  return `${formatUsd(line.spentUsd)} of ${formatUsd(line.capUsd)}${running}; ${formatUsd(left)} left`;
}

export async function LimitsSection({ userId }: { userId: string }) {
  const status = await limitsStatus(userId);
  if ('error' in status) return <p role="alert" className="text-sm text-red-700">Limits configuration error: {status.error}</p>;
  const { config, today } = status;
  const perMin = (n?: number) => (n === undefined ? 'no limit' : `${n} a minute`);
  const rows: [string, string][] = [
    ['Requests (you)', perMin(config.userPerMin)],
    ['Requests (everyone)', perMin(config.globalPerMin)],
    ['Kept', status.shared ? 'in Redis, shared by every instance' : 'in this server’s memory'],
  ];
  if (today) rows.push(['Your spend today (UTC)', spend(today.user)], ['Team spend today (UTC)', spend(today.total)]);
  return (
    <section aria-labelledby="limits-heading" className="space-y-2">
      <h2 id="limits-heading" className="text-lg font-semibold">Limits</h2>
      <p className="text-sm text-zinc-500">Set by the operator (RATE_LIMIT_*, SPEND_CAP_*). Each request is priced before it is sent (the estimate’s high end is reserved) and settled at its actual cost.</p>
      {status.storeError && <p role="alert" className="text-sm text-red-700">The limits store does not answer, so generations are refused until it does: {status.storeError}</p>}
      <table className="text-left text-sm" aria-label="Limits">
        <tbody>
          {rows.map(([rule, value]) => (
            <tr key={rule} className="border-b border-zinc-100 dark:border-zinc-900">
              <th scope="row" className="py-1 pr-4 font-normal text-zinc-500">{rule}</th>
              <td className="py-1">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
