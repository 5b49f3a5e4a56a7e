#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh machine: Debian's C libraries and gnuplot,
# chromium (headless, for the HTML report test), and a Python venv with pinned independent Delta/Parquet readers used by the interop tests.
# Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(gnuplot-nox chromium zlib1g-dev libzstd-dev libsnappy-dev libssl-dev libyaml-dev libxxhash-dev)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

VENV=.venv-oracle
STAMP="$VENV/.requirements.stamp"
if [ ! -f "$STAMP" ] || ! cmp -s requirements-oracle.txt "$STAMP"; then
  echo "setup: creating $VENV with the pinned readers" >&2
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements-oracle.txt
  cp requirements-oracle.txt "$STAMP"
fi
# moto's standalone S3 server for the S3 object-store tests, in its own venv (its pins stay apart
# from the readers').
S3VENV=.venv-s3
S3STAMP="$S3VENV/.requirements.stamp"
if [ ! -f "$S3STAMP" ] || ! cmp -s requirements-s3.txt "$S3STAMP"; then
  echo "setup: creating $S3VENV with moto's S3 server" >&2
  [ -x "$S3VENV/bin/python" ] || python3 -m venv "$S3VENV"
  "$S3VENV/bin/pip" install -q --disable-pip-version-check -r requirements-s3.txt
  cp requirements-s3.txt "$S3STAMP"
fi
echo "setup: ok" >&2
