#!/usr/bin/env bash
# Builds the published artifacts twice from clean and compares their SHA-256 checksums: every jar
# (main, sources, javadoc, test) of spf-core, spf-dns, spf-lint, spf-diagnosis and spf-policyd (with its
# executable spf-policyd.jar), the BOM and the parent POM.
# Prints a table; exits 1 if any artifact differs or is missing, 0 if all are byte-for-byte equal.
#
#   scripts/check-reproducible.sh            # from anywhere in the repository
#   MVN_ARGS=-o scripts/check-reproducible.sh  # extra Maven options, e.g. offline
#
# Reproducibility rests on project.build.outputTimestamp (root pom and spf-bom) and on Javadoc's
# -notimestamp; see README.md, "Using it".
set -euo pipefail
cd "$(dirname "$0")/.."

modules=spf-bom,spf-core,spf-dns,spf-lint,spf-diagnosis,spf-policyd
work=$(mktemp -d "${TMPDIR:-/tmp}/spf-repro.XXXXXX")
trap 'rm -rf "$work"' EXIT

build() {
  local out=$1
  echo "build $out: mvn -B -q -DskipTests -pl $modules -am clean package ${MVN_ARGS:-}"
  # shellcheck disable=SC2086
  mvn -B -q -Dstyle.color=never -DskipTests -Djapicmp.skip=true -pl "$modules" -am ${MVN_ARGS:-} clean package
  mkdir -p "$work/$out"
  for jar in spf-core/target/*.jar spf-dns/target/*.jar spf-lint/target/*.jar spf-diagnosis/target/*.jar spf-policyd/target/*.jar; do
    cp "$jar" "$work/$out/"
  done
  cp spf-bom/pom.xml "$work/$out/spf-bom-pom.xml"
  cp pom.xml "$work/$out/spf-parent-pom.xml"
}

build first
build second

expected=(spf-bom-pom.xml spf-parent-pom.xml)
for module in spf-core spf-dns spf-lint spf-diagnosis spf-policyd; do
  for suffix in "" -sources -javadoc; do
    expected+=("$module-*$suffix.jar")
  done
done

status=0
printf '\n%-46s %-16s %-16s %s\n' artifact "first build" "second build" verdict
for pattern in "${expected[@]}"; do
  if ! compgen -G "$work/first/$pattern" >/dev/null; then
    printf '%-46s %-16s %-16s %s\n' "$pattern" - - MISSING
    status=1
  fi
done
for path in "$work"/first/*; do
  name=$(basename "$path")
  a=$(sha256sum "$path" | cut -c1-64)
  b=$( [ -f "$work/second/$name" ] && sha256sum "$work/second/$name" | cut -c1-64 || echo missing)
  if [ "$a" = "$b" ]; then verdict=same; else verdict=DIFFERENT; status=1; fi
  printf '%-46s %-16s %-16s %s\n' "$name" "${a:0:16}" "${b:0:16}" "$verdict"
done

if [ "$status" -eq 0 ]; then
  echo "reproducible: every artifact is identical in both builds"
else
  echo "NOT reproducible: see the table above (unzip both jars and diff them to find the entry)" >&2
fi
exit "$status"
