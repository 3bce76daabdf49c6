import { z } from "zod";
import { CATALOG, KIND_NAMES } from "../connectors/catalog";
import { guid, httpsUrlField, tenantName } from "../values/fields";
import { evenWithFieldErrors } from "../values/always";
import { crossCheck } from "./cross-checks";
import { secretRefField } from "../values/secret-ref";

/** Insights API base URL: https, or plain http only on this machine (the emulator). */
const insightsUrl = httpsUrlField("https://app.beyondtrust.io", { loopbackHttp: true });

/** Where a tenant's connectors are registered. */
export const insightsTargetSchema = z
  .strictObject({
    adapter: z.enum(["http", "sheet", "emulator"], { error: "must be one of http, sheet, emulator" }).meta({
      description:
        "How connectors reach Insights: `http` calls the tenant's connector API (needs url, siteId, token); " +
        "`sheet` writes a step-by-step sheet per connector to fill in the console; `emulator` talks to " +
        "`insights-connectors emulator` on this machine.",
    }),
    url: insightsUrl.optional().meta({
      description:
        "Base URL of the Insights API, e.g. https://app.beyondtrust.io (required with `http`). Plain http only " +
        "to 127.0.0.1 or localhost; with `emulator`, where the emulator listens (default http://127.0.0.1:8080).",
    }),
    siteId: guid.optional().meta({
      description: "The Insights site's ID (a GUID), sent in every API path (required with `http`).",
    }),
    token: secretRefField.optional().meta({
      description:
        "The Insights API token, as a secret reference (`env:NAME` or `file:PATH`), sent as a bearer token " +
        "(required with `http`); read only when a command calls the API.",
    }),
  })
  .superRefine((value, ctx) => {
    if (value.adapter !== "http") return;
    for (const field of ["url", "siteId", "token"] as const) {
      if (value[field] === undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "is required with adapter: http" });
      }
    }
  }, evenWithFieldErrors);

const [firstKind, ...otherKinds] = CATALOG.map((k) => k.config);
const connector = z.discriminatedUnion("kind", [firstKind, ...otherKinds], {
  error: () => `must be one of: ${KIND_NAMES.join(", ")}`,
});

/** One tenant: its Insights target and its connectors. */
export const tenantSchema = z.strictObject({
  name: tenantName.meta({
    description:
      "The tenant's name in commands (`--tenant`) and the prefix of its stack names (`<tenant>-aws`): " +
      "1-40 characters of a-z, 0-9 and '-', starting with a letter.",
  }),
  insights: insightsTargetSchema.meta({ description: "Where and how this tenant's connectors are registered." }),
  connectors: z.array(connector).meta({
    description: "The tenant's connectors, one entry per source; `kind` says which (docs/tenant-config.md).",
  }),
});

/** The whole tenant config file (shared/CONFIG.md). */
export const tenantConfigSchema = z
  .strictObject({
    version: z.literal(1, { error: "must be 1" }).meta({ description: "The config format's version: 1." }),
    tenants: z.array(tenantSchema).min(1, "must list at least one tenant").meta({
      description: "One entry per Identity Security Insights tenant (at least one).",
    }),
  })
  .superRefine((value, ctx) => {
    for (const issue of crossCheck(value.tenants))
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
  }, evenWithFieldErrors);
