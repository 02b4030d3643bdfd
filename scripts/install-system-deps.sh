#!/usr/bin/env bash
# Installs the Debian packages that tests run for real: OpenLDAP (slapd, ldap-utils, and openssl for its
# test TLS certificates), MIT Kerberos
# (KDC, kadmin, kinit, and libkrb5-dev for native GSSAPI addons built at `npm ci`) and Chromium with
# a font for readable screenshots. Idempotent: when everything is present it only asks dpkg (~0.1 s).
# Debian's own slapd/krb5kdc services are neither configured nor started: the test suite starts its
# own servers with generated configuration in temporary folders (packages/test-servers).
set -euo pipefail

packages=(slapd ldap-utils openssl krb5-kdc krb5-admin-server krb5-user libkrb5-dev chromium fonts-liberation)
# What the servers in tests run; checked instead of packages where there is no dpkg.
commands=(slapd slapadd ldapsearch openssl krb5kdc kdb5_util kadmin.local kinit krb5-config chromium)

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  missing=()
  for c in "${commands[@]}"; do
    PATH="$PATH:/usr/sbin:/usr/local/sbin:/sbin" command -v "$c" >/dev/null || missing+=("$c")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install-system-deps: not a Debian system (no apt-get) and missing: ${missing[*]}." >&2
    echo "Install OpenLDAP, MIT Kerberos (with its development headers) and Chromium by other means." >&2
    exit 1
  fi
  exit 0
fi

missing=()
while read -r name status; do
  [ "$status" = installed ] || missing+=("$name")
done < <(for p in "${packages[@]}"; do
  echo "$p $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
done)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "install-system-deps: missing Debian packages: ${missing[*]}." >&2
    echo "Run as root (or with passwordless sudo): bash scripts/install-system-deps.sh" >&2
    exit 1
  fi
fi

echo "install-system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# slapd: no database or cn=config of Debian's own; its tests generate their own configuration.
echo "slapd slapd/no_configuration boolean true" | "${sudo[@]}" debconf-set-selections

# Keep the packages' postinst from starting their services: invoke-rc.d and deb-systemd-invoke
# obey /usr/sbin/policy-rc.d; one that is already there (as in containers) is left as it is.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod 755 "$policy"
  trap '"${sudo[@]}" rm -f "$policy"' EXIT
fi

apt=("${sudo[@]}" apt-get -q -y -o DPkg::Lock::Timeout=600)
"${apt[@]}" update -qq
"${apt[@]}" install --no-install-recommends "${missing[@]}"

# On a systemd machine the packages enable their units for the next boot: tests never use them.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  "${sudo[@]}" systemctl disable --now slapd krb5-kdc krb5-admin-server >/dev/null 2>&1 || true
fi
