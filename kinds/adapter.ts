import type { ConfigOf, EngineOf, KindName, StackKindName } from "../connectors/catalog";
import type { NotRotated, RotationOutputs } from "../lifecycle/credential-created";
import type { EngineAdapter } from "../lifecycle/engines/engine";
import type { KindSynthesis, Load } from "../review/engines";
import type { SourceReader } from "../verify/reading";

export type { Load } from "../review/engines";

/**
 * Everything a kind whose prerequisites a stack provisions brings beside its catalog entry,
 * one piece per layer, each typed by the kind's config and by the engine its catalog entry
 * names. Leaving a piece out fails `tsc`.
 *
 * - `stack` (stacks/): builds the stack, as the engine deploys it and plan synthesizes it;
 * - `extract` (review/extract/): reads the grants back out of the synthesized artifact;
 * - `reader` (verify/readers/): reads the deployed connector back from its source;
 * - `rotation`: which stack outputs carry the credential's times, or that it does not rotate;
 * - `engine` (lifecycle/engines/): deploys and destroys the stack for `up` and `down`.
 *
 * Every piece but the rotation outputs is loaded on first use: the engines' libraries and
 * the vendor SDKs take seconds to load, and plan's synthesis threads need two pieces of one engine.
 */
export interface StackAdapter<K extends StackKindName> extends KindSynthesis<ConfigOf<K>, EngineOf<K>> {
  readonly reader: Load<SourceReader<ConfigOf<K>>>;
  readonly rotation: RotationOutputs<ConfigOf<K>> | NotRotated;
  readonly engine: Load<EngineAdapter<ConfigOf<K>>>;
}

/**
 * The adapter a kind needs, by how its catalog entry provisions it: a stack kind needs every
 * piece of a {@link StackAdapter}; a registration-only, collector or integration kind needs
 * nothing beyond its catalog entry.
 */
export type AdapterOf<K extends KindName> = K extends StackKindName ? StackAdapter<K> : never;

/** The registry's type: one adapter for every stack kind of the catalog, and for nothing else. */
export type AdapterRegistry = { readonly [K in StackKindName]: AdapterOf<K> };

/** An adapter with its kind erased, for code that dispatches on a carrier's kind (its config is that kind's). */
export interface ErasedAdapter {
  readonly stack: Load<unknown>;
  readonly extract: Load<unknown>;
  readonly reader: Load<SourceReader<any>>;
  readonly rotation: RotationOutputs<any> | NotRotated;
  readonly engine: Load<EngineAdapter<any>>;
}
