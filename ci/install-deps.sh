#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# install-deps.sh - install the Debian 12 (bookworm) packages that building
# kapi-check and running all of its tests need. Run it as root.
#
#   toolchain      gcc, g++ and gcc-12-plugin-dev (the plugin must be built
#                  with the plugin headers of the GCC that loads it), libc6-dev,
#                  make, cmake
#   compat tests   sparse, coccinelle
#   real tests     linux-source-6.12 and what "make defconfig prepare" of
#                  that tree needs: flex, bison, bc, libelf-dev (objtool),
#                  libssl-dev (certificate tools), cpio, perl, pkgconf,
#                  xz-utils (the source tarball)
#   tool tests     ccache and distcc (objects built through them must keep
#                  their facts)
#   fuzz tests     clang and libclang-rt-dev (libFuzzer and the sanitizer
#                  runtimes, only recommended by clang)
#   CI tests       nodejs and npm (the tests install the JSON schema
#                  validator and the SARIF schema from npm into the build
#                  folder)
#   other          git

set -euo pipefail

packages=(
	cmake gcc g++ gcc-12-plugin-dev libc6-dev make
	sparse coccinelle
	linux-source-6.12 flex bison bc libelf-dev libssl-dev cpio perl pkgconf
	xz-utils
	ccache distcc
	clang libclang-rt-dev
	git jq
)

# A nodejs that bundles npm (NodeSource's builds do) conflicts with
# Debian's npm package, so Debian's pair is installed only without npm.
if ! command -v npm >/dev/null; then
	packages+=(nodejs npm)
fi

if ((EUID != 0)); then
	echo "install-deps: installing packages needs root; run: sudo $0" >&2
	exit 2
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${packages[@]}"
