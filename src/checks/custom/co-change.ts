import type { CoChangeRuleFile } from "../../config/rule-file-types.js";
import type { Kind } from "./kind.js";

/** PLACEHOLDER: the co-change kind of rule file (SPEC §4). */
const kind: Kind<CoChangeRuleFile> = {
  check() {
    throw new Error("the co-change kind is not implemented yet");
  },
  runExample() {
    throw new Error("the co-change kind is not implemented yet");
  },
};
export default kind;
