import type { ImportRuleFile } from "../../config/rule-file-types.js";
import type { Kind } from "./kind.js";

/** PLACEHOLDER: the import kind of rule file (SPEC §4). */
const kind: Kind<ImportRuleFile> = {
  check() {
    throw new Error("the import kind is not implemented yet");
  },
  runExample() {
    throw new Error("the import kind is not implemented yet");
  },
};
export default kind;
