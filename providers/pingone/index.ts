import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { BoundDataSource, BoundProvider, BoundResource, type TerraformProviderBinding } from "../terraform/binding";

/**
 * The parts of the official `pingidentity/pingone` Terraform provider (1.x) the PingOne
 * stack uses, bound by hand: there is no prebuilt cdktf package. Arguments follow the
 * provider's own examples (`examples/resources/pingone_application/resource-worker.tf`,
 * `pingone_application_role_assignment/resource-environment.tf`, `data-sources/pingone_role`),
 * and test/providers/schema-conformance.test.ts holds every argument the stack writes to
 * `schema-excerpt.json`, an excerpt of the provider's published docs (repository and commit inside).
 */
export const PINGONE: TerraformProviderBinding = {
  name: "pingone",
  source: "pingidentity/pingone",
  versionConstraint: "~> 1.0",
};

/** Region codes the provider takes (`region_code`, or `PINGONE_REGION_CODE`). */
export type PingOneRegionCode = "NA" | "EU" | "CA" | "AP";

export interface PingoneProviderConfig {
  /** Region of the environment the deploying worker app lives in. */
  readonly regionCode: PingOneRegionCode;
}

/**
 * The provider block. The deploying worker app's credentials come from
 * `PINGONE_CLIENT_ID`, `PINGONE_CLIENT_SECRET` and `PINGONE_ENVIRONMENT_ID`, never from code.
 */
export class PingoneProvider extends BoundProvider {
  constructor(scope: Construct, id: string, config: PingoneProviderConfig) {
    super(scope, id, PINGONE, { region_code: config.regionCode });
  }
}

export interface WorkerApplicationConfig extends TerraformMetaArguments {
  readonly environmentId: string;
  readonly name: string;
  readonly description?: string;
  readonly enabled: boolean;
  /** How the app authenticates at the token endpoint. */
  readonly tokenEndpointAuthMethod: "CLIENT_SECRET_BASIC" | "CLIENT_SECRET_POST";
}

/**
 * `pingone_application` with `oidc_options.type = "WORKER"` and the client credentials grant.
 *
 * Provider behaviour: PingOne gives a worker app created through its API the creator's own
 * admin roles unless the request sets `assignActorRoles: false` (PingOne, "Configuring roles for
 * a worker application"). The provider always sends false (internal/service/sso/resource_application.go,
 * expandApplicationOIDC, commit cef5208af78019b95a0146818839f63237659b4e), so the app holds only
 * the role assignments the stack declares, which are the grants `plan` shows.
 */
export class WorkerApplication extends BoundResource {
  static readonly tfResourceType = "pingone_application";

  constructor(scope: Construct, id: string, config: WorkerApplicationConfig) {
    const { environmentId, name, description, enabled, tokenEndpointAuthMethod, ...meta } = config;
    super(
      scope,
      id,
      PINGONE,
      WorkerApplication.tfResourceType,
      {
        environment_id: environmentId,
        name,
        description,
        enabled,
        oidc_options: {
          type: "WORKER",
          grant_types: ["CLIENT_CREDENTIALS"],
          token_endpoint_auth_method: tokenEndpointAuthMethod,
        },
      },
      meta,
    );
  }

  /** The application ID, which is also its OAuth client ID. */
  get applicationId(): string {
    return this.getStringAttribute("id");
  }
}

export interface ApplicationSecretConfig extends TerraformMetaArguments {
  readonly environmentId: string;
  readonly applicationId: string;
  /** When any value changes, the provider regenerates the secret (e.g. a `time_rotating` timestamp). */
  readonly regenerateTriggerValues?: Record<string, string>;
  /**
   * RFC 3339 time until which the replaced secret keeps working after a regeneration
   * (`previous.expires_at`, a nested attribute; PingOne accepts 1 minute to 30 days ahead).
   * @default the replaced secret stops working at once
   */
  readonly previousExpiresAt?: string;
}

/** `pingone_application_secret`: reads (and can regenerate) an application's client secret. */
export class ApplicationSecret extends BoundResource {
  static readonly tfResourceType = "pingone_application_secret";

  constructor(scope: Construct, id: string, config: ApplicationSecretConfig) {
    const { environmentId, applicationId, regenerateTriggerValues, previousExpiresAt, ...meta } = config;
    super(
      scope,
      id,
      PINGONE,
      ApplicationSecret.tfResourceType,
      {
        environment_id: environmentId,
        application_id: applicationId,
        regenerate_trigger_values: regenerateTriggerValues,
        previous: previousExpiresAt === undefined ? undefined : { expires_at: previousExpiresAt },
      },
      meta,
    );
  }

  /** The client secret; sensitive in the provider's schema, and only ever a sensitive output here. */
  get secret(): string {
    return this.getStringAttribute("secret");
  }
}

export interface ApplicationRoleAssignmentConfig extends TerraformMetaArguments {
  readonly environmentId: string;
  readonly applicationId: string;
  readonly roleId: string;
  /** Scope the role to one environment (the other scopes — organization, population — are not used here). */
  readonly scopeEnvironmentId: string;
}

/** `pingone_application_role_assignment`, environment-scoped. */
export class ApplicationRoleAssignment extends BoundResource {
  static readonly tfResourceType = "pingone_application_role_assignment";

  constructor(scope: Construct, id: string, config: ApplicationRoleAssignmentConfig) {
    const { environmentId, applicationId, roleId, scopeEnvironmentId, ...meta } = config;
    super(
      scope,
      id,
      PINGONE,
      ApplicationRoleAssignment.tfResourceType,
      {
        environment_id: environmentId,
        application_id: applicationId,
        role_id: roleId,
        scope_environment_id: scopeEnvironmentId,
      },
      meta,
    );
  }
}

/** `data "pingone_role"`: a built-in role looked up by its exact name. */
export class DataPingoneRole extends BoundDataSource {
  static readonly tfResourceType = "pingone_role";

  constructor(scope: Construct, id: string, config: { readonly name: string } & TerraformMetaArguments) {
    const { name, ...meta } = config;
    super(scope, id, PINGONE, DataPingoneRole.tfResourceType, { name }, meta);
  }

  get roleId(): string {
    return this.getStringAttribute("id");
  }
}
