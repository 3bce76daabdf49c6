import type { SourceReader } from "../reading";
import { awsReader } from "./aws";
import { azureReader } from "./azure";
import { gcpReader } from "./gcp";
import { githubReader } from "./github";
import { oktaReader } from "./okta";
import { pingoneReader } from "./pingone";

/**
 * One reader per source kind. A kind without one is reported as "not verified", never as
 * a pass; adding a source is one reader here and one local fake in test/fakes/.
 */
export const READERS: Readonly<Record<string, SourceReader<any>>> = {
  aws: awsReader,
  azure: azureReader,
  gcp: gcpReader,
  github: githubReader,
  okta: oktaReader,
  pingone: pingoneReader,
};
