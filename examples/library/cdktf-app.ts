// A platform team's own CDKTF app that adds the Insights Entra stack beside its own stacks:
// no insights-connectors CLI, no tenant file. Synthesize it with
//   npx cdktf synth --app "npx ts-node examples/library/cdktf-app.ts"
// then plan and apply `insights-entra` as any other stack of the app.
import { App, LocalBackend } from "cdktf";
import { InsightsEntraConnectorStack } from "insights-connectors";

const app = new App();

const entra = new InsightsEntraConnectorStack(app, "insights-entra", {
  tenantId: "0f5b7c1e-0000-4000-8000-000000000001",
  // Only the directory read permissions; leave this out to grant every group the catalog lists.
  permissionGroups: ["core-directory"],
  // No Reader on the root management group (Insights then sees no Azure resources).
  azureResources: false,
});

// Where this team keeps Terraform state: a local file here, an S3 or azurerm backend in CI.
// The state holds the client secret, so it belongs somewhere encrypted and access-controlled.
new LocalBackend(entra, { path: "terraform.insights-entra.tfstate" });

app.synth();
