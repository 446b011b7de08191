"""The WebSocket transport against an independent client: the `websockets` package talks to
`bsd-ledger hello-server`'s echo route, and a raw socket sends the frames that break the rules."""
import asyncio
import base64
import os
import re
import signal
import socket
import struct
import subprocess

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


@pytest.fixture()
def echo_server(ledger_binary):
    child = subprocess.Popen([str(ledger_binary), "hello-server", "--port", "0", "--threads", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        address = None
        for line in child.stderr:
            match = re.search(r"HTTP server listening http\.address=(\S+)", line)
            if match:
                address = match.group(1)
                break
        assert address, "the server never said where it listens"
        yield child, f"ws://{address}/echo"
    finally:
        child.send_signal(signal.SIGTERM)
        child.communicate(timeout=20)
    assert child.returncode == 0


@pytest.fixture()
def echo_url(echo_server):
    return echo_server[1]


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, timeout=20))


def test_echoes_text_binary_and_large_messages_with_the_negotiated_subprotocol(echo_url):
    async def scenario():
        async with connect(echo_url, subprotocols=["other", "echo"], max_size=None) as socket:
            assert socket.subprotocol == "echo"
            await socket.send("héllo")
            assert await socket.recv() == "héllo"
            await socket.send(bytes(range(256)))
            assert await socket.recv() == bytes(range(256))
            big = "x" * 40_000
            await socket.send(big)
            assert await socket.recv() == big
            latency = await socket.ping()
            await asyncio.wait_for(latency, timeout=5)
    run(scenario())


def test_fragmented_message_comes_back_whole(echo_url):
    async def scenario():
        async with connect(echo_url) as socket:
            assert socket.subprotocol is None
            await socket.send(["frag", "men", "ted"])
            assert await socket.recv() == "fragmented"
    run(scenario())


def test_client_close_is_answered_with_the_same_code(echo_url):
    async def scenario():
        socket = await connect(echo_url)
        await socket.close(code=4001, reason="done")
        assert socket.close_code == 4001
        assert socket.protocol.close_rcvd is not None and socket.protocol.close_rcvd.code == 4001
    run(scenario())


def test_message_over_the_limit_closes_with_1009(echo_url):
    async def scenario():
        async with connect(echo_url, max_size=None) as socket:
            await socket.send("y" * (70_000))
            with pytest.raises(ConnectionClosed) as closed:
                await socket.recv()
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
    run(scenario())


def test_server_stopping_closes_open_connections_with_1001(echo_server):
    child, url = echo_server

    async def scenario():
        async with connect(url) as socket:
            await socket.send("still here")
            assert await socket.recv() == "still here"
            child.send_signal(signal.SIGTERM)
            with pytest.raises(ConnectionClosed) as closed:
                await socket.recv()
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 1001
    run(scenario())


def raw_handshake(url):
    """A plain TCP connection upgraded by hand, so that frames breaking the rules can be sent."""
    host, port = url.removeprefix("ws://").split("/")[0].split(":")
    connection = socket.create_connection((host, int(port)), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    connection.sendall((f"GET /echo HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = connection.recv(1)
        assert chunk, "the server closed during the handshake"
        head += chunk
    assert head.startswith(b"HTTP/1.1 101")
    return connection


def client_frame(opcode, payload, masked=True, fin=True):
    assert len(payload) < 126
    first = (0x80 if fin else 0) | opcode
    if not masked:
        return bytes([first, len(payload)]) + payload
    key = os.urandom(4)
    return bytes([first, 0x80 | len(payload)]) + key + bytes(
        byte ^ key[index % 4] for index, byte in enumerate(payload))


def read_exactly(connection, count):
    data = b""
    while len(data) < count:
        chunk = connection.recv(count - len(data))
        assert chunk, "the server ended the stream in the middle of a frame"
        data += chunk
    return data


def server_frame(connection):
    """The next frame from the server (final, unmasked, short) as (opcode, payload)."""
    first, second = read_exactly(connection, 2)
    assert first & 0xF0 == 0x80 and second < 126, "expected a final, unmasked, short frame"
    return first & 0x0F, read_exactly(connection, second)


def server_close_code(connection):
    """The code of the server's next close frame, and whether it then ends the TCP stream."""
    opcode, payload = server_frame(connection)
    assert opcode == 0x8
    code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
    return code, connection.recv(4096) == b""


@pytest.mark.parametrize("frames, code", [
    ([client_frame(0x1, b"hi", masked=False)], 1002),
    ([client_frame(0x1, b"a\xc3\x28")], 1007),
    ([client_frame(0x1, b"a\xe2\x82", fin=False), client_frame(0x0, b"\x28")], 1007),
    ([client_frame(0x9, b"x" * 10, fin=False)], 1002),
    ([client_frame(0x8, b"\x03")], 1002),
], ids=["unmasked", "invalid-utf8", "invalid-utf8-split", "fragmented-ping", "one-byte-close"])
def test_frames_breaking_the_rules_close_with_their_code(echo_url, frames, code):
    connection = raw_handshake(echo_url)
    with connection:
        connection.sendall(b"".join(frames))
        assert server_close_code(connection) == (code, True)


def test_ping_from_a_raw_client_gets_a_pong_with_the_same_payload(echo_url):
    connection = raw_handshake(echo_url)
    with connection:
        connection.sendall(client_frame(0x9, b"beat"))
        assert server_frame(connection) == (0xA, b"beat")
