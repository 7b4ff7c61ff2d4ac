/**
 * The offline API's simulation controls (fault, latency) as the studio and the chat send them: request headers
 * the offline API reads (lib/offline/faults.ts). Real providers never get them.
 */
import type { Fault } from '../offline/faults';
import type { ProviderKind } from '../providers/config';

export interface Simulation {
  fault?: Fault;
  latencyMs?: number;
}

export function simulationHeaders(provider: ProviderKind, simulate: Simulation | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (provider !== 'offline' || !simulate) return headers;
  if (simulate.fault) headers['x-offline-fault'] = simulate.fault;
  if (simulate.latencyMs !== undefined) headers['x-offline-latency-ms'] = String(simulate.latencyMs);
  return headers;
}
