import type { PatternRuleFile } from "../../config/rule-file-types.js";
import type { Kind } from "./kind.js";

/** PLACEHOLDER: the pattern kind of rule file (SPEC §4). */
const kind: Kind<PatternRuleFile> = {
  check() {
    throw new Error("the pattern kind is not implemented yet");
  },
  runExample() {
    throw new Error("the pattern kind is not implemented yet");
  },
};
export default kind;
