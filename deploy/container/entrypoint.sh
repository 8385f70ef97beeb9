#!/bin/sh
# Configures the built app for the mounted config.json, then serves it. Configuration errors stop
# the container with the same messages the app's config page shows.
set -eu

config="${ROLECALL_CONFIG:-/config/config.json}"
set -- --config "$config" --out /srv/rolecall/html --host-out /srv/rolecall/conf
# ROLECALL_ALLOW_ORIGINS: more origins for the Content-Security-Policy, separated by spaces.
for origin in ${ROLECALL_ALLOW_ORIGINS:-}; do
  set -- "$@" --allow-origin "$origin"
done
if [ "${ROLECALL_OFFLINE:-}" = "1" ]; then
  set -- "$@" --offline
fi

node /srv/rolecall/configure.mjs "$@"
exec nginx -p /srv/rolecall/ -c conf/nginx.conf -e stderr -g 'daemon off;'
