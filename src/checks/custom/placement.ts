import type { PlacementRuleFile } from "../../config/rule-file-types.js";
import type { Kind } from "./kind.js";

/** PLACEHOLDER: the placement kind of rule file (SPEC §4). */
const kind: Kind<PlacementRuleFile> = {
  check() {
    throw new Error("the placement kind is not implemented yet");
  },
  runExample() {
    throw new Error("the placement kind is not implemented yet");
  },
};
export default kind;
