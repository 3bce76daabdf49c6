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

/** The plugin settings of the ECM Configurator, in the document's order. */
const pluginSettings = z
  .strictObject({
    endpointUrl,
    apiUser: z.string().trim().min(1),
    apiPassword: secretRefField,
    apiRegistrationKey: secretRefField,
    authenticator: z.string().trim().min(1).optional(),
    defaultDomainForLocalUsers: z.string().trim().min(1).optional(),
    fallbackToLocalAccount: z.boolean().default(false),
    globalApprover: z.string().trim().min(1),
    mapDomains: mapDomains.default([]),
    includeSharedCredentialLists: z.boolean().default(false),
    includeRemoteSessionOnlyCredentials: z.boolean().default(false),
    filterDomainCredentialsForWindows: z.boolean().default(true),
    filterLocalCredentialsForWindows: z.boolean().default(false),
    includeDomainCredentialsForShell: z.boolean().default(false),
    includeDomainCredentialsForWeb: z.boolean().default(false),
    preferIpLookup: z.boolean().default(false),
    enableSpinJobs: z.boolean().default(false),
    piVersion: z.enum(PI_VERSIONS).default("with-built-in-spin-api"),
    jobComment: z
      .string()
      .refine((text) => (text.match(/<[^>]*>/g) ?? []).every((p) => p === "<username>"), {
        message: "<username> is the only placeholder the plugin replaces",
      })
      .optional(),
    passwordChangeTemplateJobIds: z
      .array(z.union([z.number().int().positive(), z.string().regex(/^\d+$/, "must be a numeric job ID")]))
      .default([]),
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
  kind: z.literal("pra-privileged-identity"),
  name: connectorName,
  /** The B Series appliance: its /login is where the API account is made, and ECM connects to it on 443. */
  praHost: hostAndPort,
  /** The Windows servers running the ECM; up to three for high availability. */
  ecmHosts: z.array(z.string().trim().min(1)).min(1).max(3, "at most three ECMs can serve one site"),
  /** The ECM Group, where the site has ECM groups; ECMs without one are in Default. */
  ecmGroup: z.string().trim().min(1).default("Default"),
  /** Identities or roles the delegation identity may impersonate. */
  impersonates: z.array(z.string().trim().min(1)).min(1),
  plugin: pluginSettings,
});
export type PraPrivilegedIdentityConfig = z.output<typeof praPrivilegedIdentityConfig>;
