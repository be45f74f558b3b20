/** What every operation receives from the host. */
import type { HostFeatures } from "../capabilities";
import type { HostDeps } from "../session";

export interface OperationContext {
  deps: HostDeps;
  features: HostFeatures;
}
