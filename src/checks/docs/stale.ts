import { RepoHistory } from "../../repo/history.js";
import { defineRule, type RuleContext } from "../rule.js";
import { DAY_MS, couplings, currentTime, dateValue, daysBetween, isoDay, keyLine, type Coupling } from "../front-matter/coupling.js";

type MessageId = "reviewedOld" | "codeChanged" | "codeChangedNow";

export default defineRule<MessageId>({
  meta: {
    id: "docs/stale",
    description: "A doc was not reviewed within docs.frontMatter.freshDays, or code it links to or covers changed after it.",
    severity: "error",
    markdown: (workspace) => workspace.docs(),
    messages: {
      reviewedOld: "{file} was last reviewed on {reviewed}, {age} days ago; docs.frontMatter.freshDays allows {freshDays}",
      codeChanged: "{file} {relation} {code}, which changed on {codeDate}, {age} days after the doc last changed ({docDate}){more}",
      codeChangedNow: "{file} {relation} {code}, which this change modifies while the doc stays as it was (last changed on {docDate}){more}",
    },
    fix: {
      reviewedOld: "Re-read {file}, correct whatever no longer matches the code, then set `reviewed: {today}` in its front-matter.",
      codeChanged:
        "Re-read {file} against what changed in {code} since {docDate} (`git log -p --since={docDate} -- {code}`), update the doc where it no longer matches, and commit it.",
      codeChangedNow:
        "Update {file} to match your change to {code} and include it in the same commit (if nothing in it is out of date, update its `reviewed:` date to say so).",
    },
  },
  async check(context) {
    const freshDays = context.config.docs.frontMatter.freshDays;
    const now = currentTime();
    if (freshDays > 0) reportOldReviews(context, freshDays, now);
    if (context.workspace.repo.inGit) await reportChangedCode(context, freshDays, now);
  },
});

/** Signal 1: `reviewed:` older than freshDays. */
function reportOldReviews({ workspace, report }: RuleContext<MessageId>, freshDays: number, now: number): void {
  for (const file of workspace.docs()) {
    const frontMatter = workspace.markdown(file)?.frontMatter;
    const value = frontMatter?.data?.reviewed;
    const reviewed = dateValue(value);
    if (!frontMatter || reviewed === undefined || now - reviewed <= freshDays * DAY_MS) continue;
    const written = typeof value === "string" ? value.trim() : isoDay(reviewed);
    report({
      file,
      line: keyLine(frontMatter, "reviewed"),
      column: 1,
      messageId: "reviewedOld",
      data: { file, reviewed: written, age: daysBetween(reviewed, now), freshDays, today: isoDay(now) },
      evidence: { reviewed: written },
    });
  }
}

/**
 * Signal 2: coupled code changed in git after the doc did. Plain links count only with
 * freshDays > 0 (and by more than freshDays); `covers:` code counts on any later change, and
 * always when the current change touches it but not the doc. A file with uncommitted (or, with
 * `--staged`, staged) changes, or that no commit touched yet, counts as changed now.
 */
async function reportChangedCode({ workspace, report }: RuleContext<MessageId>, freshDays: number, now: number): Promise<void> {
  const coupled = new Map<string, Coupling[]>();
  for (const doc of workspace.docs()) {
    const list = couplings(workspace, doc, freshDays > 0);
    if (list.length > 0) coupled.set(doc, list);
  }
  if (coupled.size === 0) return;
  const { repo } = workspace;
  const history = workspace.shared("repo-history", () => new RepoHistory(repo));
  const paths = new Set<string>(coupled.keys());
  for (const list of coupled.values()) for (const { code } of list) paths.add(code);
  const times = await history.lastCommitTimes(paths);
  const changedNow = history.changedNow();
  const timeOf = (path: string) => (changedNow.has(path) || !times.has(path) ? now : times.get(path)! * 1000);

  for (const [doc, list] of coupled) {
    if (changedNow.has(doc) || !times.has(doc)) continue; // being edited now: it is as fresh as it gets
    const docTime = timeOf(doc);
    const late = list
      .filter((c) => {
        const codeTime = timeOf(c.code);
        if (c.via === "covers" && (freshDays === 0 || changedNow.has(c.code) || !times.has(c.code))) return codeTime > docTime;
        return codeTime - docTime > freshDays * DAY_MS;
      })
      .sort((a, b) => timeOf(b.code) - timeOf(a.code) || (a.code < b.code ? -1 : 1));
    const newest = late[0];
    if (!newest) continue;
    const inThisChange = changedNow.has(newest.code) || !times.has(newest.code);
    const codeTime = timeOf(newest.code);
    report({
      file: doc,
      line: newest.line,
      column: newest.column,
      messageId: inThisChange ? "codeChangedNow" : "codeChanged",
      data: {
        file: doc,
        relation: newest.via === "link" ? "links to" : "covers",
        code: newest.code,
        codeDate: isoDay(codeTime),
        docDate: isoDay(docTime),
        age: daysBetween(docTime, codeTime),
        more: late.length > 1 ? ` (and ${late.length - 1} more coupled file${late.length > 2 ? "s" : ""} changed since)` : "",
      },
      evidence: { docChanged: isoDay(docTime) },
      related: [{ file: newest.code, message: "changed after the doc" }],
    });
  }
}
