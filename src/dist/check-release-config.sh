#!/usr/bin/env bash
# JReleaser's own checks of jreleaser.yml, offline and in dry-run mode, as for a release:
# jreleaser:config validates the whole model, jreleaser:prepare renders the Homebrew formula and the
# JBang catalog (kept in target/jreleaser-release-check/ for review).
#
# It checks a release, not a snapshot (JReleaser leaves the packagers out of a snapshot): in a
# temporary clone of the committed state whose version drops -SNAPSHOT and whose origin is the
# GitHub repository jreleaser.yml names; the GitHub token is a placeholder that a dry run never
# sends. What no offline run can check is listed in docs/releasing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$here" "$work/envelope"
cd "$work/envelope"
git remote set-url origin https://github.com/envelope-dev/envelope.git
version=$(sed -n 's:^  <version>\(.*\)-SNAPSHOT</version>$:\1:p' pom.xml | head -n 1)
if [ -n "$version" ]; then
  sed -i "s:^  <version>$version-SNAPSHOT</version>$:  <version>$version</version>:" pom.xml
fi
JRELEASER_GITHUB_TOKEN=placeholder ./mvnw -B -Pdist -DskipTests package jreleaser:config jreleaser:prepare \
  -Djreleaser.dry.run=true
rm -rf "$here/target/jreleaser-release-check"
mkdir -p "$here/target"
cp -r target/jreleaser/prepare/envelope "$here/target/jreleaser-release-check"
echo "release configuration checked (dry run, version ${version:-as in pom.xml}); generated files in target/jreleaser-release-check/"
