/**
 * Azure's `GET /models` (v1 `…/openai/v1/models`, dated `…/openai/models?api-version=`) lists the resource's base
 * models with their retirement: `deprecation.inference` in epoch seconds, next to `lifecycle_status`. Its ids carry
 * a version (`dall-e-3-3.0`, `gpt-image-1.5-2025-12-16`); each is read as the registry model it names, so Azure's
 * own dates replace the shipped table's for the models deployed (lifecycle.ts).
 */
import { findModel, MODEL_IDS } from '../models/registry';
import type { LiveModel } from './lineup';

export interface AzureModel {
  id: string;
  lifecycle_status?: string;
  deprecation?: { inference?: number; fine_tune?: number };
}

/** The registry model an Azure id names: itself, or the longest registry id it starts with before a `-`. */
export function azureModelId(id: string): string | undefined {
  const known = findModel(id);
  if (known?.inRegistry) return known.id;
  const prefix = [...MODEL_IDS].sort((a, b) => b.length - a.length).find((m) => id.startsWith(`${m}-`));
  return prefix;
}

/** The models with a retirement date, as registry ids with the date (YYYY-MM-DD, UTC); the earliest per model. */
export function azureRetirements(models: readonly AzureModel[]): LiveModel[] {
  const dates = new Map<string, string>();
  for (const m of models) {
    const at = m.deprecation?.inference;
    const id = azureModelId(m.id);
    if (!id || typeof at !== 'number' || !Number.isFinite(at)) continue;
    const day = new Date(at * 1000).toISOString().slice(0, 10);
    const had = dates.get(id);
    if (!had || day < had) dates.set(id, day);
  }
  return [...dates].map(([id, shutdown_date]) => ({ id, shutdown_date }));
}
