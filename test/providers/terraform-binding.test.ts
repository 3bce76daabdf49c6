import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AzurermProvider, RoleAssignment } from "../../providers/azurerm";

function stackWithAssignment(app: ReturnType<typeof Testing.app>): TerraformStack {
  const stack = new TerraformStack(app, "binding");
  new AzurermProvider(stack, "azurerm", { tenantId: "tenant" });
  new RoleAssignment(stack, "reader", {
    scope: "/providers/Microsoft.Management/managementGroups/tenant",
    roleDefinitionName: "Reader",
    principalId: "p",
    principalType: "ServicePrincipal",
  });
  return stack;
}

describe("hand-written Terraform bindings (providers/terraform)", () => {
  test("JSON: arguments in Terraform's names, unset ones left out, the provider pinned by source and version", () => {
    const json = JSON.parse(Testing.synth(stackWithAssignment(Testing.app())));
    expect(json.resource.azurerm_role_assignment.reader).toMatchObject({
      scope: "/providers/Microsoft.Management/managementGroups/tenant",
      role_definition_name: "Reader",
      principal_id: "p",
      principal_type: "ServicePrincipal",
    });
    expect(json.resource.azurerm_role_assignment.reader).not.toHaveProperty("description");
    expect(json.resource.azurerm_role_assignment.reader).not.toHaveProperty("skip_service_principal_aad_check");
    expect(json.provider.azurerm).toEqual([{ tenant_id: "tenant", features: [{}] }]);
    expect(json.terraform.required_providers.azurerm).toEqual({ source: "hashicorp/azurerm", version: "~> 4.0" });
  });

  test("HCL (`cdktf synth --hcl`): the same arguments and an empty features block", () => {
    const hcl = Testing.synthHcl(stackWithAssignment(Testing.app()));
    expect(hcl).toMatch(/resource "azurerm_role_assignment" "reader" \{[^}]*role_definition_name\s*=\s*"Reader"/s);
    expect(hcl).toMatch(/principal_type\s*=\s*"ServicePrincipal"/);
    expect(hcl).toMatch(/provider "azurerm" \{[^]*features \{\s*\}/);
    expect(hcl).not.toMatch(/description\s*=/);
  });

  test("attributes are Terraform references", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "refs");
    const assignment = new RoleAssignment(stack, "reader", {
      scope: "s",
      roleDefinitionName: "Reader",
      principalId: "p",
      principalType: "User",
    });
    new TerraformOutput(stack, "assignment_id", { value: assignment.assignmentId });
    expect(JSON.parse(Testing.synth(stack)).output.assignment_id.value).toBe("${azurerm_role_assignment.reader.id}");
  });
});
