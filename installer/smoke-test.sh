#!/usr/bin/env bash
# Smoke test of the Debian package, without installing it: unpacks the .deb into a temporary
# root, runs the command-line launcher (--help, and a simulation on the bundled sample data),
# then starts the workbench launcher under Xvfb, waits for its window and checks a screenshot
# of it is not blank. Exits non-zero with a message on the first failure.
#
# Usage: installer/smoke-test.sh [PACKAGE.deb]     (default: target/installer/iceising_*.deb)
# Needs: dpkg-deb, xvfb-run (xvfb, xauth), xwininfo (x11-utils), ImageMagick (import, convert, compare).
# Environment: SMOKE_TIMEOUT seconds to wait for the window and its content (default 90).
set -Eeuo pipefail

fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
say() { echo "smoke test: $*"; }
trap 'fail "line $LINENO: $BASH_COMMAND"' ERR

# The workbench part, run by xvfb-run (below) inside a virtual display: $2 is the unpacked
# application folder, $3 the scratch folder, $4 where the screenshot goes.
if [ "${1:-}" = --workbench ]; then
  app=$2 tmp=$3 shot=$4 timeout=${SMOKE_TIMEOUT:-90}
  mkdir -p "$tmp/gui-cwd"
  (cd "$tmp/gui-cwd" && exec "$app/bin/IceIsing") >"$tmp/workbench.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  # The main window: a top-level window titled IceIsing..., larger than GTK's 10x10 leader window.
  window=
  for ((t = 0; t < timeout; t++)); do
    kill -0 $pid 2>/dev/null || { cat "$tmp/workbench.log" >&2; fail "the workbench exited before showing a window (log above)"; }
    window=$(xwininfo -root -children | awk '$2 ~ /^"IceIsing/ {
               for (i = 3; i <= NF; i++) if (split($i, g, /[x+]/) == 4 && g[1] >= 400 && g[2] >= 300) { print $1; exit } }')
    [ -n "$window" ] && break
    sleep 1
  done
  [ -n "$window" ] || { cat "$tmp/workbench.log" >&2; fail "no workbench window after ${timeout}s (log above)"; }
  say "workbench window $window after ${t}s: $(xwininfo -id "$window" | sed -n 's/^xwininfo: Window id: [^ ]* //p')"
  # The content arrives after the window (the sample data loads in the background), so the
  # window is photographed every 2 s until it shows something and two shots in a row are the
  # same (loading finished). A blank window has a standard deviation near 0, or, with a few thin
  # lines, a handful of colours; the workbench has thousands.
  shows() { awk -v s="$spread" -v k="$colours" 'BEGIN { exit !(s > 0.05 && k > 256) }'; }
  prev= state="still changing after ${timeout}s"
  while :; do
    cur=$tmp/shot-$t.png
    import -window "$window" "$cur"
    read -r spread colours < <(convert "$cur" -format '%[fx:standard_deviation] %k\n' info:)
    if shows; then
      if [ -n "$prev" ] && [ "$(compare -metric AE "$prev" "$cur" null: 2>&1 || true)" = 0 ]; then
        state="after ${t}s, unchanged for 2 s"
        break
      fi
      prev=$cur
    fi
    ((t < timeout)) || break
    sleep 2
    t=$((t + 2))
  done
  cp "$cur" "$shot"
  shows || fail "the workbench window looks blank (standard deviation $spread, $colours colours): $shot"
  say "screenshot $shot ($(identify -format '%wx%h' "$shot"), standard deviation $spread, $colours colours, $state)"
  [ -z "$(ls -A "$tmp/gui-cwd")" ] || fail "the workbench wrote into its working directory: $(ls -A "$tmp/gui-cwd")"
  kill $pid
  wait $pid 2>/dev/null || true
  say "workbench stopped; nothing written to its working directory"
  exit 0
fi

cd "$(dirname "$0")/.."
deb=${1:-$(ls target/installer/iceising_*.deb 2>/dev/null | head -n 1)}
[ -n "$deb" ] && [ -f "$deb" ] || fail "no package: pass a .deb, or build one with mvn -Pinstaller package"
for tool in dpkg-deb xvfb-run xwininfo import convert compare identify; do
  command -v $tool >/dev/null || fail "$tool is missing (apt-get install dpkg xvfb xauth x11-utils imagemagick)"
done
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
shot=${deb%.deb}-workbench.png

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say "unpacking $deb"
dpkg-deb -x "$deb" "$tmp/root"
app=$tmp/root/opt/iceising
for launcher in IceIsing iceising; do
  [ -x "$app/bin/$launcher" ] || fail "the package has no launcher opt/iceising/bin/$launcher"
done
dpkg-deb -f "$deb" Depends | tr -d ' ' | tr , '\n' | grep -qx libgtk-3-0 || fail "the package does not depend on libgtk-3-0"
maintainer=$(dpkg-deb -f "$deb" Maintainer)
[[ $maintainer =~ ^[^\<]+\ \<[^@\ ]+@[^\>\ ]+\>$ && $maintainer != *Unknown* ]] \
  || fail "the package's Maintainer field is not a name and an address: '$maintainer'"
package_version=$(dpkg-deb -f "$deb" Version)
say "package $(dpkg-deb -f "$deb" Package) $package_version by $maintainer, depends on libgtk-3-0"
for notice in LICENSE THIRD-PARTY-NOTICES.md; do
  [ -s "$app/lib/app/$notice" ] || fail "the package does not carry $notice"
done

version=$("$app/bin/iceising" --version) || fail "iceising --version exited with $?"
[[ $version == "IceIsing ${package_version%-*}" ]] \
  || fail "iceising --version says '$version', not the release of the package (${package_version%-*})"
say "iceising --version: $version; LICENSE and THIRD-PARTY-NOTICES.md are in the package"

help=$("$app/bin/iceising" --help) || fail "iceising --help exited with $?"
grep -q '^ *simulate ' <<<"$help" || fail "iceising --help does not list the simulate command: $help"
say "iceising --help lists: $(sed -n 's/^  \([a-z]\+\) .*/\1/p' <<<"$help" | tr '\n' ' ')"

# A simulation on the bundled sample data, from an empty folder so that nothing but the
# application's own data can be found.
mkdir -p "$tmp/cli-cwd"
csv=$tmp/simulated.csv
(cd "$tmp/cli-cwd" && "$app/bin/iceising" simulate --start 2018-09-16 --end 2018-10-01 \
   --params 2.31,-14.5,-6.15,0.07,9.93 --runs 2 --out "$csv") >"$tmp/simulate.log" 2>&1 \
  || { cat "$tmp/simulate.log" >&2; fail "iceising simulate exited with an error (log above)"; }
sed 's/^/  | /' "$tmp/simulate.log"
# The documented CSV: one block of rows per run, a blank line between runs, every value empty
# (masked) or a concentration in [0, 1]; the study's focus area is 60 x 60 cells.
awk -F, '
  NF == 0 { blocks++; next }
  { rows[blocks + 0]++; if (NF != 60) { print "row " NR " has " NF " fields, not 60"; bad = 1; exit }
    for (i = 1; i <= NF; i++) if ($i != "" && !($i + 0 >= 0 && $i + 0 <= 1 && $i ~ /^[0-9.eE+-]+$/)) {
      print "row " NR " field " i " is not a concentration: " $i; bad = 1; exit } }
  END { if (bad) exit 1
        if (blocks + 1 != 2) { print blocks + 1 " blocks of rows, not 2 (one per run)"; exit 1 }
        for (b = 0; b < 2; b++) if (rows[b] != 60) { print "run " b + 1 " has " rows[b] " rows, not 60"; exit 1 } }
' "$csv" >"$tmp/csv-check.txt" || fail "iceising simulate wrote an unexpected CSV: $(cat "$tmp/csv-check.txt")"
[ -z "$(ls -A "$tmp/cli-cwd")" ] || fail "iceising wrote into its working directory: $(ls -A "$tmp/cli-cwd")"
say "simulate wrote 2 runs x 60 x 60 concentrations; nothing written to its working directory"

xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" --workbench "$app" "$tmp" "$shot" || exit 1
say "passed"
