// A full garbage collection on demand, without starting node with --expose-gc: heap figures are
// taken from a collected baseline.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
export const gc = runInNewContext("gc");
