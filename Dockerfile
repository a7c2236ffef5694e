# Verbatim: the Discord bot. Minimal on purpose; not built on the project's
# own machines (they run no Docker engine), so kept boring.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY prompts ./prompts
COPY documents ./documents
COPY embeddings/README.md ./embeddings/README.md
# `npm ci` runs `prepare`, which compiles src/ to dist/ (TypeScript is a dev dependency, so install them, build, then prune).
RUN npm ci --include=dev && npm prune --omit=dev
# The index, the model cache and the embedded state database live here.
VOLUME ["/app/embeddings"]
ENV METRICS_PORT=9464 METRICS_HOST=0.0.0.0
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s CMD node -e "fetch('http://127.0.0.1:9464/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=2", "src/launch.mjs", "start"]
