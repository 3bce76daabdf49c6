import { z } from "zod";
import { connectorName } from "../../values/fields";
import { secretRefField } from "../../values/secret-ref";
import { evenWithFieldErrors } from "../../values/always";

const PI_ENDPOINT_PATH = "/ERPMWebService/AuthService.svc";
/** NetBIOS domain names: 1-15 characters, no dots or spaces. */
const NETBIOS = /^[A-Za-z0-9!@#$%^&'(){}~_-]{1,15}$/;
const FQDN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

/** `host` or `host:port` (the document's rules use 443; another port is for test rigs and proxies). */
const hostAndPort = z.string().superRefine((value, ctx) => {
  const match = /^([^:/\s]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match || !(FQDN.test(match[1]) || /^\d{1,3}(\.\d{1,3}){3}$/.test(match[1]))) {
    ctx.addIssue({
      code: "custom",
      message: "must be a host name like pra.example.com (optionally :port), without scheme or path",
    });
  } else if (match[2] && (Number(match[2]) < 1 || Number(match[2]) > 65535))
    ctx.addIssue({ code: "custom", message: "port must be 1-65535" });
});

/** "Endpoint URL": the full PI web service URL, https, ending in /ERPMWebService/AuthService.svc. */
const endpointUrl = z.string().superRefine((value, ctx) => {
  if (!URL.canParse(value))
    return void ctx.addIssue({
      code: "custom",
      message: `must be a URL like https://pi.example.com${PI_ENDPOINT_PATH}`,
    });
  const url = new URL(value);
  if (url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "must use https://" });
  if (url.pathname !== PI_ENDPOINT_PATH)
    ctx.addIssue({
      code: "custom",
      message: `must end in ${PI_ENDPOINT_PATH} (the PI SDK web service), e.g. https://${url.host}${PI_ENDPOINT_PATH}`,
    });
  if (url.username || url.password)
    ctx.addIssue({ code: "custom", message: "must not carry credentials; use apiUser and apiPassword" });
});

/** "Map Domains": one `FQDN=NetBIOS` per line (Example.local=EX), each FQDN once. */
export const mapDomains = z.array(z.string()).superRefine((lines, ctx) => {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(line.trim());
    if (!match)
      return void ctx.addIssue({
        code: "custom",
        path: [index],
        message: "must be FQDN=NetBIOS, e.g. Example.local=EX",
      });
    const [, fqdn, netbios] = match;
    if (!FQDN.test(fqdn))
      ctx.addIssue({ code: "custom", path: [index], message: `"${fqdn}" is not a fully qualified domain name` });
    if (!NETBIOS.test(netbios))
      ctx.addIssue({
        code: "custom",
        path: [index],
        message: `"${netbios}" is not a NetBIOS domain name (1-15 characters, no dots or spaces)`,
      });
    if (seen.has(fqdn.toLowerCase()))
      ctx.addIssue({ code: "custom", path: [index], message: `maps ${fqdn} a second time` });
    seen.add(fqdn.toLowerCase());
  });
});

/**
 * "Select your PI version": which spin-job API the plugin calls. The document's version number
 * is cut off; the choice is by API.
 */
export const PI_VERSIONS = ["before-built-in-spin-api", "with-built-in-spin-api"] as const;

/** A text setting of the ECM Configurator, described by its label there and what it is for. */
function setting(label: string, meaning: string) {
  const text = z.string().trim().min(1);
  const description = `"${label}": ${meaning}.`;
  return { string: text.meta({ description }), optionalString: text.optional().meta({ description }) };
}

/** A checkbox of the ECM Configurator: its label, what checking it does, and its default. */
function checkbox(label: string, meaning: string, checked: boolean) {
  const state = checked ? "checked" : "unchecked";
  return z
    .boolean()
    .default(checked)
    .meta({ description: `"${label}": ${meaning} (default ${state}).` });
}

/** The plugin settings of the ECM Configurator, in the document's order. */
const pluginSettings = z
  .strictObject({
    endpointUrl: endpointUrl.meta({
      description: `"Endpoint URL": the PI web service, https://<pi-host>${PI_ENDPOINT_PATH}.`,
    }),
    apiUser: setting("API User", "the PI delegation identity, which may impersonate `impersonates`").string,
    apiPassword: secretRefField.meta({
      description:
        '"API Password": the delegation identity\'s password, as a secret reference (env:NAME or file:PATH).',
    }),
    apiRegistrationKey: secretRefField.meta({
      description:
        '"API Registration Key": the key of the API registration made for the integration, as a secret reference.',
    }),
    authenticator: setting(
      "Authenticator",
      "the delegation identity's authenticator, typically the NetBIOS domain of a domain account; leave out for an explicit account",
    ).optionalString,
    defaultDomainForLocalUsers: setting(
      "Default Domain for Local BeyondTrust Users",
      "PRA users without a domain are first looked up in PI with this domain",
    ).optionalString,
    fallbackToLocalAccount: checkbox(
      "Enable fallback to local account if domain account not found",
      "when no domain account matches, try again without the domain",
      false,
    ),
    globalApprover: setting(
      "Global Approver",
      "the account that approves the integration's credential requests automatically",
    ).string,
    mapDomains: mapDomains.default([]).meta({
      description:
        '"Map Domains": FQDN=NetBIOS lines (Example.local=EX), each FQDN once, to match PRA domain users to PI.',
    }),
    includeSharedCredentialLists: checkbox(
      "Include credentials from Shared Credential Lists",
      "also return endpoint credentials from a shared credential list",
      false,
    ),
    includeRemoteSessionOnlyCredentials: checkbox(
      "Include credentials where user only has Allow Remote Session permission",
      "also return credentials the user may only inject; the API user then checks them out",
      false,
    ),
    filterDomainCredentialsForWindows: checkbox(
      "If host domain is known, filter domain credentials for Windows Jump Items",
      "return only the endpoint domain's credentials",
      true,
    ),
    filterLocalCredentialsForWindows: checkbox(
      "If host domain is known, filter local credentials for Windows Jump Items",
      "match local credentials on the endpoint's FQDN, not its hostname alone",
      false,
    ),
    includeDomainCredentialsForShell: checkbox(
      "Include domain credentials for Shell Jump Items",
      "also return domain credentials to Shell Jump Items, in three formats",
      false,
    ),
    includeDomainCredentialsForWeb: checkbox(
      "Include domain credentials for Web Jump Items",
      "also return domain credentials to Web Jump Items, in three formats",
      false,
    ),
    preferIpLookup: checkbox(
      "Prefer lookup of credentials by IP address over hostname",
      "look credentials up by the endpoint's IP address first, then by hostname",
      false,
    ),
    enableSpinJobs: checkbox(
      "Enable creation of password spin jobs",
      "create a spin job for an auto-spin credential checked out through the integration",
      false,
    ),
    piVersion: z
      .enum(PI_VERSIONS)
      .default("with-built-in-spin-api")
      .meta({
        description:
          '"Select your PI version", by the spin-job API it has: `with-built-in-spin-api` (default) or ' +
          "`before-built-in-spin-api` (then spin jobs need passwordChangeTemplateJobIds).",
      }),
    jobComment: z
      .string()
      .refine((text) => (text.match(/<[^>]*>/g) ?? []).every((p) => p === "<username>"), {
        message: "<username> is the only placeholder the plugin replaces",
      })
      .optional()
      .meta({
        description:
          '"Job Comment" of the spin jobs; `<username>` (the PI identity checking out) is the only placeholder.',
      }),
    passwordChangeTemplateJobIds: z
      .array(z.union([z.number().int().positive(), z.string().regex(/^\d+$/, "must be a numeric job ID")]))
      .default([])
      .meta({
        description:
          '"Password Change Template Job IDs": numeric IDs from PI\'s Jobs list, one per stored credential type; required with ' +
          "enableSpinJobs on a PI version before the built-in spin API.",
      }),
  })
  .superRefine((settings, ctx) => {
    if (
      settings.enableSpinJobs &&
      settings.piVersion === "before-built-in-spin-api" &&
      settings.passwordChangeTemplateJobIds.length === 0
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["passwordChangeTemplateJobIds"],
        message:
          "is required with enableSpinJobs on a PI version before the built-in spin API: one template job per stored credential type",
      });
    }
  }, evenWithFieldErrors);

/** The `pra-privileged-identity` entry of a tenant config (document: "Privileged Identity" PRA integration). */
export const praPrivilegedIdentityConfig = z.strictObject({
  kind: z.literal("pra-privileged-identity").meta({
    description:
      "Not an Insights connector: the PRA Endpoint Credential Manager's Privileged Identity plugin, " +
      "so PRA users get PI credentials injected without seeing them. `register` leaves it alone.",
  }),
  name: connectorName.meta({ description: "A name for this integration, shown in `plan` and its sheet." }),
  /** The B Series appliance: its /login is where the API account is made, and ECM connects to it on 443. */
  praHost: hostAndPort.meta({
    description:
      "The PRA B Series appliance's host (optionally :port): its /login makes the API account, and the ECM " +
      "connects to it on 443.",
  }),
  /** The Windows servers running the ECM; up to three for high availability. */
  ecmHosts: z
    .array(z.string().trim().min(1))
    .min(1)
    .max(3, "at most three ECMs can serve one site")
    .meta({ description: "The Windows servers that run the ECM: one to three, for high availability." }),
  /** The ECM Group, where the site has ECM groups; ECMs without one are in Default. */
  ecmGroup: z.string().trim().min(1).default("Default").meta({
    description: "The ECM Group the API account is bound to, where the site has ECM groups (else Default).",
  }),
  /** Identities or roles the delegation identity may impersonate. */
  impersonates: z
    .array(z.string().trim().min(1))
    .min(1)
    .meta({ description: "PI identities or roles the delegation identity (apiUser) may impersonate." }),
  plugin: pluginSettings.meta({
    description: "The Privileged Identity plugin's settings in the ECM Configurator, named after its labels.",
  }),
});
export type PraPrivilegedIdentityConfig = z.output<typeof praPrivilegedIdentityConfig>;
