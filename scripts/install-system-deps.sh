#!/usr/bin/env bash
# Debian packages for the real-VS-Code test host (code-server + headless Chromium) and the second
# AWS client the local endpoint is tested against. Installs only what is missing.
set -euo pipefail

packages=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config)
command -v aws >/dev/null 2>&1 || packages+=(awscli)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages: all present"
    exit 0
fi
echo "system packages: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
