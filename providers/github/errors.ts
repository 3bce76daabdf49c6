import { ExternalError } from "../../values/errors";

/** A step of the GitHub App flow failed; the message says which and what to do. Nothing was registered. */
export class GithubFlowError extends ExternalError {}

/**
 * A redirect to the local callback that must not be believed (a forged or stray request,
 * or a code for an app outside the organization). The browser gets a 400; the flow
 * goes on waiting for the real one.
 */
export class CallbackRejectedError extends GithubFlowError {}

/** The installation wait ran out: the app exists, its key is saved, and no organization owner has installed it yet. */
export class InstallationTimeoutError extends GithubFlowError {}
