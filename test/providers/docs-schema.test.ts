import { parseAzurermDocs, parseTfplugindocs } from "../../providers/terraform/docs-schema";

/** Shaped like pingidentity/terraform-provider-pingone docs/resources/application_secret.md (tfplugindocs). */
const TFPLUGINDOCS = `## Schema

### Required

- \`environment_id\` (String) The ID of the environment.

### Optional

- \`previous\` (Attributes) An object that specifies the previous secret. (see [below for nested schema](#nestedatt--previous))
- \`kind\` (String) What it is.  Options are \`AP\` (for Asia-Pacific \`.asia\` tenants), \`EU\` and \`NA\`.  Defaults to \`NA\`.
- \`global_options\` (Block List) A single block. (see [below for nested schema](#nestedblock--global_options))

### Read-Only

- \`secret\` (String, Sensitive) The application secret.

<a id="nestedatt--previous"></a>
### Nested Schema for \`previous\`

Optional:

- \`expires_at\` (String) A timestamp.

Read-Only:

- \`last_used\` (String) When it was used.

<a id="nestedblock--global_options"></a>
### Nested Schema for \`global_options\`

Required:

- \`population\` (Boolean) Force-delete.
`;

/** Shaped like hashicorp/terraform-provider-azurerm website/docs pages (hand-written). */
const AZURERM = `## Arguments Reference

* \`scope\` - (Required) The scope.

* \`features\` - (Required) A \`features\` block as defined below.

* \`description\` - (Optional) The description.

## Attributes Reference

* \`id\` - The Role Assignment ID.

## Timeouts

* \`create\` - (Defaults to 30 minutes) Used when creating.
`;

describe("reading providers' published docs into a schema excerpt", () => {
  test("tfplugindocs: required, optional and read-only; nested attributes, blocks and listed options", () => {
    expect(parseTfplugindocs(TFPLUGINDOCS)).toEqual({
      environment_id: { required: true, readOnly: false, nesting: "attribute" },
      previous: {
        required: false,
        readOnly: false,
        nesting: "nested-attribute",
        attributes: {
          expires_at: { required: false, readOnly: false, nesting: "attribute" },
          last_used: { required: false, readOnly: true, nesting: "attribute" },
        },
      },
      kind: { required: false, readOnly: false, nesting: "attribute", options: ["AP", "EU", "NA"] },
      global_options: {
        required: false,
        readOnly: false,
        nesting: "block",
        attributes: { population: { required: true, readOnly: false, nesting: "attribute" } },
      },
      secret: { required: false, readOnly: true, nesting: "attribute" },
    });
  });

  test("azurerm: arguments with Required/Optional, blocks by the page's own words, attributes as read-only", () => {
    expect(parseAzurermDocs(AZURERM)).toEqual({
      scope: { required: true, readOnly: false, nesting: "attribute" },
      features: { required: true, readOnly: false, nesting: "block" },
      description: { required: false, readOnly: false, nesting: "attribute" },
      id: { required: false, readOnly: true, nesting: "attribute" },
    });
  });
});
