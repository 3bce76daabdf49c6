import {
  TerraformDataSource,
  TerraformProvider,
  TerraformResource,
  Tokenization,
  type TerraformMetaArguments,
} from "cdktf";
import type { Construct } from "constructs";

/**
 * Typed bindings for Terraform providers with no prebuilt cdktf package (azurerm's
 * is hundreds of megabytes for the one resource we need; PingOne has none). A binding names the
 * provider once; each resource class types its own arguments and hands them here
 * in Terraform's snake_case.
 */
export interface TerraformProviderBinding {
  /** Local name, e.g. `azurerm`. */
  readonly name: string;
  /** Registry source, e.g. `hashicorp/azurerm`. */
  readonly source: string;
  /** Version constraint written to `required_providers`. */
  readonly versionConstraint: string;
}

/** Arguments in Terraform's own names; `undefined` ones are left out. */
export type TerraformArguments = Readonly<Record<string, unknown>>;

/** Nested blocks (`features {}`), each as one object or a list of them. */
export type TerraformBlocks = Readonly<Record<string, TerraformArguments | readonly TerraformArguments[]>>;

function defined(values: TerraformArguments): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function asBlockList(block: TerraformArguments | readonly TerraformArguments[]): Record<string, unknown>[] {
  return (Array.isArray(block) ? block : [block]).map((entry) => defined(entry));
}

/** The HCL synthesizer's description of one argument (`cdktf synth --hcl`). */
function hclArgument(value: unknown): Record<string, unknown> {
  if (Array.isArray(value)) return { value, isBlock: false, type: "list", storageClassType: "stringList" };
  if (typeof value === "object" && value !== null && !Tokenization.isResolvable(value)) {
    return { value, isBlock: false, type: "map", storageClassType: "stringMap" };
  }
  const storageClassType = typeof value === "boolean" ? "boolean" : typeof value === "number" ? "number" : "string";
  return { value, isBlock: false, type: "simple", storageClassType };
}

function synthesizeJson(args: TerraformArguments, blocks: TerraformBlocks): Record<string, unknown> {
  const synthesized = defined(args);
  for (const [name, block] of Object.entries(blocks)) synthesized[name] = asBlockList(block);
  return synthesized;
}

function synthesizeHcl(args: TerraformArguments, blocks: TerraformBlocks): Record<string, unknown> {
  const synthesized: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(defined(args))) synthesized[name] = hclArgument(value);
  for (const [name, block] of Object.entries(blocks)) {
    synthesized[name] = { value: asBlockList(block), isBlock: true, type: "list", storageClassType: "object" };
  }
  return synthesized;
}

/** A provider block for a bound provider. */
export class BoundProvider extends TerraformProvider {
  constructor(
    scope: Construct,
    id: string,
    binding: TerraformProviderBinding,
    private readonly args: TerraformArguments = {},
    private readonly blocks: TerraformBlocks = {},
  ) {
    super(scope, id, {
      terraformResourceType: binding.name,
      terraformGeneratorMetadata: { providerName: binding.name, providerVersionConstraint: binding.versionConstraint },
      terraformProviderSource: binding.source,
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return synthesizeJson(this.args, this.blocks);
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return synthesizeHcl(this.args, this.blocks);
  }
}

/** A resource of a bound provider; subclasses add typed arguments and attributes. */
export abstract class BoundResource extends TerraformResource {
  protected constructor(
    scope: Construct,
    id: string,
    binding: TerraformProviderBinding,
    resourceType: string,
    private readonly args: TerraformArguments,
    meta: TerraformMetaArguments = {},
    private readonly blocks: TerraformBlocks = {},
  ) {
    super(scope, id, {
      ...meta,
      terraformResourceType: resourceType,
      terraformGeneratorMetadata: { providerName: binding.name, providerVersionConstraint: binding.versionConstraint },
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return synthesizeJson(this.args, this.blocks);
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return synthesizeHcl(this.args, this.blocks);
  }
}

/** A data source of a bound provider; subclasses add typed arguments and attributes. */
export abstract class BoundDataSource extends TerraformDataSource {
  protected constructor(
    scope: Construct,
    id: string,
    binding: TerraformProviderBinding,
    dataSourceType: string,
    private readonly args: TerraformArguments,
    meta: TerraformMetaArguments = {},
  ) {
    super(scope, id, {
      ...meta,
      terraformResourceType: dataSourceType,
      terraformGeneratorMetadata: { providerName: binding.name, providerVersionConstraint: binding.versionConstraint },
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return synthesizeJson(this.args, {});
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return synthesizeHcl(this.args, {});
  }
}
