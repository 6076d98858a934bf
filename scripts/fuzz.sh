#!/usr/bin/env bash
# Fuzzes one Jazzer target for real (for its @FuzzTest maxDuration), resuming from the corpus kept
# in the repository and saving the grown corpus back into it.
#
#   scripts/fuzz.sh MODULE TEST_CLASS        e.g. scripts/fuzz.sh spf-core RecordParserFuzzTest
#
# The kept corpus is MODULE/src/test/fuzz-corpus/TEST_CLASS/: libFuzzer's inputs, named by their
# SHA-1, at most FUZZ_CORPUS_MAX_BYTES (default 4096) each and FUZZ_CORPUS_MAX_KIB (default 2048)
# in all, the smallest first, so that the repository stays small. (libFuzzer writes every input
# that found something new, also those it later found a shorter form of, and its -merge, which
# would keep only the ones still needed, cannot be reached through Jazzer's JUnit runner.)
# Jazzer's working corpus is MODULE/.cifuzz-corpus/ (ignored by git). A finding is written by
# Jazzer into the target's ...FuzzTestInputs/ resource folder: fix it and commit it there as a
# regression input (README, "Limits and safety").
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
  echo "usage: scripts/fuzz.sh MODULE TEST_CLASS" >&2
  exit 2
fi
module=$1
test=$2
max=${FUZZ_CORPUS_MAX_BYTES:-4096}
kib=${FUZZ_CORPUS_MAX_KIB:-2048}
for limit in "$max" "$kib"; do
  case $limit in
    '' | *[!0-9]* | 0)
      echo "FUZZ_CORPUS_MAX_BYTES and FUZZ_CORPUS_MAX_KIB are positive whole numbers, not '$limit'" >&2
      exit 2
      ;;
  esac
done
budget=$((kib * 1024))
if [ ! -d "$module/src/test/java" ]; then
  echo "no module $module with tests here" >&2
  exit 2
fi
source=$(find "$module/src/test/java" -name "$test.java" | head -1)
if [ -z "$source" ]; then
  echo "no $test.java in $module/src/test/java" >&2
  exit 2
fi
package=$(sed -n 's/^package \([a-z0-9_.]*\);/\1/p' "$source")
method=$(grep -A2 '@FuzzTest' "$source" | sed -n 's/.*void \([A-Za-z0-9_]*\)(.*/\1/p' | head -1)
kept="$module/src/test/fuzz-corpus/$test"
work="$module/.cifuzz-corpus/$package.$test/$method"
mkdir -p "$kept" "$work"
cp -n "$kept"/* "$work"/ 2>/dev/null || true

status=0
JAZZER_FUZZ=1 mvn -B -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmaven.javadoc.skip || status=$?

# keep libFuzzer's own inputs (SHA-1 names; seeds copied in under other names stay out)
find "$kept" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
find "$work" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' \
  -size -"$((max + 1))"c -printf '%s %p\n' | sort -n | {
  total=0
  while read -r size path; do
    total=$((total + size))
    if [ "$total" -le "$budget" ]; then
      cp "$path" "$kept"/
    fi
  done
}
echo "kept corpus: $(find "$kept" -type f | wc -l) inputs, $(du -s --apparent-size --block-size=1K "$kept" | cut -f1) KiB in $kept"
exit "$status"
