/**
 * Which models a provider offers, with each one's lifecycle there: from the registry and the shipped dates, and,
 * when the provider answered `GET /models`, from its own list (api-2026-12 §5). The list decides: an id it names
 * is offered (a gateway or the offline API in its retired-models mode still serves it, labelled with its date),
 * an id it leaves out is not, and an unknown `gpt-image-*` id it adds is offered on its family's rules.
 * Without a list, a model past its shutdown date on that provider is not offered. Azure's deployments are its list.
 */
import { lifecycleOf, lifecycleOwner, type Lifecycle } from '../models/lifecycle';
import { MAIN_MODELS } from '../models/main-models';
import { DEFAULT_MODEL, findModel, MODEL_IDS } from '../models/registry';
import type { ModelId } from '../models/types';

/** One entry of a provider's `GET /models`; `shutdown_date` absent means the provider does not say. */
export interface LiveModel {
  id: string;
  shutdown_date?: string | null;
}

export interface Lineup {
  /** Offered as normal choices, in registry order, then the provider's unknown ids. */
  models: ModelId[];
  defaultModel: ModelId;
  /** Lifecycle on this provider of every offered model, and of every registry model it does not offer. */
  lifecycle: Record<string, Lifecycle>;
  /** Mainline models for the chat, not shut down here. */
  mainModels: string[];
  /** Where the list came from: the provider's own `GET /models`, or the registry's dates. */
  source: 'provider' | 'registry';
}

function liveDate(entry: LiveModel | undefined): string | null | undefined {
  return entry && 'shutdown_date' in entry ? (entry.shutdown_date ?? null) : undefined;
}

export interface LineupInput {
  /** openai, gateway and offline follow OpenAI's dates; azure its own. */
  kind: string;
  /** The operator's list (OPENAI_MODELS, GATEWAY_MODELS, Azure deployments); undefined: every registry model. */
  configured?: readonly ModelId[];
  /** The provider's answer to `GET /models`, when it gave one. */
  live?: readonly LiveModel[];
  /** Azure: configured deployments are served whatever the date (the deployment is the provider's own list). */
  configuredIsServed?: boolean;
  /** Azure: its models list tells retirement dates only; what is offered stays its deployments. */
  liveDatesOnly?: boolean;
  /** YYYY-MM-DD; default today. */
  on?: string;
}

export function lineup({ kind, configured, live, configuredIsServed, liveDatesOnly, on }: LineupInput): Lineup {
  const liveById = new Map((live ?? []).map((m) => [m.id, m]));
  const lifecycle: Record<string, Lifecycle> = {};
  const lifeOf = (id: string) => (lifecycle[id] ??= lifecycleOf('image', kind, id, { live: liveDate(liveById.get(id)), on }));

  let candidates: ModelId[];
  if (live && !liveDatesOnly) {
    const listed = [...liveById.keys()].filter((id) => findModel(id));
    // Registry order first (snapshots sit with their model), then ids the registry does not know.
    const known = listed.filter((id) => findModel(id)!.inRegistry).sort((a, b) => MODEL_IDS.indexOf(findModel(a)!.id as never) - MODEL_IDS.indexOf(findModel(b)!.id as never));
    const unknown = listed.filter((id) => !findModel(id)!.inRegistry).sort();
    candidates = [...known, ...unknown].filter((id) => !configured || configured.includes(id) || configured.includes(findModel(id)!.id));
  } else candidates = [...(configured ?? MODEL_IDS)];

  const served = (live !== undefined && !liveDatesOnly) || configuredIsServed;
  const models = candidates.filter((id) => served || lifeOf(id).state !== 'shut-down');
  for (const id of models) lifeOf(id);
  for (const id of MODEL_IDS) if (!models.includes(id)) lifeOf(id);

  // A replacement must be something this provider offers.
  const fallback = models.includes(DEFAULT_MODEL) ? DEFAULT_MODEL : models.find((id) => lifeOf(id).state === 'active') ?? models[0];
  for (const life of Object.values(lifecycle)) {
    if (life.replacement && !models.includes(life.replacement)) life.replacement = fallback;
  }

  const mainModels = MAIN_MODELS.filter((id) => lifecycleOf('main', kind, id, { live: liveDate(liveById.get(id)), on }).state !== 'shut-down');
  const defaultModel = kind === 'azure' ? models[0] : fallback;
  return { models, defaultModel, lifecycle, mainModels, source: live ? 'provider' : 'registry' };
}

/** The refusal for a model this provider does not offer because it is shut down here; undefined otherwise. */
export function shutDownMessage(asked: string, provider: { id: string; models: readonly ModelId[]; lifecycle: Record<string, Lifecycle> }): string | undefined {
  const { models: offered, lifecycle } = provider;
  const spec = findModel(asked);
  const life = lifecycle[asked] ?? (spec ? lifecycle[spec.id] : undefined);
  if (!life || life.state !== 'shut-down' || offered.includes(asked) || (spec && offered.includes(spec.id))) return undefined;
  const instead = life.replacement ? ` Use ${life.replacement} instead` : '';
  return `The model '${asked}' was shut down on ${lifecycleOwner(provider.id)} on ${life.shutdown}.${instead}${instead ? '; your other settings carry over where it takes them.' : ''}`;
}
