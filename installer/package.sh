#!/usr/bin/env bash
# Builds IceIsing's desktop packages from the output of `mvn package` (target/iceising.jar and
# target/lib/): a Java runtime trimmed with jlink, an application image with two launchers
# (IceIsing opens the workbench; iceising runs the command line) and the platform's installer.
# Maven calls it in the `installer` profile (pom.xml); installer/README.md explains the options.
#
# Usage: installer/package.sh --jdk DIR --target DIR --version V --main-class CLASS
#                             --modules M1,M2,... --maintainer EMAIL [--types auto|app-image,deb|...]
set -euo pipefail

fail() { echo "installer: $*" >&2; exit 1; }

jdk= target= version= main_class= modules= maintainer= types=auto
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || fail "option $1 needs a value"
  case "$1" in
    --jdk) jdk=$2 ;;
    --target) target=$2 ;;
    --version) version=$2 ;;
    --main-class) main_class=$2 ;;
    --modules) modules=$2 ;;
    --maintainer) maintainer=$2 ;;
    --types) types=$2 ;;
    *) fail "unknown option $1" ;;
  esac
  shift 2
done
for v in jdk target version main_class modules maintainer; do
  [ -n "${!v}" ] || fail "--${v//_/-} is required"
done

[ -d "$target" ] || fail "$target is not a folder"
target=$(cd "$target" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$target/installer
jar=$target/iceising.jar
[ -f "$jar" ] || fail "$jar not found; run mvn package first"
[ -d "$target/lib" ] || fail "$target/lib not found; run mvn package first"
for tool in jar jdeps jlink jpackage; do
  [ -x "$jdk/bin/$tool" ] || fail "$jdk/bin/$tool not found; build with a full JDK 17 or later"
done

# Platform: what to build, the command-line launcher's name, native-library suffix and icon.
case "$(uname -s)" in
  Linux)  os=linux   auto=app-image,deb cli=iceising     native=so    icon=$root/assets/iceising.png ;;
  Darwin) os=macosx  auto=app-image,dmg cli=iceising-cli native=dylib icon=$out/iceising.icns ;;
  MINGW*|MSYS*|CYGWIN*) os=windows auto=app-image,msi cli=iceising-cli native=dll icon=$root/assets/iceising.ico ;;
  *) fail "no packaging recipe for $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  arm64|aarch64) arch=arm64 ;;
  *) fail "no packaging recipe for $(uname -m)" ;;
esac
[ "$types" = auto ] && types=$auto
# Package versions are numeric (MSI and macOS insist); a snapshot packages as its release number.
app_version=${version%-SNAPSHOT}

rm -rf "$out"
mkdir -p "$out"

# 1. The runtime's modules are listed by hand in pom.xml (installer.modules) because jdeps cannot
#    see services and reflection; this check catches a new direct need of our own classes.
needed=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
missing=$(comm -23 <(tr , '\n' <<<"$needed" | sort) <(tr , '\n' <<<"$modules" | sort))
[ -z "$missing" ] || fail "iceising.jar needs module(s) $(echo $missing) that installer.modules in pom.xml does not list"

# 2. The application's files: the jar, its libraries and the sample data. Native libraries of
#    other platforms (javacpp classifiers such as -windows-x86_64) are left out; builds of this
#    platform (-linux-x86_64, -linux-x86_64-onednn-avx2) stay.
input=$out/input
mkdir -p "$input/lib"
cp "$jar" "$input/"
for lib in "$target"/lib/*.jar; do
  name=$(basename "$lib")
  if [[ $name =~ -(linux|macosx|windows|android|ios)-[a-z0-9_]+(-[a-z0-9]+)*\.jar$ && $name != *-$os-$arch.jar && $name != *-$os-$arch-*.jar ]]; then
    echo "installer: leaving out $name (not $os-$arch)"
    continue
  fi
  cp "$lib" "$input/lib/"
done
cp -R "$root/sample-data" "$input/sample-data"
# IceIsing's licence and the notices of what this package bundles.
cp "$root/LICENSE" "$root/THIRD-PARTY-NOTICES.md" "$input/"
# JavaFX loads its native libraries from beside its jar (../bin on Windows) before it would
# extract them to a per-user cache; so they go there, and the installed application writes no cache.
fx_dir=$input/lib
[ "$os" = windows ] && fx_dir=$input/bin && mkdir -p "$fx_dir"
for fx in "$input"/lib/javafx-graphics-*-*.jar; do
  libs=$("$jdk/bin/jar" tf "$fx" | grep -E "^[^/]+\.$native\$" || true)
  (cd "$fx_dir" && "$jdk/bin/jar" xf "$fx" $libs) || fail "cannot unpack the native libraries of $fx"
done
compgen -G "$fx_dir/*glass*" >/dev/null || fail "no JavaFX native libraries found in $input/lib/javafx-graphics-*.jar"

# 3. The trimmed runtime.
"$jdk/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2

# 4. The application image. $APPDIR is expanded by the launcher to the folder holding the jar.
if [ "$os" = macosx ]; then
  set_dir=$out/iceising.iconset
  mkdir -p "$set_dir"
  for s in 16 32 128 256; do
    sips -z $s $s "$root/assets/iceising.png" --out "$set_dir/icon_${s}x${s}.png" >/dev/null
  done
  iconutil -c icns -o "$icon" "$set_dir"
fi
common=(--name IceIsing --app-version "$app_version" --vendor "IceIsing authors" --copyright "Copyright (c) 2026 the IceIsing authors (MIT)"
        --description "Arctic sea ice with a continuous-spin Ising model"
        --icon "$icon" --dest "$out")
"$jdk/bin/jpackage" --type app-image "${common[@]}" \
  --input "$input" --main-jar iceising.jar --main-class "$main_class" \
  --runtime-image "$out/runtime" \
  --java-options '-Diceising.data=$APPDIR/sample-data' \
  --add-launcher "$cli=$here/cli-launcher.properties"
case "$os" in
  macosx) image=$out/IceIsing.app ;;
  *) image=$out/IceIsing ;;
esac

# 5. The installers, built from that image.
for type in ${types//,/ }; do
  case "$type" in
    app-image) ;;
    deb)
      # gzip: 3 % larger than dpkg's default xz and ten times faster (the jars are compressed
      # already); export DPKG_DEB_COMPRESSOR_TYPE=xz for the smallest package.
      DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} \
      "$jdk/bin/jpackage" --type deb "${common[@]}" --app-image "$image" \
        --linux-package-name iceising --linux-app-category science \
        --linux-menu-group "Education;Science" --linux-package-deps libgtk-3-0 \
        --linux-deb-maintainer "$maintainer" \
        --resource-dir "$here/linux" ;;
    msi)
      "$jdk/bin/jpackage" --type msi "${common[@]}" --app-image "$image" \
        --win-menu --win-menu-group IceIsing --win-shortcut --win-dir-chooser \
        --win-upgrade-uuid 5fd3c37a-c9de-4083-85fc-980b9d967804 ;;
    dmg)
      "$jdk/bin/jpackage" --type dmg "${common[@]}" --app-image "$image" \
        --mac-package-identifier org.iceising.workbench --mac-package-name IceIsing ;;
    *) fail "unknown package type $type (app-image, deb, msi, dmg)" ;;
  esac
done

echo "installer: built in $out:"
du -sh "$image" | sed 's/^/  /'
find "$out" -maxdepth 1 -type f \( -name '*.deb' -o -name '*.msi' -o -name '*.dmg' \) -exec du -h {} + | sed 's/^/  /'
