/** A step of the GitHub App flow failed; the message says which and what to do. Nothing was registered. */
export class GithubFlowError extends Error {}
