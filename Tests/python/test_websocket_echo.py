"""The WebSocket transport against an independent client: the `websockets` package talks to
`bsd-ledger hello-server`'s echo route."""
import asyncio
import re
import signal
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
