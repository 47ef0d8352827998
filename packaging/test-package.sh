#!/usr/bin/env bash
# Builds the .deb from a build tree and checks it as a user's machine would see it:
#   packaging/test-package.sh BUILD_DIR SOURCE_DIR
# 1. cpack -G DEB into a scratch directory; the control file has computed dependencies
#    (dpkg-shlibdeps) and the package holds every file the issue lists;
# 2. desktop-file-validate, appstreamcli validate --no-net, update-mime-database resolves
#    *.pipeline.json; lintian reports no error (warnings are printed);
# 3. dpkg-deb -x into a temporary root: streamwright-run --version runs, and the designer
#    (offscreen) opens an installed example in German and quits, finding its examples and
#    translations under the unpacked prefix, not in the build tree.
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cpack"
(cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >cpack.log 2>&1) \
  || { cat "$scratch/cpack.log"; fail "cpack"; }
deb=$(ls "$scratch"/out/*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

echo "== control"
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends Section
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6widgets6 libqt6charts6 libqt6svg6 librdkafka1 libsqlite3-0 libc6; do
  [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib (shlibdeps): $depends"
done

echo "== contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' > "$scratch/contents"
app=io.github.streamwright.Streamwright
expect=(
  usr/bin/streamwright usr/bin/streamwright-run
  usr/share/streamwright/examples/orders.pipeline.json
  usr/share/streamwright/translations/streamwright_de.qm
  usr/share/streamwright/translations/streamwright_fr.qm
  usr/share/streamwright/translations/streamwright_en.qm
  usr/share/applications/$app.desktop usr/share/metainfo/$app.metainfo.xml
  usr/share/mime/packages/$app.xml
  usr/share/icons/hicolor/scalable/apps/$app.svg
  usr/share/icons/hicolor/scalable/mimetypes/application-x-streamwright-pipeline.svg
  usr/share/doc/streamwright/copyright usr/share/doc/streamwright/changelog.Debian.gz
)
for s in 16 22 24 32 48 64 128 256; do
  expect+=(usr/share/icons/hicolor/${s}x${s}/apps/$app.png
    usr/share/icons/hicolor/${s}x${s}/mimetypes/application-x-streamwright-pipeline.png)
done
for f in "${expect[@]}"; do grep -qx "$f" "$scratch/contents" || fail "missing $f"; done
echo "${#expect[@]} expected files present"

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for s in 16 48 256; do
  f="$root/usr/share/icons/hicolor/${s}x${s}/apps/$app.png"
  size=$(python3 -c "import struct,sys;d=open(sys.argv[1],'rb').read(24);print('%dx%d'%struct.unpack('>II',d[16:24]))" "$f")
  [[ "$size" == "${s}x${s}" ]] || fail "$f is $size"
done

echo "== desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/$app.desktop"
grep -q '^MimeType=application/x-streamwright-pipeline;' "$root/usr/share/applications/$app.desktop" \
  || fail "desktop file has no MimeType"
echo "== appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app.metainfo.xml"
# The screenshots are the project's docs/images, published under SW_SCREENSHOT_URL.
shots=$(grep -o '<image>[^<]*</image>' "$root/usr/share/metainfo/$app.metainfo.xml" | sed 's|</image>||; s|.*/||')
[[ -n "$shots" ]] || fail "metainfo has no screenshot"
for f in $shots; do [[ -f "$src/docs/images/$f" ]] || fail "metainfo screenshot $f is not in docs/images"; done
echo "== shared MIME info"
cp -r "$root/usr/share/mime" "$scratch/mime"
update-mime-database "$scratch/mime"
grep -q 'application/x-streamwright-pipeline:\*\.pipeline\.json' "$scratch/mime/globs2" \
  || fail "*.pipeline.json is not application/x-streamwright-pipeline"

echo "== lintian"
lintian --fail-on error --tag-display-limit 0 "$deb" > "$scratch/lintian.txt" 2>&1 || lrc=$?
cat "$scratch/lintian.txt"
grep -q '^E: ' "$scratch/lintian.txt" && fail "lintian errors"
[[ ${lrc:-0} == 0 ]] || fail "lintian exit ${lrc}"
echo "lintian: $(grep -c '^W: ' "$scratch/lintian.txt" || true) warning(s), no error"

echo "== run from the unpacked root"
"$root/usr/bin/streamwright-run" --version | grep -q '^streamwright-run ' || fail "streamwright-run --version"
"$root/usr/bin/streamwright-run" validate "$root/usr/share/streamwright/examples/orders.pipeline.json" \
  >/dev/null || fail "streamwright-run validate on the installed example"
settings="$scratch/settings"
mkdir -p "$settings"
out=$(SW_SETTINGS_DIR="$settings" QT_QPA_PLATFORM=offscreen timeout 60 \
  "$root/usr/bin/streamwright" --quit-after-load --language de \
  "$root/usr/share/streamwright/examples/orders.pipeline.json") || fail "designer exit $?: $out"
echo "$out"
grep -qx "loaded: yes" <<<"$out" || fail "the example did not load"
grep -qx "nodes: 5" <<<"$out" || fail "wrong node count"
grep -q "^status: .*geöffnet" <<<"$out" || fail "not German: the installed translation was not used"
grep -qx "translation: $root/usr/share/streamwright/translations/streamwright_de.qm" <<<"$out" \
  || fail "translation not from the unpacked prefix"
grep -qx "examples: $root/usr/share/streamwright/examples" <<<"$out" \
  || fail "examples not from the unpacked prefix"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/streamwright" --version | grep -q "Streamwright" || fail "streamwright --version"
echo "PASS"
