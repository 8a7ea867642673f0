#!/bin/sh
# Builds a comparison copy of src into /tmp/talentsim-base/dist: the working tree, except the files named
# as arguments, which are taken from the committed HEAD (so others' uncommitted edits are in both builds
# and only your own changes differ). Then compare with DIST=/tmp/talentsim-base/dist node bench/golden.mjs.
set -e
rm -rf /tmp/talentsim-base && mkdir -p /tmp/talentsim-base
cp -r src tsconfig.json tsconfig.build.json package.json /tmp/talentsim-base/
for f in "$@"; do git show "HEAD:$f" > "/tmp/talentsim-base/$f"; done
ln -s "$(pwd)/node_modules" /tmp/talentsim-base/node_modules
(cd /tmp/talentsim-base && npx tsc -p tsconfig.build.json >/dev/null 2>&1 || true)
