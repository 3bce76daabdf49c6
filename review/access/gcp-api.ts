import type { AccessLevel } from "../../connectors/grant";

/**
 * Google APIs whose enabling the connector needs to read: the guide's "Enable Required
 * Services" (Cloud Asset, Cloud Resource Manager, Logging) and the IAM API that Google's
 * "Create service accounts" page enables first. Enabling any other service is write:
 * some enable further APIs or create resources of their own (enabling the Compute API
 * creates a project's default network).
 */
const READ_APIS = new Set([
  "cloudasset.googleapis.com",
  "cloudresourcemanager.googleapis.com",
  "logging.googleapis.com",
  "iam.googleapis.com",
]);

/** Access of enabling a Google API on a project. */
export function gcpApiAccess(service: string): AccessLevel {
  return READ_APIS.has(service) ? "read" : "write";
}
