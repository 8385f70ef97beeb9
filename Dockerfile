# Rolecall: one image, configured at start-up by the config.json you mount.
#   docker build -t rolecall .
#   docker run --rm -p 8080:8080 -v "$PWD/config.json:/config/config.json:ro" rolecall
# Serve it over https (a load balancer or reverse proxy in front): the ID token travels to it.

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:configure

FROM debian:bookworm-slim
# Debian's nginx and Node.js (18, enough for the bundled configure step); no compilers, no npm.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx nodejs \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 rolecall \
 && useradd --system --uid 10001 --gid rolecall --home-dir /srv/rolecall --shell /usr/sbin/nologin rolecall
COPY --from=build --chown=rolecall:rolecall /src/dist /srv/rolecall/html
COPY --from=build /src/dist-configure/configure.mjs /srv/rolecall/configure.mjs
COPY deploy/container/nginx.conf /srv/rolecall/conf/nginx.conf
COPY deploy/container/entrypoint.sh /usr/local/bin/rolecall-entrypoint
# configure rewrites html/ and writes conf/nginx-headers.conf at each start.
RUN mkdir -p /srv/rolecall/tmp \
 && chown -R rolecall:rolecall /srv/rolecall/conf /srv/rolecall/tmp /srv/rolecall/html
USER rolecall
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/rolecall-entrypoint"]
