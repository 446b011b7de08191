"""GraphQL subscriptions against independent clients: the `gql` client over
graphql-transport-ws (its WebsocketsTransport), raw `websockets` for the protocol's close
codes, and `requests` reading graphql-sse (distinct connections) as a plain event stream."""
import asyncio
import json
import socket
import threading

import pytest
import requests
from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.websockets import WebsocketsTransport
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from bsdd_world import Company, Person, Server, data

FORM_CHANGES = gql("""
subscription ($s: String, $a: Int) {
  formChanges(siret: $s, after: $a) { action position eventType formId form { id status } }
}""")
LEDGER_EVENTS = gql("subscription ($a: Int) { ledgerEvents(after: $a) { position formId type status } }")


class World:
    def __init__(self, binary, folder, extra_args=()):
        self.server = Server(binary, folder, extra_args)
        self.url = self.server.url
        self.ws_url = self.url.replace("http://", "ws://")
        self.ana = Person(self.url, "ana@producer.example", "Ana")
        self.rita = Person(self.url, "rita@recipient.example", "Rita")
        self.una = Person(self.url, "una@elsewhere.example", "Una")
        self.producer = Company(self.ana, 301, "Producteur Ouest", ["PRODUCER"])
        self.recipient = Company(self.rita, 303, "Centre de traitement", ["WASTEPROCESSOR"])
        self.elsewhere = Company(self.una, 305, "Ailleurs SA", ["PRODUCER"])

    def create(self, custom_id):
        content = {
            "customId": custom_id,
            "emitter": {"type": "PRODUCER", "company": self.producer.input()},
            "recipient": {"company": self.recipient.input(), "processingOperation": "R 1"},
            "wasteDetails": {"code": "16 01 07*", "name": "Filtres", "quantity": 1.5},
        }
        return self.ana.must("mutation($i: CreateFormInput!) { createForm(createFormInput: $i)"
                             " { id } }", {"i": content})["createForm"]["id"]

    def rename(self, form_id, custom_id):
        self.ana.must("mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                      {"i": {"id": form_id, "customId": custom_id}})

    def delete(self, form_id):
        self.ana.must("mutation($i: ID!) { deleteForm(id: $i) { id } }", {"i": form_id})


@pytest.fixture(scope="module")
def world(ledger_binary, tmp_path_factory):
    built = World(ledger_binary, tmp_path_factory.mktemp("subscriptions"))
    yield built
    built.server.stop()


def run(coroutine, timeout=30):
    return asyncio.run(asyncio.wait_for(coroutine, timeout=timeout))


def transport(world, person, init_payload=None):
    return WebsocketsTransport(
        url=world.ws_url, subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        init_payload=init_payload or {"Authorization": f"Bearer {person.token}"})


async def collect(session, document, variables, count, started=None):
    items = []
    async for result in session.subscribe(document, variable_values=variables):
        items.append(result)
        if len(items) == count:
            break
    return items


def test_gql_client_gets_live_changes_then_catches_up_from_a_position(world):
    async def scenario():
        async with Client(transport=transport(world, world.ana)) as session:
            task = asyncio.ensure_future(
                collect(session, FORM_CHANGES, {"s": world.producer.siret}, 3))
            await asyncio.sleep(0.5)
            form_id = await asyncio.to_thread(world.create, "live-1")
            await asyncio.to_thread(world.rename, form_id, "live-2")
            await asyncio.to_thread(world.delete, form_id)
            live = [item["formChanges"] for item in await task]
        assert [change["action"] for change in live] == ["CREATED", "UPDATED", "DELETED"]
        assert {change["formId"] for change in live} == {form_id}
        assert live[0]["eventType"] == "FormCreated" and live[2]["form"] is None
        positions = [change["position"] for change in live]
        assert positions == sorted(positions)

        # The same changes again from the log, then a new one live, with no repeat.
        # The token goes in `authToken` this time, the other accepted spelling.
        payload = {"authToken": world.ana.token}
        async with Client(transport=transport(world, world.ana, init_payload=payload)) as session:
            task = asyncio.ensure_future(collect(
                session, FORM_CHANGES, {"s": world.producer.siret, "a": positions[0] - 1}, 4))
            await asyncio.sleep(0.5)
            second = await asyncio.to_thread(world.create, "live-3")
            replay = [item["formChanges"] for item in await task]
        assert [change["position"] for change in replay[:3]] == positions
        assert replay[3]["formId"] == second and replay[3]["action"] == "CREATED"
        assert replay[3]["form"] == {"id": second, "status": "DRAFT"}
    run(scenario())


def test_visibility_and_access_rules_apply_to_subscriptions(world):
    async def scenario():
        # Una's company is on no BSD: her ledger events stay empty while Ana writes.
        async with Client(transport=transport(world, world.una)) as una, \
                Client(transport=transport(world, world.ana)) as ana:
            theirs = asyncio.ensure_future(collect(una, LEDGER_EVENTS, {}, 1))
            mine = asyncio.ensure_future(collect(ana, LEDGER_EVENTS, {}, 1))
            await asyncio.sleep(0.5)
            form_id = await asyncio.to_thread(world.create, "private")
            event = (await mine)[0]["ledgerEvents"]
            assert event["formId"] == form_id and event["type"] == "FormCreated"
            assert event["status"] == "DRAFT"
            await asyncio.sleep(0.5)
            assert not theirs.done()
            theirs.cancel()
            # A company the caller is not a member of is refused.
            with pytest.raises(TransportQueryError) as refused:
                await collect(una, FORM_CHANGES, {"s": world.producer.siret}, 1)
            assert refused.value.errors[0]["extensions"]["code"] == "FORBIDDEN"
    run(scenario())


async def raw_close(world, messages, headers=None):
    """Sends `messages` on a raw graphql-transport-ws socket; returns (replies, close code)."""
    replies = []
    async with connect(world.ws_url, subprotocols=["graphql-transport-ws"],
                       additional_headers=headers) as socket:
        assert socket.subprotocol == "graphql-transport-ws"
        for message in messages:
            await socket.send(message if isinstance(message, str) else json.dumps(message))
        try:
            while True:
                replies.append(json.loads(await asyncio.wait_for(socket.recv(), timeout=2)))
        except ConnectionClosed as closed:
            return replies, closed.rcvd.code if closed.rcvd else None
        except TimeoutError:
            return replies, None


def test_protocol_messages_and_close_codes(world):
    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {world.ana.token}"}}
    subscribe = {"id": "1", "type": "subscribe",
                 "payload": {"query": "subscription { ledgerEvents { position } }"}}
    replies, code = run(raw_close(world, [{"type": "ping"}, subscribe]))
    assert replies == [{"type": "pong"}] and code == 4401
    replies, code = run(raw_close(world, [init, init]))
    assert replies[:1] == [{"type": "connection_ack"}] and code == 4429
    assert run(raw_close(world, [init, subscribe, subscribe]))[1] == 4409
    assert run(raw_close(world, [{"type": "connection_init",
                                   "payload": {"authToken": "nope"}}]))[1] == 4403
    assert run(raw_close(world, [{"type": "connection_init"}]))[1] == 4403
    assert run(raw_close(world, ["{not json"]))[1] == 4400
    assert run(raw_close(world, [init, {"type": "next", "id": "1", "payload": {}}]))[1] == 4400
    # The upgrade request's Authorization header is enough without a payload token.
    header = {"Authorization": f"Bearer {world.ana.token}"}
    query = {"id": "q", "type": "subscribe", "payload": {"query": "{ me { email } }"}}
    replies, code = run(raw_close(world, [{"type": "connection_init"}, query,
                                          {"type": "ping"}], headers=header))
    assert replies[0] == {"type": "connection_ack"}
    assert {"id": "q", "type": "next",
            "payload": {"data": {"me": {"email": "ana@producer.example"}}}} in replies
    assert {"id": "q", "type": "complete"} in replies and {"type": "pong"} in replies
    assert code is None


def test_a_client_offering_another_subprotocol_is_closed_4406(world):
    async def scenario():
        async with connect(world.ws_url, subprotocols=["graphql-ws"]) as socket:
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), timeout=5)
            return closed.value.rcvd.code
    assert run(scenario()) == 4406


def sse(world, person, query, variables=None):
    return requests.post(world.url, json={"query": query, "variables": variables or {}},
                         headers={"Accept": "text/event-stream",
                                  "Authorization": f"Bearer {person.token}"},
                         stream=True, timeout=30)


def events(response):
    """Yields (event, data) pairs of a text/event-stream response."""
    name, lines = None, []
    for line in response.iter_lines(decode_unicode=True):
        if line == "":
            yield name, "\n".join(lines)
            name, lines = None, []
        elif line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            lines.append(line[5:].lstrip())


def test_sse_streams_next_events_then_complete(world):
    query = "subscription ($s: String) { formChanges(siret: $s) { action formId } }"
    with sse(world, world.ana, query, {"s": world.producer.siret}) as response:
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/event-stream")
        writer = threading.Timer(0.5, lambda: world.create("over-sse"))
        writer.start()
        name, payload = next(events(response))
        writer.join()
    assert name == "next"
    change = json.loads(payload)["data"]["formChanges"]
    assert change["action"] == "CREATED"

    with sse(world, world.ana, "{ me { email } }") as response:
        received = list(events(response))
    assert received == [("next", '{"data":{"me":{"email":"ana@producer.example"}}}'),
                        ("complete", "")]
    with sse(world, world.ana, "subscription { nope }") as response:
        received = list(events(response))
    assert received[0][0] == "next" and json.loads(received[0][1])["errors"]
    assert received[1] == ("complete", "")


CREATE_BY_ID = ('mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }')


def drafts_named(world, custom_id):
    found = world.ana.must("query($s: String!) { forms(siret: $s, customId: $c) { id } }"
                           .replace("$c", '"' + custom_id + '"'), {"s": world.producer.siret})
    return len(found["forms"])


def creation(world, custom_id):
    return {"i": {"customId": custom_id,
                  "emitter": {"type": "PRODUCER", "company": world.producer.input()}}}


def test_a_mutation_sent_with_get_for_an_event_stream_is_refused_and_runs_nothing(world):
    params = {"query": CREATE_BY_ID,
              "variables": json.dumps(creation(world, "sse-get"))}
    response = requests.get(world.url, params=params, timeout=30,
                            headers={"Accept": "text/event-stream",
                                     "Authorization": f"Bearer {world.ana.token}"})
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert drafts_named(world, "sse-get") == 0


def test_an_idempotency_key_on_an_event_stream_mutation_is_honoured(world):
    def send(accept):
        return requests.post(world.url, json={"query": CREATE_BY_ID,
                                              "variables": creation(world, "sse-keyed")},
                             timeout=30,
                             headers={"Accept": accept, "Idempotency-Key": "sse-key-1",
                                      "Authorization": f"Bearer {world.ana.token}"})

    only_stream = send("text/event-stream")
    assert only_stream.status_code == 406
    assert drafts_named(world, "sse-keyed") == 0
    first = send("text/event-stream, application/json")
    again = send("text/event-stream, application/json")
    assert first.status_code == again.status_code == 200
    assert first.headers["Content-Type"].startswith("application/json")
    assert again.headers.get("Idempotency-Replayed") == "true"
    assert again.json() == first.json()
    assert drafts_named(world, "sse-keyed") == 1


@pytest.fixture(scope="module")
def strict(ledger_binary, tmp_path_factory):
    """A server with a 300 ms connection_init deadline and room for 2 changes per subscriber."""
    built = World(ledger_binary, tmp_path_factory.mktemp("strict"),
                  ["--subscription-init-timeout-ms", "300", "--subscriber-buffer", "2"])
    yield built
    built.server.stop()


def test_no_connection_init_in_time_closes_4408(strict):
    replies, code = run(raw_close(strict, []))
    assert replies == [] and code == 4408
    # In time, the same server acknowledges and keeps the connection.
    init = {"type": "connection_init", "payload": {"authToken": strict.ana.token}}
    replies, code = run(raw_close(strict, [init]))
    assert replies == [{"type": "connection_ack"}] and code is None


async def stalled_subscription(world, query):
    """A graphql-transport-ws socket with tiny receive buffers that subscribes, then stops
    reading until told: the server's sends block, as with a slow client."""
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.connect(("127.0.0.1", int(world.url.split(":")[2].split("/")[0])))
    raw.setblocking(False)
    client = await connect(world.ws_url, subprotocols=["graphql-transport-ws"], sock=raw,
                           max_queue=1, max_size=None)
    await client.send(json.dumps({"type": "connection_init",
                                  "payload": {"authToken": world.ana.token}}))
    assert json.loads(await client.recv()) == {"type": "connection_ack"}
    await client.send(json.dumps({"id": "slow", "type": "subscribe", "payload": query}))
    return client


def test_a_slow_client_is_ended_with_resume_after_and_resumes_without_gap_or_repeat(strict):
    # Forty copies of the BSD per change: a few hundred changes fill the socket buffers.
    copy = ("form { customId readableId status emitter { company { name siret address contact"
            " mail phone } } }")
    copies = " ".join(f"copy{n}: {copy}" for n in range(40))
    query = {"query": "subscription ($s: String, $a: Int) { formChanges(siret: $s, after: $a)"
                      " { position formId " + copies + " } }",
             "variables": {"s": strict.producer.siret}}

    async def scenario():
        client = await stalled_subscription(strict, query)
        await asyncio.sleep(0.3)
        made = []
        for n in range(200):
            made.append(await asyncio.to_thread(strict.create, f"slow-{n}"))
        received, ended = [], None
        while ended is None:
            message = json.loads(await asyncio.wait_for(client.recv(), timeout=10))
            if message["type"] == "next":
                received.append(message["payload"]["data"]["formChanges"])
            else:
                ended = message
        await client.close()
        return made, received, ended

    made, received, ended = run(scenario(), timeout=120)
    assert ended["type"] == "error" and ended["id"] == "slow"
    [error] = ended["payload"]
    assert error["extensions"]["code"] == "TOO_MANY_REQUESTS"
    resume_after = error["extensions"]["resumeAfter"]
    positions = [change["position"] for change in received]
    assert positions == sorted(set(positions))
    assert len(received) < len(made), "the client was ended before it had everything"
    assert not positions or positions[-1] == resume_after

    async def resume():
        resumed = []
        variables = {"s": strict.producer.siret, "a": resume_after}
        async with Client(transport=transport(strict, strict.ana)) as session:
            async for result in session.subscribe(gql(query["query"]), variable_values=variables):
                resumed.append(result["formChanges"])
                if resumed[-1]["formId"] == made[-1]:
                    return resumed
    resumed = run(resume(), timeout=60)
    every = received + resumed
    assert [change["position"] for change in every] == sorted(
        {change["position"] for change in every})
    assert [change["formId"] for change in every] == made

