import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "docs/duplicate";

const LONG =
  "Orders move from draft to placed to shipped, and only the OrderService may change their state; every other module reads orders through the read model and never writes to the orders table directly.";
const REFLOWED = LONG.replace("placed to shipped, and", "placed to shipped,\nand").toUpperCase();
const EXCERPT = LONG.slice(0, 60);

describe("docs/duplicate", () => {
  it("fires on the second of two docs with the same paragraph (reflowed, re-cased), pointing at the first", () => {
    const { report, findings } = checkRule(
      {
        "docs/a.md": `# A\n\n${LONG}\n`,
        "docs/b.md": `# B\n\nIntro.\n\n${REFLOWED}\n`,
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/b.md", line: 5, column: 1, message: `This paragraph also stands in docs/a.md (line 3): "${EXCERPT.toUpperCase()}…"; two copies will drift apart` },
    ]);
    const [diagnostic] = report.diagnostics;
    expect(diagnostic!.related).toEqual([{ file: "docs/a.md", line: 3, column: 1, message: "first copy" }]);
    expect(diagnostic!.evidence).toEqual({ paragraph: EXCERPT.toLowerCase(), other: "docs/a.md" });
    expect(diagnostic!.endLine).toBe(6);
  });

  it("fires for a map and a README.md, and for a doc and a map; every later copy points at the first", () => {
    const { findings } = checkRule(
      {
        "AGENTS.md": `# Map\n\n${LONG}\n`,
        "README.md": `# Project\n\n${LONG}\n`,
        "docs/orders.md": `# Orders\n\n- ${LONG}\n`,
      },
      RULE,
    );
    expect(findings.map((f) => [f.file, f.line, f.message.slice(0, 50)])).toEqual([
      ["README.md", 3, "This paragraph also stands in AGENTS.md (line 3): "],
      ["docs/orders.md", 3, "This paragraph also stands in AGENTS.md (line 3): "],
    ]);
  });

  it("stays quiet on short paragraphs, quotations, code, repeats within one file and between package READMEs", () => {
    const short = "Run npm test before you push; CI runs the same command.";
    const { findings } = checkRule(
      {
        "docs/a.md": `# A\n\n${short}\n\n${LONG}\n\n${LONG}\n`,
        "docs/b.md": `# B\n\n${short}\n\n> ${LONG}\n\n\`\`\`text\n${LONG}\n\`\`\`\n`,
        "packages/x/README.md": `# X\n\n${LONG}\n`,
        "packages/y/README.md": `# Y\n\n${LONG}\n`,
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });
});
