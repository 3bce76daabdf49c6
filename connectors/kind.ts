import type { z } from "zod";
import type { SecretRef } from "../values/secret-ref";
import type { Grant } from "./grant";
import type { RegistrationForm } from "./registration-form";
import type { SecretHosts } from "./secret-hosts";

/**
 * The engines that apply a stack, each spelled once: the catalog names a kind's engine with
 * one of these, and plan, the adapters (kinds/) and `up` key their engine tables by it.
 */
export const ENGINE_NAMES = ["aws-cdk", "cdktf", "pulumi", "github-app-manifest"] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** A stack this toolkit builds, applied by engine `E`. */
export interface StackProvisioning<E extends EngineName = EngineName> {
  readonly mode: "stack";
  /** The engine that applies the stack. */
  readonly engine: E;
  /** Folder of the stack in this repo. */
  readonly stack: string;
  readonly summary: string;
}

/** How a connector's prerequisites come into being. */
export type Provisioning =
  | StackProvisioning
  | {
      /** An administrator creates the API account in the product's admin UI; the toolkit only registers it. */
      readonly mode: "registration-only";
      readonly summary: string;
    }
  | {
      /** Registration returns an installation key for the Insights Collector. */
      readonly mode: "collector-install";
      readonly summary: string;
    }
  | {
      /** Not an Insights connector: an integration between BeyondTrust products, set up beside them (sheet, checks). */
      readonly mode: "integration";
      readonly summary: string;
    };

/**
 * How a kind is provisioned, as its type states it: the engine of its stack, or a mode
 * without one. The registry of adapters (kinds/) reads it to know which pieces a kind needs.
 */
export type ProvisionedBy = EngineName | Exclude<Provisioning["mode"], "stack">;

/** The provisioning a kind provisioned by `H` declares. */
export type ProvisioningBy<H extends ProvisionedBy> = H extends EngineName
  ? StackProvisioning<H>
  : Extract<Provisioning, { readonly mode: H }>;

/** Where the value of one registration form field comes from, as a plan shows it. */
export type PlannedValue =
  | { readonly from: "config"; readonly value: string }
  | { readonly from: "secret"; readonly ref: string }
  | { readonly from: "output"; readonly output: string }
  | { readonly from: "insights"; readonly note: string };

/**
 * What a plan reader must do or know beyond the grants: a step done by hand, a temporary
 * privilege the deploy needs, or what an opt-out leaves Insights unable to see.
 */
export interface PlanNotice {
  readonly kind: "step" | "elevation" | "reduced-coverage";
  readonly text: string;
  /** Guide section or vendor page the notice comes from. */
  readonly origin: string;
}

/** Fields every connector entry of the tenant config has. */
export interface ConnectorConfigBase {
  readonly kind: string;
  readonly name: string;
}

/**
 * A kind's config schema: an object schema whose `kind` literal lets the tenant config
 * pick it by discriminator, and whose output type is the kind's config.
 */
export type KindConfigSchema<C> = z.ZodType<C, any> & z.core.$ZodTypeDiscriminable;

/** A config value that may be a literal or a reference (client IDs). */
export type LiteralOrRef = string | SecretRef;

/**
 * One connector kind of the catalog: everything stacks, plan, diff, verify and the
 * registration stage need to know about it, and nothing engine-specific. `C` is its config;
 * `H` says how it is provisioned (`"cdktf"`, `"registration-only"`, …), so the registry of
 * adapters (kinds/) knows at compile time which pieces the kind needs.
 */
export interface ConnectorKind<
  C extends ConnectorConfigBase = ConnectorConfigBase,
  H extends ProvisionedBy = ProvisionedBy,
> {
  /** The `kind:` value in the tenant config. */
  readonly kind: C["kind"];
  /** The label beside "Create Connector" in the Insights console. */
  readonly title: string;
  /** Guide section that describes this connector. */
  readonly guideSection: string;
  readonly provisioning: ProvisioningBy<H>;
  /** Schema of this kind's entry in the tenant config. */
  readonly config: KindConfigSchema<C>;
  /** The Insights "Create Connector" form. */
  readonly registration: RegistrationForm;
  /** Where each form field's value comes from for a given config (never resolves secrets). */
  plannedRegistration(config: C): Record<string, PlannedValue>;
  /** Every permission this connector needs for a given config. */
  grants(config: C): Grant[];
  /**
   * Where the connector's secrets go besides the Insights API: the source's hosts Insights
   * sends the form's secrets (or tokens made with them) to, destinations of secret references
   * outside the form, and the operator's credentials the engine or verify send to a configured host.
   */
  secretHosts(config: C): SecretHosts;
  /**
   * The config fields that decide who may act as the stack's identities, so `diff` can name the
   * line of a trust, boundary or session change; absent: the connector's entry is named.
   */
  readonly trustFields?: { readonly principal?: string; readonly boundary?: string; readonly session?: string };
  /** Steps, elevations and reduced coverage a plan states for a given config. */
  readonly notices?: (config: C) => PlanNotice[];
  /**
   * Set when the console offers no Turn Off for this kind (Active Directory): the reason
   * `connector off` and the emulator give, and the guide section it comes from.
   */
  readonly cannotTurnOff?: { readonly reason: string; readonly origin: string };
  /**
   * What a deploy needs from Insights before it runs. `awsExternalId`: the value the AWS
   * connection panel hands out for the role's trust policy; `up` asks the connector API for it,
   * and for a tenant without one (`sheet`) reads the config reference this returns.
   */
  readonly needsFromInsights?: { readonly awsExternalId: (config: C) => SecretRef };
  /**
   * How the credential rotates by overlap: through two key slots that `up` walks (new key
   * added, registered, then the old one removed), or inside the engine's own apply.
   */
  readonly credentialRotation?: { readonly credential: string; readonly by: "key-slots" | "apply" };
  /** What offboarding (`down`) cannot remove, why, and the page that says so. */
  readonly leftAfterOffboarding?: { readonly what: string; readonly why: string; readonly origin: string };
  /** A sheet of its own, when the generic "fill in this form" sheet does not fit (integrations). */
  readonly sheet?: (tenant: string, config: C) => string;
}

/** Console path shared by every kind (guide, "Add a … Connector", step 1); integrations name their own. */
export function consolePath(kind: Pick<ConnectorKind, "title" | "provisioning">): string {
  if (kind.provisioning.mode === "integration")
    return `ECM Configurator > plugin settings (gear icon) for ${kind.title}`;
  return `Menu > Connectors > Available > Create Connector beside ${kind.title}`;
}
