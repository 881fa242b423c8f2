#!/usr/bin/env bash
# The self-contained archive's class-data archive, made at package time (run by the dist profile
# after JReleaser's jlink assembler, see jreleaser.yml): for each image JReleaser left in
# DIR/work-PLATFORM/, the image's own java runs dev.envelope.Training and records the classes it
# loads into app/envelope.jsa (a dynamic class-data sharing archive on top of the JDK's own, which
# jlink's --generate-cds-archive made; JDK 17 to 24) or app/envelope.aot (an AOT cache, JDK 25 and
# newer), with the JVM options bin/envelope runs with. A run that must map it (-Xshare:on,
# AOTMode=on) and load envelope's main class from it checks it, then app/envelope.{jsa,aot}.ok is
# written after it, and the image is packed again into DIR/NAME.tar.gz in place of JReleaser's,
# files in name order (the archive before its .ok file) with their times kept: the JVM compares
# the jars' times and sizes with those it recorded.
#
# The class path is /proc/self/fd/8/app/envelope.jar, descriptor 8 being the image's directory
# (bin/envelope opens it the same way): JDK 17's archives hold the class path they were recorded
# with and refuse another, so this is the one path that is the same wherever the archive is
# unpacked. (JDK 25's AOT cache accepts a moved class path on its own.)
#
# Usage: src/dist/jlink-archive.sh DIR      (exit 1 when an image's archive cannot be made)
set -euo pipefail
dir=${1:?usage: jlink-archive.sh DIR}
opts=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3BackEdgeThreshold=5000 -XX:TieredCompileTaskTimeout=3 -XX:+UseSerialGC -XX:-UsePerfData)
found=
for image in "$dir"/work-*/*/; do
  image=${image%/}
  [ -x "$image/bin/java" ] && [ -f "$image/app/envelope.jar" ] || continue
  found=yes
  name=${image##*/}
  java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$image/release")
  major=${java_version%%[!0-9]*}
  rm -f "$image"/app/envelope.jsa* "$image"/app/envelope.aot*
  exec 8<"$image"
  cp=/proc/self/fd/8/app/envelope.jar
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  if [ "$major" -ge 25 ]; then
    archive=$image/app/envelope.aot
    # -Xlog:...=off: the classes it leaves out, one warning each; a failure still fails the build.
    "$image/bin/java" "${opts[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$archive.conf" -Xlog:aot=off -Xlog:cds=off \
      -cp "$cp" dev.envelope.Training >/dev/null
    "$image/bin/java" "${opts[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$archive.conf" -XX:AOTCache="$archive" \
      -Xlog:aot=off -Xlog:cds=off -cp "$cp" dev.envelope.Training >/dev/null
    rm -f "$archive.conf"
    "$image/bin/java" "${opts[@]}" -XX:AOTMode=on -XX:AOTCache="$archive" -XX:+VerifySharedSpaces \
      -Xlog:class+load=info:file="$log" -cp "$cp" dev.envelope.Main --version >/dev/null
  else
    archive=$image/app/envelope.jsa
    "$image/bin/java" "${opts[@]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -cp "$cp" dev.envelope.Training >/dev/null
    "$image/bin/java" "${opts[@]}" -Xshare:on -XX:SharedArchiveFile="$archive" -XX:+VerifySharedSpaces \
      -Xlog:class+load=info:file="$log" -cp "$cp" dev.envelope.Main --version >/dev/null
  fi
  exec 8<&-
  if ! grep -q 'dev.envelope.Main source: shared objects file' "$log"; then
    echo "jlink-archive: $archive was recorded, but $image/bin/java does not load envelope from it" >&2
    exit 1
  fi
  chmod 444 "$archive"
  wc -c <"$archive" >"$archive.ok"
  touch -r "$archive" "$archive.ok" # the same time: the archive is not newer than its mark
  tgz=$dir/$name.tar.gz
  (cd "${image%/*}" && tar --sort=name --owner=0 --group=0 --numeric-owner -cf - "$name") | gzip -n >"$tgz.tmp"
  mv -f "$tgz.tmp" "$tgz"
  echo "jlink-archive: $(basename "$archive") ($(cat "$archive.ok") bytes, Java $java_version) in $tgz"
done
if [ -z "$found" ]; then
  echo "jlink-archive: no image in $dir/work-*/" >&2
  exit 1
fi
