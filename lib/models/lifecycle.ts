/**
 * When each model shuts down, per provider, and what replaces it (api-2026-12 §1, §6.2). Shipped as data; a
 * provider that answers `GET /models` with `shutdown_date` overrides the date at run time (providers/model-list).
 * Dates are hard-coded, replacement names are not (they change on the deprecations page): a retired model moves
 * to the current model of its kind on that provider.
 */
import { DEFAULT_MODEL, findModel } from './registry';
import type { KnownModelId, ModelId } from './types';

/** Whose dates apply: the offline API and gateways follow OpenAI's; Azure keeps its own table. */
export type LifecycleTable = 'openai' | 'azure';

export interface LifecycleFact {
  /** YYYY-MM-DD; null when none is announced. */
  shutdown: string | null;
  source: string;
}

/** Warn this many days before a shutdown date (issue #13; OpenAI's minimum notice for image models is 3 months). */
export const WARN_DAYS = 90;

const OPENAI_DEP = 'OpenAI deprecations page (api-2026-12 §1)';
const AZURE_RET = 'Azure model retirement schedule, 2026-07-07 (api-2026-12 §6.2)';

/** Image models. A model absent from a table has no announced date there. */
const IMAGE_DATES: Record<LifecycleTable, Partial<Record<KnownModelId, LifecycleFact>>> = {
  openai: {
    'gpt-image-1.5': { shutdown: '2026-12-01', source: OPENAI_DEP },
    'gpt-image-1-mini': { shutdown: '2026-12-01', source: OPENAI_DEP },
    'gpt-image-1': { shutdown: '2026-10-23', source: 'OpenAI API reference (api-2026-12 §1)' },
    'dall-e-3': { shutdown: '2026-05-12', source: 'api-reference §1' },
    'dall-e-2': { shutdown: '2026-05-12', source: 'api-reference §1' },
  },
  azure: {
    'gpt-image-2': { shutdown: '2027-04-21', source: AZURE_RET },
    'gpt-image-1.5': { shutdown: '2026-12-16', source: AZURE_RET },
    'gpt-image-1-mini': { shutdown: '2027-04-07', source: AZURE_RET },
    'gpt-image-1': { shutdown: '2026-10-23', source: AZURE_RET },
    'dall-e-3': { shutdown: '2026-03-04', source: 'third-party report (api-2026-12 §6.2)' },
    'dall-e-2': { shutdown: '2025-01-27', source: 'Azure legacy models page (api-2026-12 §6.2)' },
  },
};

/** Mainline models the chat offers (api-2026-12 §1, §4). */
const MAIN_DATES: Record<LifecycleTable, Record<string, LifecycleFact>> = {
  openai: {
    'gpt-5': { shutdown: '2026-12-11', source: OPENAI_DEP },
    'gpt-5-mini': { shutdown: '2026-12-11', source: OPENAI_DEP },
    'gpt-5-nano': { shutdown: '2026-12-11', source: OPENAI_DEP },
    o3: { shutdown: '2026-12-11', source: OPENAI_DEP },
    'gpt-4o': { shutdown: '2027-01-14', source: OPENAI_DEP },
    'gpt-4o-mini': { shutdown: '2027-01-14', source: OPENAI_DEP },
    'gpt-4.1': { shutdown: '2027-01-14', source: OPENAI_DEP },
    'gpt-4.1-mini': { shutdown: '2027-01-14', source: OPENAI_DEP },
    'gpt-4.1-nano': { shutdown: '2026-10-23', source: 'third party quoting the deprecations page (api-2026-12 §1)' },
  },
  azure: {
    'gpt-5': { shutdown: '2027-02-06', source: 'Azure model retirement schedule (api-2026-12 §6.2)' },
  },
};

/** What a retired model moves to: the current model of its kind (cheap to cheap, main to main). */
const IMAGE_SUCCESSOR: Partial<Record<KnownModelId, KnownModelId>> = {
  'gpt-image-1-mini': 'gpt-image-2.6-flare',
};
const MAIN_SUCCESSOR: Record<string, string> = {
  'gpt-5': 'gpt-6.1-sol',
  o3: 'gpt-6.1-sol',
  'gpt-5-mini': 'gpt-6.1-terra',
  'gpt-5-nano': 'gpt-6-luna',
  'gpt-4o': 'gpt-6-luna',
  'gpt-4o-mini': 'gpt-6-luna',
  'gpt-4.1': 'gpt-6-luna',
  'gpt-4.1-mini': 'gpt-6-luna',
  'gpt-4.1-nano': 'gpt-6-luna',
};

export function lifecycleTable(provider: string): LifecycleTable {
  return provider === 'azure' ? 'azure' : 'openai';
}

/** Whose date it is, for messages: the offline API and gateways follow OpenAI's. */
export function lifecycleOwner(provider: string): string {
  return lifecycleTable(provider) === 'azure' ? 'Azure OpenAI' : 'OpenAI';
}

/** Today as YYYY-MM-DD in UTC: shutdown dates are calendar days. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type LifecycleState = 'active' | 'shutting-down' | 'shut-down';

export interface Lifecycle {
  state: LifecycleState;
  /** YYYY-MM-DD, when one is known. */
  shutdown?: string;
  /** Days until the shutdown date (negative after it). */
  daysLeft?: number;
  replacement?: ModelId;
  source?: string;
}

/** The shipped fact for a model id (a dated snapshot shares its model's). */
export function shippedDate(kind: 'image' | 'main', table: LifecycleTable, id: string): LifecycleFact | undefined {
  if (kind === 'main') return MAIN_DATES[table][id] ?? MAIN_DATES[table][id.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  const base = registryModel(id);
  return base ? IMAGE_DATES[table][base] : undefined;
}

/**
 * The registry model an id is, or is a dated snapshot of: an alias, or its family's id plus `-YYYY-MM-DD` (Azure
 * versions such as gpt-image-1-2025-04-15 that the registry does not list). A new variant is not its family.
 */
function registryModel(id: string): KnownModelId | undefined {
  const spec = findModel(id);
  if (!spec) return undefined;
  if (spec.inRegistry) return spec.id as KnownModelId;
  return id.replace(/-\d{4}-\d{2}-\d{2}$/, '') === spec.familyOf ? spec.familyOf : undefined;
}

export function successor(kind: 'image' | 'main', id: string): ModelId {
  if (kind === 'main') return MAIN_SUCCESSOR[id.replace(/-\d{4}-\d{2}-\d{2}$/, '')] ?? DEFAULT_MAIN_SUCCESSOR;
  const base = registryModel(id);
  return (base && IMAGE_SUCCESSOR[base]) ?? DEFAULT_MODEL;
}

const DEFAULT_MAIN_SUCCESSOR = 'gpt-6.1-sol';

/**
 * A model's lifecycle on a provider. `live` is what the provider's `GET /models` said (`shutdown_date`, null for
 * "none announced"); undefined means it was not asked or did not answer, and the shipped table decides.
 */
export function lifecycleOf(
  kind: 'image' | 'main',
  provider: string,
  id: string,
  options: { live?: string | null; on?: string } = {},
): Lifecycle {
  const table = lifecycleTable(provider);
  const shipped = shippedDate(kind, table, id);
  const shutdown = options.live !== undefined ? (options.live ?? undefined) : (shipped?.shutdown ?? undefined);
  if (!shutdown) return { state: 'active' };
  const daysLeft = daysBetween(options.on ?? today(), shutdown);
  const state: LifecycleState = daysLeft <= 0 ? 'shut-down' : daysLeft <= WARN_DAYS ? 'shutting-down' : 'active';
  const told = table === 'azure' ? 'Azure’s model list (GET /models deprecation.inference)' : 'the provider’s model list (GET /models shutdown_date)';
  const source = options.live !== undefined ? told : shipped?.source;
  return { state, shutdown, daysLeft, source, ...(state === 'active' ? {} : { replacement: successor(kind, id) }) };
}

/** "Shuts down 2027-01-14 (in 42 days)" / "Shut down 2026-12-01": the line the UI shows beside a model. */
export function lifecycleLabel(life: Lifecycle): string | undefined {
  if (!life.shutdown) return undefined;
  if (life.state === 'shut-down') return `Shut down ${life.shutdown}`;
  const days = life.daysLeft ?? 0;
  return `Shuts down ${life.shutdown} (in ${days} day${days === 1 ? '' : 's'})`;
}
