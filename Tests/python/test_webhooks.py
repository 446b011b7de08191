"""Webhooks end to end: a real `bsd-ledger serve` with loopback on its SSRF allowlist, real
HTTP receivers on loopback, every signature checked with the PyPI `standardwebhooks` library.

Companies, people and BSDs are made through the GraphQL API (bsdd_world); the receivers
record every request they get, so the tests see exactly what went over the wire.
"""
import http.server
import json
import re
import signal
import subprocess
import threading
import time

import pytest
from standardwebhooks.webhooks import Webhook

from bsdd_world import Company, Person, codes, data

TOKEN = "integrator-bearer-token-0123"
FAST_RETRIES = "50,100,200,400,800,1600,3200"
CREATE = ("mutation($i: WebhookSettingCreateInput!) { createWebhookSetting(input: $i)"
          " { id secret activated payload } }")
SETTING = ("query($id: ID!) { webhooksetting(id: $id) { id activated deactivationReason secret } }")
FAILURES = ("query($id: ID!) { webhookFailures(settingId: $id) { totalCount edges { node"
            " { position webhookId attempts lastStatus } } } }")


class LedgerServer:
    """`bsd-ledger serve` on an ephemeral port with the webhook options of a test."""

    def __init__(self, binary, folder, *options):
        self.child = subprocess.Popen(
            [str(binary), "serve", "--listen", "127.0.0.1:0", "--data", str(folder),
             "--requests-per-minute", "0", "--webhook-allow-host", "127.0.0.1", *options],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.child.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"no URL in {line!r}"
        self.url = f"http://127.0.0.1:{match.group(1)}/graphql"

    def stop(self):
        self.child.send_signal(signal.SIGTERM)
        assert self.child.wait(timeout=30) == 0

    def kill(self):
        self.child.send_signal(signal.SIGKILL)
        self.child.wait(timeout=10)


class Receiver:
    """An HTTP endpoint on loopback that records each request and answers `status`."""

    def __init__(self, status=200, delay=0.0):
        self.status = status
        self.delay = delay
        self.requests = []
        self.lock = threading.Lock()
        self.port = 0
        self.server = None
        self.up()

    def up(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                time.sleep(receiver.delay)
                with receiver.lock:
                    receiver.requests.append(({k.lower(): v for k, v in self.headers.items()},
                                              body, receiver.status))
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hook"

    def acknowledged(self):
        with self.lock:
            return [(headers, body) for headers, body, status in self.requests
                    if 200 <= status < 300]

    def all(self):
        with self.lock:
            return list(self.requests)


def wait_for(predicate, timeout=20.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def verified(secret, headers, body):
    """The body as the standardwebhooks library reads it, after checking the signature."""
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert headers["content-type"] == "application/json"
    return Webhook(secret).verify(body, {
        "webhook-id": headers["webhook-id"], "webhook-timestamp": headers["webhook-timestamp"],
        "webhook-signature": headers["webhook-signature"]})


class Scene:
    """A server, a producer (ADMIN Ana, MEMBER Max) and an unrelated company."""

    def __init__(self, binary, folder, *options):
        self.binary, self.folder, self.options = binary, folder, options
        self.server = LedgerServer(binary, folder, *options)
        url = self.server.url
        self.ana = Person(url, "ana@producer.example", "Ana")
        self.una = Person(url, "una@elsewhere.example", "Una")
        self.producer = Company(self.ana, 201, "Producteur Ouest", ["PRODUCER"])
        self.elsewhere = Company(self.una, 202, "Ailleurs SA", ["PRODUCER"])
        self.max = self.producer.add(url, "max@producer.example", "Max", "MEMBER")

    def restart(self):
        self.server = LedgerServer(self.binary, self.folder, *self.options)
        for person in (self.ana, self.una, self.max):
            person.url = self.server.url

    def hook(self, receiver, person=None, payload=None):
        given = {"companyId": self.producer.siret, "endpointUri": receiver.url, "token": TOKEN,
                 "activated": True}
        if payload:
            given["payload"] = payload
        return (person or self.ana).must(CREATE, {"i": given})["createWebhookSetting"]

    def draft(self, custom="x"):
        content = {"customId": custom,
                   "emitter": {"type": "PRODUCER", "company": self.producer.input()}}
        return self.ana.must("mutation($i: CreateFormInput!) { createForm(createFormInput: $i)"
                             " { id readableId } }", {"i": content})["createForm"]

    def rename(self, form, custom):
        self.ana.must("mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                      {"i": {"id": form["id"], "customId": custom}})


@pytest.fixture
def scene(ledger_binary, tmp_path):
    built = Scene(ledger_binary, tmp_path / "data", "--webhook-retry-ms", FAST_RETRIES)
    yield built
    if built.server.child.poll() is None:
        built.server.stop()


def test_a_receiver_down_for_a_while_gets_every_event_in_per_bsd_order(scene):
    receiver = Receiver()
    setting = scene.hook(receiver)
    assert setting["secret"].startswith("whsec_") and setting["activated"]
    receiver.down()
    forms = [scene.draft(f"bsd-{n}") for n in range(3)]
    for form in forms:
        scene.rename(form, "renamed")
    for form in forms:
        scene.rename(form, "again")
    time.sleep(0.8)
    receiver.up()
    wait_for(lambda: len(receiver.acknowledged()) >= 9, what="nine deliveries")
    time.sleep(0.3)
    delivered = receiver.acknowledged()
    assert len(delivered) == 9
    actions = {}
    for headers, body in delivered:
        [item] = verified(setting["secret"], headers, body)
        actions.setdefault(item["id"], []).append(item["action"])
    assert actions == {form["readableId"]: ["CREATED", "UPDATED", "UPDATED"] for form in forms}
    assert len({headers["webhook-id"] for headers, _ in delivered}) == 9


def test_a_failing_endpoint_never_delays_the_others(scene):
    failing, healthy = Receiver(status=500), Receiver()
    bad = scene.hook(failing)
    good = scene.hook(healthy)
    form = scene.draft()
    started = time.monotonic()
    wait_for(lambda: healthy.acknowledged(), timeout=3, what="the healthy endpoint")
    assert time.monotonic() - started < 3
    [(headers, body)] = healthy.acknowledged()
    assert verified(good["secret"], headers, body) == [
        {"action": "CREATED", "id": form["readableId"]}]
    wait_for(lambda: len(failing.all()) >= 3, what="retries to the failing endpoint")
    attempts = failing.all()
    assert len({headers["webhook-id"] for headers, _, _ in attempts}) == 1
    for headers, body, _ in attempts:
        verified(bad["secret"], headers, body)


def test_sigkill_mid_delivery_loses_nothing_and_repeats_only_the_same_webhook_id(scene):
    receiver = Receiver(delay=0.25)
    setting = scene.hook(receiver)
    forms = [scene.draft(f"k-{n}") for n in range(6)]
    wait_for(lambda: len(receiver.all()) >= 2, what="the first deliveries")
    scene.server.kill()
    scene.restart()
    wait_for(lambda: {json.loads(body)[0]["id"] for _, body in receiver.acknowledged()}
             >= {form["readableId"] for form in forms}, what="every BSD after the restart")
    bodies = {}
    for headers, body in receiver.acknowledged():
        verified(setting["secret"], headers, body)
        bodies.setdefault(headers["webhook-id"], set()).add(body)
    assert all(len(distinct) == 1 for distinct in bodies.values())
    assert len(bodies) == 6
    repeats = len(receiver.acknowledged()) - len(bodies)
    assert repeats <= 1, "only the attempt in flight at the kill may come again"
    order = [json.loads(body)[0]["id"] for _, body in receiver.acknowledged()]
    assert sorted(set(order), key=order.index) == [form["readableId"] for form in forms]


def test_410_deactivates_and_a_failure_can_be_resent(scene):
    receiver = Receiver(status=410)
    setting = scene.hook(receiver)
    scene.draft()
    wait_for(lambda: not scene.ana.must(SETTING, {"id": setting["id"]})
             ["webhooksetting"]["activated"], what="deactivation")
    seen = scene.ana.must(SETTING, {"id": setting["id"]})["webhooksetting"]
    assert seen["deactivationReason"] == "GONE" and seen["secret"] is None
    failures = scene.ana.must(FAILURES, {"id": setting["id"]})["webhookFailures"]
    assert failures["totalCount"] == 1
    failure = failures["edges"][0]["node"]
    assert failure["lastStatus"] == 410 and failure["attempts"] == 1
    receiver.status = 200
    result = scene.ana.must(
        "mutation($s: ID!, $p: ID!) { resendWebhookFailure(settingId: $s, position: $p)"
        " { delivered failed } }", {"s": setting["id"], "p": failure["position"]})
    assert result["resendWebhookFailure"] == {"delivered": 1, "failed": 0}
    [(headers, body)] = receiver.acknowledged()
    assert headers["webhook-id"] == failure["webhookId"]
    verified(setting["secret"], headers, body)
    assert scene.ana.must(FAILURES, {"id": setting["id"]})["webhookFailures"]["totalCount"] == 0


def test_retries_exhausted_deactivate_the_endpoint(ledger_binary, tmp_path):
    scene = Scene(ledger_binary, tmp_path / "data", "--webhook-retry-ms", "20,20")
    try:
        receiver = Receiver(status=503)
        setting = scene.hook(receiver)
        scene.draft()
        wait_for(lambda: scene.ana.must(SETTING, {"id": setting["id"]})["webhooksetting"]
                 ["deactivationReason"] == "RETRIES_EXHAUSTED", what="exhaustion")
        assert len(receiver.all()) == 3
        failures = scene.ana.must(FAILURES, {"id": setting["id"]})["webhookFailures"]
        assert failures["edges"][0]["node"]["attempts"] == 3
    finally:
        scene.server.stop()


def test_the_envelope_payload_carries_the_ledger_event(scene):
    receiver = Receiver()
    setting = scene.hook(receiver, payload="ENVELOPE")
    form = scene.draft()
    wait_for(lambda: receiver.acknowledged(), what="a delivery")
    [(headers, body)] = receiver.acknowledged()
    [item] = verified(setting["secret"], headers, body)
    assert item["action"] == "CREATED" and item["id"] == form["readableId"]
    assert item["event"]["type"] == "FormCreated"
    assert item["event"]["streamId"] == f"form-{form['id']}"
    assert headers["webhook-id"] == "msg_" + item["event"]["eventId"]


def test_the_limit_per_company(ledger_binary, tmp_path):
    scene = Scene(ledger_binary, tmp_path / "data", "--webhooks-per-company", "2")
    try:
        receivers = [Receiver() for _ in range(3)]
        scene.hook(receivers[0])
        scene.hook(receivers[1])
        status, body = scene.ana.ask(CREATE, {"i": {
            "companyId": scene.producer.siret, "endpointUri": receivers[2].url, "token": TOKEN,
            "activated": True}})
        assert codes(body) == ["BAD_USER_INPUT"]
        assert body["errors"][0]["extensions"]["issues"] == [
            {"path": "input.companyId", "code": "WEBHOOK_LIMIT_REACHED"}]
    finally:
        scene.server.stop()


def test_settings_are_for_admins_only_and_endpoints_pass_the_ssrf_guard(scene):
    receiver = Receiver()
    given = {"companyId": scene.producer.siret, "endpointUri": receiver.url, "token": TOKEN,
             "activated": True}
    assert codes(scene.max.ask(CREATE, {"i": given})[1]) == ["FORBIDDEN"]
    assert codes(scene.una.ask(CREATE, {"i": given})[1]) == ["FORBIDDEN"]
    setting = scene.hook(receiver)
    assert codes(scene.max.ask(SETTING, {"id": setting["id"]})[1]) == ["FORBIDDEN"]
    assert codes(scene.una.ask(SETTING, {"id": setting["id"]})[1]) == ["NOT_FOUND"]
    update = ("mutation($id: ID!) { updateWebhookSetting(id: $id, input: {activated: false})"
              " { activated } }")
    assert codes(scene.max.ask(update, {"id": setting["id"]})[1]) == ["FORBIDDEN"]
    assert codes(scene.una.ask(update, {"id": setting["id"]})[1]) == ["NOT_FOUND"]
    listing = "{ webhooksettings { totalCount edges { node { id secret } } } }"
    assert scene.max.must(listing)["webhooksettings"]["totalCount"] == 0
    mine = scene.ana.must(listing)["webhooksettings"]
    assert mine["totalCount"] == 1 and mine["edges"][0]["node"] == {
        "id": setting["id"], "secret": None}
    for uri, code in [("https://10.0.0.1/hook", "ENDPOINT_ADDRESS_FORBIDDEN"),
                      ("http://example.com/hook", "ENDPOINT_NOT_HTTPS"),
                      ("https://user@example.com/", "ENDPOINT_MALFORMED")]:
        status, body = scene.ana.ask(CREATE, {"i": dict(given, endpointUri=uri)})
        assert codes(body) == ["BAD_USER_INPUT"], uri
        assert body["errors"][0]["extensions"]["issues"] == [
            {"path": "input.endpointUri", "code": code}]
    delete = "mutation($id: ID!) { deleteWebhookSetting(id: $id) { id } }"
    assert codes(scene.max.ask(delete, {"id": setting["id"]})[1]) == ["FORBIDDEN"]
    scene.ana.must(delete, {"id": setting["id"]})
    assert codes(scene.ana.ask(SETTING, {"id": setting["id"]})[1]) == ["NOT_FOUND"]
