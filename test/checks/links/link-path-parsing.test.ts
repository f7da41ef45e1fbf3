import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkTarget } from "../../../src/checks/links/target.js";
import { pathCandidate } from "../../../src/checks/links/path-candidate.js";

describe("pathCandidate", () => {
  it("never throws, and never takes text with whitespace, a colon or a single name for a path", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        const candidate = pathCandidate(text);
        if (candidate === undefined) return;
        expect(/\s/.test(text.trim())).toBe(false);
        expect(candidate.path).not.toMatch(/:/);
        expect(candidate.path.replace(/^(\.\.\/)+/, "").split("/").filter(Boolean).length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads editor locations, globs and relative forms", () => {
    expect(pathCandidate("src/a.ts:12:3")).toEqual({ path: "src/a.ts", base: "nearest", glob: false, placeholder: false });
    expect(pathCandidate("/src/**/*.ts")).toEqual({ path: "src/**/*.ts", base: "root", glob: true, placeholder: false });
    expect(pathCandidate("../lib/{a,b}.js")).toEqual({ path: "../lib/{a,b}.js", base: "file", glob: true, placeholder: false });
    expect(pathCandidate("app/(auth)/[id]/page.tsx")?.glob).toBe(false);
    expect(pathCandidate("path/to/your-file.ts")?.placeholder).toBe(true);
    // `and/or` is shaped like a path; the rules stay quiet on it because no folder `and` exists.
    expect(pathCandidate("and/or")).toEqual({ path: "and/or", base: "nearest", glob: false, placeholder: false });
    for (const notPath of ["a b/c", "@scope/pkg", "node:fs", "http://x/y", "src/{name}.ts", "$DIR/x", "x.ts", "src/.../x"]) {
      expect(pathCandidate(notPath)).toBeUndefined();
    }
  });
});

describe("linkTarget", () => {
  it("never throws and never resolves above the repo root", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom("AGENTS.md", "docs/a.md", "docs/deep/b.md"), (url, from) => {
        const target = linkTarget(from, url);
        if (target.kind === "path") expect(target.path === ".." || target.path.startsWith("../") || target.path.startsWith("/")).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("skips every scheme and protocol-relative URLs, decodes paths and anchors, strips the query", () => {
    for (const url of ["https://x.y", "mailto:a@b", "vscode:x", "data:text/plain,x", "//cdn.x/y", "HTTP://X"]) {
      expect(linkTarget("AGENTS.md", url)).toEqual({ kind: "external" });
    }
    expect(linkTarget("docs/a.md", "../how%20to/x.md?plain=1#Set%2DUp")).toEqual({
      kind: "path",
      path: "how to/x.md",
      rawPath: "../how%20to/x.md",
      rootAbsolute: false,
      anchor: "Set-Up",
      plain: true,
    });
    expect(linkTarget("docs/a.md", "../../x.md")).toEqual({ kind: "outside" });
    expect(linkTarget("docs/a.md", "#")).toEqual({ kind: "self", anchor: "" });
    expect(linkTarget("docs/a.md", "%E0%A4%A.md")).toMatchObject({ kind: "path", path: "docs/%E0%A4%A.md" });
  });
});
