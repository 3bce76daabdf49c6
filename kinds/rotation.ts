import { NOT_ROTATED, type NotRotated, type RotationOutputs } from "../lifecycle/credential-created";
import type { PlannedConnector } from "../plan/model";
import { adapterOf } from "./registry";

/** The outputs that carry a planned connector's credential times, as its kind's adapter declares them. */
export function rotationOutputsOf(planned: Pick<PlannedConnector, "kind">): RotationOutputs<any> | NotRotated {
  return adapterOf(planned.kind)?.rotation ?? NOT_ROTATED;
}
