import { z } from "zod";
import { isLoopbackHost } from "./loopback";

/**
 * Field validators for the tenant config: each encodes one rule the connectors guide
 * implies, with a message that says what to write instead. Messages never echo values
 * that could be secret.
 */

/**
 * Characters a name must not hold: control characters (NUL, escapes), U+FFFD (what a
 * lossy decoder leaves of bytes that were not UTF-8) and the bidirectional overrides
 * that make text display in another order than it reads.
 */
const UNPRINTABLE = /[\p{Cc}\uFFFD\u202A-\u202E\u2066-\u2069]/u;

/** A human-readable connector name as typed into the console's Name field. */
export const connectorName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .refine((name) => !UNPRINTABLE.test(name), {
    message: "must not contain control characters, U+FFFD or bidirectional overrides (it is shown in the console)",
  })
  .meta({
    description:
      "The connector's name in Insights (the console's Name field), up to 100 characters; `register` finds the " +
      "connector by kind and name. With several connectors of one kind in a tenant, it also names their stacks.",
  });

/** Tenant names prefix stack names, and CloudFormation stack names must start with a letter. */
export const tenantName = z
  .string()
  .regex(
    /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
    "must be 1-40 characters of a-z, 0-9 and '-', start with a letter and not end with '-' (it prefixes stack names)",
  );

export const awsAccountId = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account ID");

/** AWS Organizations root IDs, as shown under Organizations > AWS accounts > Root details. */
export const rootOrgUnitId = z
  .string()
  .regex(/^r-[0-9a-z]{4,32}$/, "must be an AWS Organizations root ID like r-ab12 (r- then 4-32 of 0-9, a-z)");

/** The principal Insights assumes the role from: an account root or a role/user ARN. */
export const iamPrincipalArn = z
  .string()
  .regex(
    /^arn:aws(?:-us-gov|-cn)?:iam::\d{12}:(?:root|role\/[\w+=,.@/-]{1,512}|user\/[\w+=,.@/-]{1,512})$/,
    "must be an IAM principal ARN like arn:aws:iam::222222222222:root or arn:aws:iam::222222222222:role/Name",
  );

export const iamRoleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name: 1-64 of letters, digits and +=,.@_-");

export const iamPolicyArn = z
  .string()
  .regex(
    /^arn:aws(?:-us-gov|-cn)?:iam::(?:\d{12}|aws):policy\/[\w+=,.@/-]{1,512}$/,
    "must be an IAM policy ARN like arn:aws:iam::111111111111:policy/Boundary",
  );

/** Entra tenant IDs and PingOne environment IDs are GUIDs. */
export const guid = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    "must be a GUID like 0f5b7c1e-0000-4000-8000-000000000001",
  );

export const gcpOrganizationId = z
  .string()
  .regex(/^[1-9]\d{0,19}$/, "must be a numeric GCP organization ID (gcloud organizations list)");

/** Google's project ID rules: 6-30 chars, lowercase letters, digits, hyphens; starts with a letter. */
export const gcpProjectId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    "must be a GCP project ID: 6-30 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'",
  )
  .refine((id) => !/google|null|undefined|ssl/.test(id), {
    message: "must not contain the words google, null, undefined or ssl (Google reserves them)",
  });

export const gcpBillingAccount = z
  .string()
  .regex(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/, "must be a billing account ID like 012345-6789AB-CDEF01");

export const gcpFolderId = z.string().regex(/^\d{1,20}$/, "must be a numeric GCP folder ID");

/** Google service account IDs: 6-30 chars, lowercase, digits and hyphens. */
export const gcpServiceAccountId = z
  .string()
  .regex(
    /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/,
    "must be a service account ID: 6-30 characters of a-z, 0-9 and '-', starting with a letter",
  );

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An Okta org domain as the Insights form wants it: `acme.okta.com`, never the -admin console host. */
export const oktaDomain = z.string().superRefine((value, ctx) => {
  const problem = oktaDomainProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

function oktaDomainProblem(value: string): string | undefined {
  const host = value
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")
    .replace(/\/.*$/, "")
    .toLowerCase();
  const suggestion = host.replace(/^([^.]+)-admin\./, "$1.");
  const fixes: string[] = [];
  if (host !== value.toLowerCase().replace(/\/$/, "") || value.endsWith("/")) fixes.push("without scheme or path");
  if (suggestion !== host) fixes.push('without "-admin" (that is the admin console host)');
  if (fixes.length > 0) return `write the Okta domain ${fixes.join(" and ")}: ${suggestion}`;
  if (!HOSTNAME.test(host)) return "must be a domain name like acme.okta.com";
  return undefined;
}

/** GitHub organization logins: alphanumerics and single hyphens, at most 39, no leading/trailing hyphen. */
export const githubOrganization = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/,
    "must be a GitHub organization name: up to 39 letters, digits and single hyphens, not starting or ending with '-'",
  );

/**
 * An https:// URL without embedded credentials. `loopbackHttp` also allows plain
 * http:// to this machine (the Insights emulator).
 */
export function httpsUrlField(example: string, options: { loopbackHttp?: boolean } = {}) {
  return z.string().superRefine((value, ctx) => {
    if (!URL.canParse(value)) {
      ctx.addIssue({ code: "custom", message: `must be a URL like ${example}` });
      return;
    }
    const url = new URL(value);
    const plainLoopback = options.loopbackHttp && url.protocol === "http:" && isLoopbackHost(url.hostname);
    if (url.protocol !== "https:" && !plainLoopback) {
      const exception = options.loopbackHttp ? " (http:// only for 127.0.0.1 or localhost)" : "";
      ctx.addIssue({ code: "custom", message: `must use https://${exception}` });
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "must not carry credentials; use the secret fields" });
    }
  });
}

/** EPM and Password Safe domains are entered with their scheme. */
export const httpsUrl = httpsUrlField("https://acme.pm.beyondtrustcloud.com");

/** PRA and Remote Support cloud sites: `acme.beyondtrustcloud.com`, host only. */
export const beyondtrustCloudHost = z.string().superRefine((value, ctx) => {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes("/")) {
    ctx.addIssue({
      code: "custom",
      message: `write the host only, e.g. ${value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/.*$/, "")}`,
    });
    return;
  }
  const host = value.toLowerCase();
  if (!HOSTNAME.test(host) || !/^[a-z0-9-]+\.beyondtrustcloud\.com$/.test(host)) {
    ctx.addIssue({
      code: "custom",
      message: "must be a *.beyondtrustcloud.com subdomain like acme.beyondtrustcloud.com",
    });
  }
});

/** A DNS name (Active Directory domain, hosts). */
export const dnsName = z.string().regex(new RegExp(HOSTNAME.source, "i"), "must be a DNS name like corp.example.com");

/** Free-form resource tags, as AWS and GCP labels accept them. */
export const tags = z.record(z.string().min(1).max(128), z.string().max(256)).meta({
  description: "Tags put on every resource the stack creates: keys of 1-128 characters, values up to 256.",
});
