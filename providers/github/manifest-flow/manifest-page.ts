import type { GithubAppManifest } from "./manifest";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The local page that hands the manifest to GitHub: GitHub only accepts a manifest
 * as a form POST from the user's browser. It submits itself; the button is there for
 * browsers that block scripts.
 */
export function manifestPage(formAction: string, manifest: GithubAppManifest): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Create the Insights GitHub App</title></head>
<body>
<h1>Create the BeyondTrust Identity Security Insights GitHub App</h1>
<p>This sends the app's manifest to GitHub. Sign in there as an owner of the organization and confirm.</p>
<form id="manifest-form" method="post" action="${escapeHtml(formAction)}">
<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(manifest))}">
<button type="submit" id="continue">Continue to GitHub</button>
</form>
<script>document.getElementById("manifest-form").submit();</script>
</body>
</html>
`;
}

/** What the browser shows after GitHub redirects back; never the app's credentials. */
export function resultPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1 id="result">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>
`;
}
