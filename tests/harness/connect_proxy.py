#!/usr/bin/env python3
"""A tiny HTTP CONNECT proxy for the tests of temporal_client_options.proxy_address.

    connect_proxy.py --log FILE

Listens on 127.0.0.1 (a free port), prints "proxy ready PORT" on stdout, and tunnels every
CONNECT whose Proxy-Authorization is basic auth with the password PASSWORD (any user). It
answers 407 to any other, and appends one line per CONNECT to FILE:
"CONNECT host:port user=USER status=200|407". A test gives each connect its own user name and
looks for its line. The password is never written.
"""

import argparse
import asyncio
import base64
import sys

PASSWORD = "proxy-test-password"


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, log: str) -> None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        writer.close()
        return
    lines = head.decode("latin-1").split("\r\n")
    method, target = (lines[0].split(" ") + ["", ""])[:2]
    user, password = None, None
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "proxy-authorization" and value.strip().startswith("Basic "):
            decoded = base64.b64decode(value.strip()[6:]).decode("utf-8", "replace")
            user, _, password = decoded.partition(":")
    ok = method == "CONNECT" and password == PASSWORD
    with open(log, "a") as f:
        f.write(f"{method} {target} user={user} status={200 if ok else 407}\n")
    if not ok:
        writer.write(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                     b"Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()
        return
    host, _, port = target.rpartition(":")
    try:
        up_reader, up_writer = await asyncio.open_connection(host.strip("[]"), int(port))
    except (OSError, ValueError):
        writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
        writer.close()
        return
    writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
    await writer.drain()
    await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    server = await asyncio.start_server(lambda r, w: handle(r, w, args.log), "127.0.0.1", 0)
    print(f"proxy ready {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
