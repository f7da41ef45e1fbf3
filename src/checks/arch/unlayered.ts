import { archLayers } from "../imports/layers.js";
import { memoSpace } from "../imports/per-file.js";
import { defineRule } from "../rule.js";

/** Declaration files and tests carry no architecture of their own: they stay out of scope. */
const OUT_OF_SCOPE = /\.d\.[mc]?ts$|\.(?:test|spec)\.[mc]?[jt]sx?$|(?:^|\/)__(?:tests|mocks|fixtures)__\//;

export default defineRule({
  meta: {
    id: "arch/unlayered",
    description: "A source file under a layered root belongs to no layer.",
    severity: "warn",
    messages: {
      unlayered: "{file} is under {root}/, where code is layered, but belongs to no layer ({layers}) and is not cross-cutting",
    },
    fix: "Move {file} into the folder of the layer it belongs to ({layers}), or, if it is a new kind of code, have a maintainer add its path to a layer or to crossCutting in guard.yaml.",
  },
  check({ workspace, options, report }) {
    const layers = archLayers(workspace);
    if (layers.names.length === 0) return;
    // What this finds depends on paths and the config alone: both are in the file memo's
    // context, so the last run's findings stand as long as the memo does.
    const memo = workspace.fileMemo();
    const space = memoSpace("arch/unlayered", options);
    const stored = memo?.run<Parameters<typeof report>[0][]>(space);
    if (Array.isArray(stored)) {
      for (const finding of stored) report(finding);
      return;
    }
    const names = layers.names.join(", ");
    const found: Parameters<typeof report>[0][] = [];
    for (const file of workspace.codeFiles()) {
      if (OUT_OF_SCOPE.test(file)) continue;
      const root = layers.layeredRootOf(file);
      if (root === undefined || layers.placementOf(file)) continue;
      found.push({ file, line: 1, column: 1, messageId: "unlayered", data: { file, root, layers: names }, evidence: { root } });
    }
    memo?.setRun(space, found);
    for (const finding of found) report(finding);
  },
});
