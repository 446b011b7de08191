"""The WebSocket subscribers of `tools/bench dispatch` (asyncio and the `websockets` package).

`run(...)` is a child process's body: it opens its share of the connections to the server's
GraphQL path with the graphql-transport-ws subprotocol, authenticates each with
`connection_init`, subscribes each to `formChanges` of one company, and from then on only
notes the wall-clock time (`time.time()`, the same CLOCK_REALTIME as the server's
`recordedAt`) and the raw text of every message as it is read, leaving parsing to the end so
that the event loop stays free to read. It reports through shared counters, stops when
told, and writes its arrivals to a file as JSON lines `[time, connection, text]`.
"""
import asyncio
import json
import time

from websockets.asyncio.client import connect

SUBSCRIPTION = ("subscription ($s: String) { formChanges(siret: $s) "
                "{ action position eventType formId form { id readableId status } } }")


async def subscriber(url, token, siret, index, arrivals, ready, live):
    """One connection and one subscription; appends (time, index, text) for each message."""
    async with connect(url, subprotocols=["graphql-transport-ws"], ping_interval=None,
                       max_queue=None, open_timeout=60) as socket:
        await socket.send(json.dumps({"type": "connection_init",
                                      "payload": {"Authorization": f"Bearer {token}"}}))
        acknowledged = json.loads(await socket.recv())
        if acknowledged.get("type") != "connection_ack":
            raise RuntimeError(f"connection {index} not acknowledged: {acknowledged}")
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": SUBSCRIPTION, "variables": {"s": siret}}}))
        with ready.get_lock():
            ready.value += 1
        first = True
        async for text in socket:
            arrivals.append((time.time(), index, text))
            if first:
                first = False
                with live.get_lock():
                    live.value += 1


async def main(url, token, sirets, indexes, arrivals, ready, live, received, stop):
    """Opens the connections 50 at a time, then waits for `stop` while counting arrivals."""
    tasks = []
    for start in range(0, len(indexes), 50):
        batch = indexes[start:start + 50]
        before = ready.value
        tasks += [asyncio.create_task(subscriber(url, token, sirets[index % len(sirets)], index,
                                                 arrivals, ready, live)) for index in batch]
        while ready.value < before + len(batch):
            failed = [task for task in tasks if task.done()]
            if failed:
                failed[0].result()
                raise RuntimeError("a subscriber ended while connecting")
            await asyncio.sleep(0.01)
    while not stop.is_set():
        received.value = len(arrivals)
        ended = [task for task in tasks if task.done()]
        if ended:
            ended[0].result()
            raise RuntimeError("a subscriber connection ended during the benchmark")
        await asyncio.sleep(0.05)
    received.value = len(arrivals)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def run(url, token, sirets, indexes, path, ready, live, received, stop):
    """A subscriber process: connections `indexes`, arrivals written to `path` at the end."""
    arrivals = []
    try:
        asyncio.run(main(url, token, sirets, indexes, arrivals, ready, live, received, stop))
    finally:
        with open(path, "w") as output:
            for arrival in arrivals:
                output.write(json.dumps(arrival) + "\n")


def read(path):
    """The arrivals a subscriber process wrote: [(time, connection, position, formId)]."""
    found = []
    with open(path) as lines:
        for line in lines:
            at, index, text = json.loads(line)
            message = json.loads(text)
            if message.get("type") != "next":
                raise RuntimeError(f"subscriber {index} got {text}")
            payload = message["payload"]
            if payload.get("errors"):
                raise RuntimeError(f"subscriber {index} got errors: {payload['errors']}")
            change = payload["data"]["formChanges"]
            found.append((at, index, change["position"], change["formId"]))
    return found
