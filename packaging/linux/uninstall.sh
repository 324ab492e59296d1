#!/bin/sh
# Remove what install.sh added. Your workspaces, highlights and settings stay.
set -eu
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
rm -rf "$DATA/policy-reader"
rm -f "$HOME/.local/bin/policy-reader" "$DATA/applications/policy-reader.desktop"
rm -f "$DATA"/icons/hicolor/*/apps/policy-reader.png
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" || true
echo "Policy Reader was removed (your workspaces and settings were kept)."
