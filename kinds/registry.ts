import type { KindSyntheses } from "../review/engines";
import type { SourceReader } from "../verify/reading";
import type { AdapterRegistry, ErasedAdapter } from "./adapter";
import { awsAdapter } from "./aws";
import { azureAdapter } from "./azure";
import { gcpAdapter } from "./gcp";
import { githubAdapter } from "./github";
import { oktaAdapter } from "./okta";
import { pingoneAdapter } from "./pingone";

/**
 * One adapter per stack kind of the catalog: the one place a kind's stack, extractors, verify
 * reader, rotation outputs and engine are bound. Its type makes a stack kind without an
 * adapter, an adapter without a piece, or an adapter for a kind without a stack fail `tsc`.
 * Every per-kind table of the lower layers is derived from it and handed down.
 */
export const ADAPTERS = {
  aws: awsAdapter,
  azure: azureAdapter,
  github: githubAdapter,
  gcp: gcpAdapter,
  okta: oktaAdapter,
  pingone: pingoneAdapter,
} as const satisfies AdapterRegistry;

const BY_KIND: Readonly<Record<string, ErasedAdapter>> = ADAPTERS;

/** The adapter of a stack kind; undefined for a kind without a stack (registration-only, collector, integration). */
export function adapterOf(kind: string): ErasedAdapter | undefined {
  return Object.hasOwn(BY_KIND, kind) ? BY_KIND[kind] : undefined;
}

/** What plan synthesizes each stack kind with: each adapter's `stack` and `extract`. */
export const SYNTHESES: KindSyntheses = ADAPTERS;

/**
 * verify's reader of each stack kind. Each reader's module (and the vendor SDK it brings) is
 * loaded on its first read, so verifying one cloud never loads the others' SDKs.
 */
export const READERS: Readonly<Record<string, SourceReader<any>>> = Object.fromEntries(
  Object.entries(BY_KIND).map(([kind, adapter]) => [kind, onFirstRead(kind, adapter.reader)]),
);

function onFirstRead(kind: string, load: ErasedAdapter["reader"]): SourceReader<any> {
  return { kind, read: async (connector, context) => (await load()).read(connector, context) };
}
