import type { PlannedValue } from "../kind";
import { fromConfig } from "../planned-value";
import { defineForm, plainText, secretText, type FormField } from "../registration-form";
import type { PraPrivilegedIdentityConfig } from "./config";

const optional = (field: FormField): FormField => ({ ...field, optional: true });

/** The ECM Configurator's plugin settings, in the document's table order. */
export const piPluginSettingsForm = defineForm([
  plainText("endpointUrl", "Endpoint URL"),
  plainText("apiUser", "API User"),
  secretText("apiPassword", "API Password"),
  secretText("apiRegistrationKey", "API Registration Key"),
  optional(plainText("authenticator", "Authenticator")),
  optional(plainText("defaultDomainForLocalUsers", "Default Domain for Local BeyondTrust Users")),
  plainText("fallbackToLocalAccount", "Enable fallback to local account if domain account not found"),
  plainText("globalApprover", "Global Approver"),
  optional(plainText("mapDomains", "Map Domains")),
  plainText("includeSharedCredentialLists", "Include credentials from Shared Credential Lists"),
  plainText(
    "includeRemoteSessionOnlyCredentials",
    "Include credentials where user only has Allow Remote Session permission",
  ),
  plainText(
    "filterDomainCredentialsForWindows",
    "If host domain is known, filter domain credentials for Windows Jump Items",
  ),
  plainText(
    "filterLocalCredentialsForWindows",
    "If host domain is known, filter local credentials for Windows Jump Items",
  ),
  plainText("includeDomainCredentialsForShell", "Include domain credentials for Shell Jump Items"),
  plainText("includeDomainCredentialsForWeb", "Include domain credentials for Web Jump Items"),
  plainText("preferIpLookup", "Prefer lookup of credentials by IP address over hostname"),
  plainText("enableSpinJobs", "Enable creation of password spin jobs"),
  plainText("piVersion", "Select your PI version"),
  optional(plainText("jobComment", "Job Comment")),
  optional(plainText("passwordChangeTemplateJobIds", "Password Change Template Job IDs")),
]);

const checkbox = (on: boolean): PlannedValue => ({ from: "config", value: on ? "checked" : "unchecked" });

export function piPluginSettingsPlanned(config: PraPrivilegedIdentityConfig): Record<string, PlannedValue> {
  const p = config.plugin;
  const text = (value: string | undefined): PlannedValue | undefined =>
    value === undefined ? undefined : { from: "config", value };
  const entries: [string, PlannedValue | undefined][] = [
    ["endpointUrl", text(p.endpointUrl)],
    ["apiUser", text(p.apiUser)],
    ["apiPassword", fromConfig(p.apiPassword)],
    ["apiRegistrationKey", fromConfig(p.apiRegistrationKey)],
    ["authenticator", text(p.authenticator)],
    ["defaultDomainForLocalUsers", text(p.defaultDomainForLocalUsers)],
    ["fallbackToLocalAccount", checkbox(p.fallbackToLocalAccount)],
    ["globalApprover", text(p.globalApprover)],
    ["mapDomains", p.mapDomains.length ? text(p.mapDomains.join("\n")) : undefined],
    ["includeSharedCredentialLists", checkbox(p.includeSharedCredentialLists)],
    ["includeRemoteSessionOnlyCredentials", checkbox(p.includeRemoteSessionOnlyCredentials)],
    ["filterDomainCredentialsForWindows", checkbox(p.filterDomainCredentialsForWindows)],
    ["filterLocalCredentialsForWindows", checkbox(p.filterLocalCredentialsForWindows)],
    ["includeDomainCredentialsForShell", checkbox(p.includeDomainCredentialsForShell)],
    ["includeDomainCredentialsForWeb", checkbox(p.includeDomainCredentialsForWeb)],
    ["preferIpLookup", checkbox(p.preferIpLookup)],
    ["enableSpinJobs", checkbox(p.enableSpinJobs)],
    [
      "piVersion",
      text(
        p.piVersion === "with-built-in-spin-api"
          ? "a version with the built-in spin API"
          : "a version before the built-in spin API",
      ),
    ],
    ["jobComment", text(p.jobComment)],
    [
      "passwordChangeTemplateJobIds",
      p.passwordChangeTemplateJobIds.length ? text(p.passwordChangeTemplateJobIds.join(", ")) : undefined,
    ],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, PlannedValue] => e[1] !== undefined));
}
