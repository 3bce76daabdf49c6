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
    adapter: z.enum(["http", "sheet", "emulator"], { error: "must be one of http, sheet, emulator" }),
    url: insightsUrl.optional(),
    siteId: guid.optional(),
    token: secretRefField.optional(),
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
  name: tenantName,
  insights: insightsTargetSchema,
  connectors: z.array(connector),
});

/** The whole tenant config file (shared/CONFIG.md). */
export const tenantConfigSchema = z
  .strictObject({
    version: z.literal(1, { error: "must be 1" }),
    tenants: z.array(tenantSchema).min(1, "must list at least one tenant"),
  })
  .superRefine((value, ctx) => {
    for (const issue of crossCheck(value.tenants))
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
  }, evenWithFieldErrors);
