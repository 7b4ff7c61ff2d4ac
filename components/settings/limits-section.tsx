/** The operator's limits, read-only, and where the signed-in person stands against today's caps. */
import { formatUsd } from '@/lib/cost/estimate';
import { limitsStatus, type SpendLine } from '@/lib/limits/status.server';
import { RulesTable } from './rules-table';

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
  const rows = [
    { rule: 'Requests (you)', value: perMin(config.userPerMin) },
    { rule: 'Requests (everyone)', value: perMin(config.globalPerMin) },
    { rule: 'Kept', value: status.shared ? 'in Redis, shared by every instance' : 'in this server’s memory' },
  ];
  if (today) rows.push({ rule: 'Your spend today (UTC)', value: spend(today.user) }, { rule: 'Team spend today (UTC)', value: spend(today.total) });
  return (
    <section aria-labelledby="limits-heading" className="space-y-2">
      <h2 id="limits-heading" className="text-lg font-semibold">Limits</h2>
      <p className="text-sm text-zinc-500">Set by the operator (RATE_LIMIT_*, SPEND_CAP_*). Each request is priced before it is sent (the estimate’s high end is reserved) and settled at its actual cost.</p>
      {status.storeError && <p role="alert" className="text-sm text-red-700">The limits store does not answer, so generations are refused until it does: {status.storeError}</p>}
      <RulesTable label="Limits" rows={rows} />
    </section>
  );
}
