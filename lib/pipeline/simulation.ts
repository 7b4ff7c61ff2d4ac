/**
 * The offline API's simulation controls (fault, latency) as the studio and the chat send them: request headers
 * the offline API reads (lib/offline/faults.ts). Real providers never get them; an Azure or gateway provider whose
 * endpoint is this server's own offline API (its stand-in in tests and demos) does.
 */
import type { Fault } from '../offline/faults';
import type { ProviderInfo } from '../providers/config';

export interface Simulation {
  fault?: Fault;
  latencyMs?: number;
  /**
   * Bill this many times the published output tokens (real models drift from their tables): the estimator's
   * learning from returned usage is tested and shown against it.
   */
  billingScale?: number;
}

/** Whether requests to this provider reach the offline API. */
export function simulated(provider: Pick<ProviderInfo, 'id' | 'offlineBacked'>): boolean {
  return provider.id === 'offline' || provider.offlineBacked === true;
}

export function simulationHeaders(provider: Pick<ProviderInfo, 'id' | 'offlineBacked'>, simulate: Simulation | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!simulated(provider) || !simulate) return headers;
  if (simulate.fault) headers['x-offline-fault'] = simulate.fault;
  if (simulate.latencyMs !== undefined) headers['x-offline-latency-ms'] = String(simulate.latencyMs);
  if (simulate.billingScale !== undefined) headers['x-offline-billing-scale'] = String(simulate.billingScale);
  return headers;
}
