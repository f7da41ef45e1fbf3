import type { TextRuleFile } from "../../config/rule-file-types.js";
import type { Kind } from "./kind.js";

/** PLACEHOLDER: the text kind of rule file (SPEC §4). */
const kind: Kind<TextRuleFile> = {
  check() {
    throw new Error("the text kind is not implemented yet");
  },
  runExample() {
    throw new Error("the text kind is not implemented yet");
  },
};
export default kind;
