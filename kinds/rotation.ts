import type { NotRotated, RotationOutputs } from "../lifecycle/credential-created";
import type { PlannedConnector } from "../plan/model";
import { adapterOf } from "./registry";
import { NOT_ROTATED } from "../lifecycle/credential-created";

/** The outputs that carry a planned connector's credential times, as its kind's adapter declares them. */
export function rotationOutputsOf(planned: Pick<PlannedConnector, "kind">): RotationOutputs<any> | NotRotated {
  return adapterOf(planned.kind)?.rotation ?? NOT_ROTATED;
}
