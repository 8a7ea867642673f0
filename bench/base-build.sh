#!/bin/sh
# Builds the committed HEAD's src into /tmp/talentsim-base/dist, to compare outputs before/after a change.
set -e
rm -rf /tmp/talentsim-base && mkdir -p /tmp/talentsim-base
git archive HEAD src tsconfig.json tsconfig.build.json package.json | tar -x -C /tmp/talentsim-base
ln -s "$(pwd)/node_modules" /tmp/talentsim-base/node_modules
(cd /tmp/talentsim-base && npx tsc -p tsconfig.build.json >/dev/null 2>&1 || true)
