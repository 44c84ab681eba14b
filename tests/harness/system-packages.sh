#!/usr/bin/env bash
# Installs the system packages the test suites need and this machine lacks (Debian/Ubuntu,
# apt-get). Run by `make setup`, so `make test` works on a fresh machine. Without root or
# apt-get it only names what is missing.
set -euo pipefail

need=()
for tool in cc c++ cmake ninja pkg-config python3 readelf nginx openssl valgrind setpriv jq abidiff doxygen; do
  command -v "$tool" >/dev/null 2>&1 && continue
  case "$tool" in
    cc) need+=(gcc) ;; c++) need+=(g++) ;; ninja) need+=(ninja-build) ;;
    python3) need+=(python3 python3-venv) ;; readelf) need+=(binutils) ;;
    setpriv) need+=(util-linux) ;; abidiff) need+=(abigail-tools) ;; *) need+=("$tool") ;;
  esac
done
[ -f /usr/include/gtest/gtest.h ] || need+=(libgtest-dev googletest)
[ -f /usr/include/nlohmann/json.hpp ] || need+=(nlohmann-json3-dev)
[ -f /usr/include/openssl/evp.h ] || need+=(libssl-dev)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
[ "${#need[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: missing ${need[*]}: install them (as root: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "system-packages: installing ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
