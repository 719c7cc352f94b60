# Uvicorn 0.17 (Debian python3-uvicorn) serving the ASGI dump application on 127.0.0.1:{{UPSTREAM_PORT}}, with
# uvicorn.run()'s defaults otherwise: one process (workers unset), the "auto" loop and HTTP implementation (asyncio
# and h11 here: Debian packages neither uvloop nor httptools), lifespan "auto", proxy_headers on for 127.0.0.1.
# The conformance recorder run passes another port as the first argument and puts its recorder on {{UPSTREAM_PORT}}.
import sys

sys.path.insert(0, "{{ROOT}}/app")
import uvicorn  # noqa: E402

port = int(sys.argv[1]) if len(sys.argv) > 1 else {{UPSTREAM_PORT}}
uvicorn.run("dump_asgi:application", host="127.0.0.1", port=port)
