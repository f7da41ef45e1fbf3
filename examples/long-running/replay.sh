#!/bin/sh
# Rebuilds this example's git history in a new repository and runs `guard check --commit` on
# every session, so each cheat shows up as the commit that made it.
#   sh examples/long-running/replay.sh [empty-folder]      (after npm ci && npm run build)
# GUARD overrides the command (default: this checkout's dist/bin/guard.js).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
guard=${GUARD:-"node $here/../../dist/bin/guard.js"}
target=${1:-$(mktemp -d "${TMPDIR:-/tmp}/long-running.XXXXXX")}
mkdir -p "$target"
if [ -n "$(ls -A "$target")" ]; then
  echo "replay.sh: $target is not empty; give an empty or new folder" >&2
  exit 2
fi
cp -R "$here/initial/." "$target"
cd "$target"
git init -q
git config user.name "Coding Agent"
git config user.email "agent@example.com"
git add -A
git commit -q -m "Session 1 (initializer): feature list, init.sh, progress log"
git am -q "$here"/sessions/*.patch
echo "history in $target:"
git log --oneline
for rev in $(git rev-list --reverse HEAD~4..HEAD); do
  echo
  echo "== guard check --commit $(git rev-parse --short "$rev")   # $(git log -1 --format=%s "$rev")"
  $guard check --commit "$rev" || true
done
