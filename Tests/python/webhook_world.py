"""The webhook suites' world: a real `bsd-ledger serve` with loopback on its SSRF allowlist,
real HTTP receivers on loopback that record every request they get, and signatures checked
with the PyPI `standardwebhooks` library."""
import http.server
import signal
import threading
import time

import pytest

from standardwebhooks.webhooks import Webhook

from bsdd_world import Company, Person, Server

TOKEN = "integrator-bearer-token-0123"
FAST_RETRIES = "50,100,200,400,800,1600,3200"
CREATE = ("mutation($i: WebhookSettingCreateInput!) { createWebhookSetting(input: $i)"
          " { id secret activated payload } }")
SETTING = ("query($id: ID!) { webhooksetting(id: $id) { id activated deactivationReason secret } }")
FAILURES = ("query($id: ID!) { webhookFailures(settingId: $id) { totalCount edges { node"
            " { position webhookId attempts lastStatus } } } }")


class LedgerServer(Server):
    """`bsd-ledger serve` on an ephemeral port with the webhook options of a test."""

    def __init__(self, binary, folder, *options):
        super().__init__(binary, folder, ["--webhook-allow-host", "127.0.0.1", *options])

    def stop(self):
        self.child.send_signal(signal.SIGTERM)
        assert self.child.wait(timeout=30) == 0

    def kill(self):
        self.child.send_signal(signal.SIGKILL)
        self.child.wait(timeout=10)


class Receiver:
    """An HTTP endpoint on loopback that records each request and answers `status`, after
    the scripted `answers` ((status, headers) pairs, used once each, in turn). `arrivals`
    holds the monotonic time each request arrived at (before any `delay`)."""

    def __init__(self, status=200, delay=0.0, answers=()):
        self.status = status
        self.delay = delay
        self.answers = list(answers)
        self.requests = []
        self.arrivals = []
        self.lock = threading.Lock()
        self.port = 0
        self.server = None
        self.up()

    def up(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.arrivals.append(time.monotonic())
                    status, extra = (receiver.answers.pop(0) if receiver.answers
                                     else (receiver.status, {}))
                time.sleep(receiver.delay)
                with receiver.lock:
                    receiver.requests.append(({k.lower(): v for k, v in self.headers.items()},
                                              body, status))
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
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

    def hook(self, receiver, person=None, payload=None, company=None):
        given = {"companyId": (company or self.producer).siret, "endpointUri": receiver.url,
                 "token": TOKEN, "activated": True}
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
    """A server with a fast retry schedule and its world, stopped afterwards (unless the test
    killed it)."""
    built = Scene(ledger_binary, tmp_path / "data", "--webhook-retry-ms", FAST_RETRIES)
    yield built
    if built.server.child.poll() is None:
        built.server.stop()
