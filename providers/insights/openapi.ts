import { z } from "zod";
import type { ApiConnectorKind } from "./api-kind";
import { CONNECTOR_ID_PATTERN } from "./connector-id";
import {
  API_BASE_PATH,
  API_VERSION,
  API_VERSION_HEADER,
  CONNECTIVITY_STATES,
  FINGERPRINT_COST,
  IDEMPOTENCY_HEADER,
} from "./contract";
import { insightsPaths, ref } from "./openapi-paths";

type Json = Record<string, unknown>;

/**
 * A kind's "Create Connector" form as JSON Schema: exactly the kind's registration
 * schema, without the fields typed into the Insights Collector installer.
 */
export function registrationSchema(kind: ApiConnectorKind): Json {
  const { $schema: _drop, ...schema } = z.toJSONSchema(kind.registration.apiSchema, {
    target: "draft-2020-12",
  }) as Json & { properties: Record<string, Json> };
  for (const field of kind.registration.fields.filter((f) => f.enteredIn !== "installer")) {
    const property = schema.properties[field.key];
    property.title = field.label;
    if (field.secret) Object.assign(property, { writeOnly: true, "x-secret": true });
  }
  return { title: `${kind.title} registration`, ...schema };
}

/** The same fields, each optional: what PATCH takes. */
function updateSchema(kind: ApiConnectorKind): Json {
  const { required: _all, ...partial } = registrationSchema(kind);
  return { ...partial, title: `${kind.title} update`, minProperties: 1 };
}

/**
 * The contract is this project's own writing, so it carries the project's license (package.json
 * `license`; a test keeps them equal). OpenAPI 3.1 names it by SPDX `identifier` (Info Object,
 * License Object); Redocly's recommended ruleset warns without one (`info-license`).
 */
export const CONTRACT_LICENSE = { name: "Apache License 2.0", identifier: "Apache-2.0" } as const;

/** Builds the whole OpenAPI 3.1 document for these kinds; `npm run openapi` writes it to `openapi.yaml`. */
export function insightsOpenApi(kinds: readonly ApiConnectorKind[]): Json {
  const paths = insightsPaths(kinds);
  const schemas: Json = {};
  for (const kind of kinds) {
    schemas[`Registration.${kind.kind}`] = registrationSchema(kind);
    schemas[`Update.${kind.kind}`] = updateSchema(kind);
  }
  Object.assign(schemas, {
    ConnectorUpdate: { anyOf: kinds.map((k) => ref(`Update.${k.kind}`)) },
    Connector: {
      type: "object",
      additionalProperties: false,
      required: [
        "id",
        "kind",
        "name",
        "enabled",
        "connectivity",
        "connectionPoint",
        "settings",
        "secretFingerprints",
        "fingerprintSalt",
        "createdAt",
        "updatedAt",
        "lastActivityAt",
      ],
      properties: {
        id: ref("ConnectorId"),
        kind: { enum: kinds.map((k) => k.kind) },
        name: { type: "string", minLength: 1 },
        enabled: { type: "boolean" },
        connectivity: { enum: [...CONNECTIVITY_STATES] },
        connectionPoint: { type: "string" },
        settings: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "The form's non-secret fields",
        },
        secretFingerprints: {
          type: "object",
          additionalProperties: { type: "string", pattern: "^scrypt:[A-Za-z0-9_-]{43}$" },
          "x-assumption":
            "scrypt (N=2^fingerprintCost, r=8, p=1, 32 bytes) of `<field>\\n<value>` salted with fingerprintSalt: " +
            "lets a client tell whether a secret changed " +
            "without the API returning it, and resists offline guessing.",
        },
        fingerprintSalt: {
          type: "string",
          pattern: "^[A-Za-z0-9_-]{22,}$",
          "x-assumption":
            "A random salt per connector (base64url, at least 16 bytes), " +
            "chosen by the server when the connector is created.",
        },
        fingerprintCost: {
          type: "integer",
          minimum: FINGERPRINT_COST.min,
          maximum: FINGERPRINT_COST.max,
          description: `scrypt's N of secretFingerprints as log2; ${FINGERPRINT_COST.default} (N=16384) when absent`,
          "x-assumption":
            "The server states the cost with the salt, as a password hash keeps its parameters, " +
            "so it can raise the cost without breaking clients; clients refuse any cost outside the bounds.",
        },
        createdAt: { type: "string", format: "date-time" },
        updatedAt: { type: "string", format: "date-time" },
        lastActivityAt: { type: "string", format: "date-time" },
        installation: {
          type: "object",
          additionalProperties: false,
          required: ["key", "installerUrl"],
          properties: { key: { type: "string", writeOnly: false }, installerUrl: { type: "string" } },
          description:
            "Insights Collector kinds (Active Directory, Password Safe on-premises): " +
            "the installation key and installer link",
        },
      },
    },
    ConnectorId: {
      type: "string",
      pattern: CONNECTOR_ID_PATTERN,
      "x-assumption":
        "An opaque token of letters, digits, - and _ (a UUID in the emulator). A client refuses any other id " +
        "before using it in a path, a file name or a message, and a server never issues one.",
    },
    ConnectorList: {
      type: "object",
      additionalProperties: false,
      required: ["items"],
      properties: { items: { type: "array", items: ref("Connector") } },
    },
    Connectivity: {
      type: "object",
      additionalProperties: false,
      required: ["state", "checkedAt"],
      properties: { state: { enum: [...CONNECTIVITY_STATES] }, checkedAt: { type: "string", format: "date-time" } },
      "x-assumption":
        '"Checking" stands for the first check after a create or update; the console shows it as a spinner.',
    },
    ActivityList: {
      type: "object",
      additionalProperties: false,
      required: ["items"],
      properties: {
        items: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["at", "type", "message"],
            properties: {
              at: { type: "string", format: "date-time" },
              type: { enum: ["created", "updated", "enabled", "disabled", "connectivity"] },
              message: { type: "string" },
            },
          },
        },
      },
    },
    AwsExternalId: {
      type: "object",
      additionalProperties: false,
      required: ["externalId"],
      properties: { externalId: { type: "string", minLength: 2 } },
    },
    Problem: {
      type: "object",
      required: ["title"],
      properties: {
        title: { type: "string" },
        detail: { type: "string" },
        errors: {
          type: "array",
          items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } },
        },
      },
      "x-assumption": "RFC 9457 problem details.",
    },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "BeyondTrust Identity Security Insights connector API (written contract)",
      version: API_VERSION,
      description:
        "No public API for Insights connectors exists. " +
        "This contract is what insights-connectors' http adapter speaks and its emulator serves. " +
        "Everything not taken from the connectors guide is marked x-assumption, to be corrected here in one place.",
      "x-generated-by": "providers/insights/openapi.ts (npm run openapi); do not edit by hand",
      license: CONTRACT_LICENSE,
    },
    servers: [
      {
        url: `https://{tenantHost}${API_BASE_PATH}`,
        variables: { tenantHost: { default: "app.beyondtrust.io" } },
        "x-assumption":
          "Base path modeled on BeyondTrust's public platform APIs; " +
          "the tenant host is the one the Insights console runs on.",
      },
    ],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          "x-assumption":
            "An API token issued per site, as BeyondTrust's platform APIs use; sent as Authorization: Bearer.",
        },
      },
      parameters: {
        siteId: {
          name: "siteId",
          in: "path",
          required: true,
          schema: { type: "string", format: "uuid" },
          "x-assumption": "Site ID in the path, as BeyondTrust's platform APIs do.",
        },
        connectorId: { name: "connectorId", in: "path", required: true, schema: ref("ConnectorId") },
        apiVersion: {
          name: API_VERSION_HEADER,
          in: "header",
          required: true,
          schema: { const: API_VERSION },
          "x-assumption": "Versioned header, as BeyondTrust's platform APIs use.",
        },
        idempotencyKey: {
          name: IDEMPOTENCY_HEADER,
          in: "header",
          required: true,
          schema: { type: "string", minLength: 16, maxLength: 128 },
          "x-assumption":
            "Creates are idempotent per key for 24 h, so a retried create never makes a second connector.",
        },
      },
      schemas,
    },
  };
}
