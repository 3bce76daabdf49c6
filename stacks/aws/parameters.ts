import { CfnParameter, type Stack } from "aws-cdk-lib";

/** Name of the Insights template's external ID parameter, kept for `cdk deploy --parameters`. */
export const EXTERNAL_ID_PARAMETER = "BtConnectorExternalId";

/** `BtConnectorExternalId`, named like the Insights template's parameter and never echoed. */
export function externalIdParameter(stack: Stack): CfnParameter {
  return new CfnParameter(stack, EXTERNAL_ID_PARAMETER, {
    type: "String",
    noEcho: true,
    minLength: 2,
    maxLength: 1224,
    allowedPattern: "[\\w+=,.@:\\/-]*",
    description: "External ID shown in the Insights AWS connection panel",
  });
}

/** `RootOrgUnitId`, named like the Insights template's parameter. */
export function rootOrgUnitIdParameter(stack: Stack, defaultValue: string): CfnParameter {
  return new CfnParameter(stack, "RootOrgUnitId", {
    type: "String",
    default: defaultValue,
    allowedPattern: "^r-[0-9a-z]{4,32}$",
    description: "AWS Organizations root ID (Organizations > AWS accounts > Root details)",
  });
}
