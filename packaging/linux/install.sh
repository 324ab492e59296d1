#!/bin/sh
# Install Policy Reader for this user (no administrator rights needed):
#   the program      ~/.local/share/policy-reader/
#   the command      ~/.local/bin/policy-reader
#   the menu entry   ~/.local/share/applications/policy-reader.desktop ("Open With" too)
#   the icon         ~/.local/share/icons/hicolor/<size>/apps/policy-reader.png
# Your workspace and settings are not touched. ./uninstall.sh removes what this adds.
set -eu
HERE=$(dirname "$(readlink -f "$0")")
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$DATA/policy-reader
BIN=$HOME/.local/bin
mkdir -p "$PREFIX" "$BIN" "$DATA/applications"
rm -rf "$PREFIX/policy-reader"
cp -R "$HERE/policy-reader" "$PREFIX/policy-reader"
cp "$HERE/policy-reader-launcher" "$PREFIX/policy-reader-launcher"
cp "$HERE/policy-reader-open" "$PREFIX/policy-reader-open"
chmod +x "$PREFIX/policy-reader-launcher" "$PREFIX/policy-reader-open"
ln -sf "$PREFIX/policy-reader-launcher" "$BIN/policy-reader"
sed "s|@LAUNCHER@|$PREFIX/policy-reader-open|g" "$HERE/share/applications/policy-reader.desktop" \
    > "$DATA/applications/policy-reader.desktop"
for icon in "$HERE"/share/icons/hicolor/*/apps/policy-reader.png; do
    size=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$DATA/icons/hicolor/$size/apps"
    cp "$icon" "$DATA/icons/hicolor/$size/apps/policy-reader.png"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "Policy Reader is installed. Open it from your applications menu, or run: policy-reader"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "(Add $BIN to your PATH to run 'policy-reader' in a terminal.)";; esac
