import { CfnParameter, type Stack } from "aws-cdk-lib";
import { z } from "zod";

/** Name of the Insights template's external ID parameter, kept for `cdk deploy --parameters`. */
export const EXTERNAL_ID_PARAMETER = "BtConnectorExternalId";

/** The constraints of the Insights template's `BtConnectorExternalId`. */
const EXTERNAL_ID = { minLength: 2, maxLength: 1224, allowedPattern: "[\\w+=,.@:\\/-]*" } as const;

/** The same constraints for an external ID given as a literal (checked at synth, not at deploy). */
export const externalIdValue = z
  .string()
  .min(EXTERNAL_ID.minLength, `must be at least ${EXTERNAL_ID.minLength} characters`)
  .max(EXTERNAL_ID.maxLength, `must be at most ${EXTERNAL_ID.maxLength} characters`)
  .regex(new RegExp(`^${EXTERNAL_ID.allowedPattern}$`), "must be letters, digits and +=,.@:/-_ only");

/** `BtConnectorExternalId`, named like the Insights template's parameter and never echoed. */
export function externalIdParameter(stack: Stack): CfnParameter {
  return new CfnParameter(stack, EXTERNAL_ID_PARAMETER, {
    type: "String",
    noEcho: true,
    ...EXTERNAL_ID,
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
