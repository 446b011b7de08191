"""The mutation load of `tools/bench dispatch`: createForm and updateForm over keep-alive HTTP.

Every operation is noted as (formId, stream version, sent, answered, phase), times from
`time.time()`; the stream version is what the event of that mutation gets (0 for a
creation, one more per update), which lets the benchmark match each delivered event to the
mutation that made it. A form has at most one update in flight, so its versions follow the
order the answers come back in.
"""
import collections
import http.client
import json
import threading
import time

CREATE = ("mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }")
UPDATE = ("mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }")


class Connection:
    """One keep-alive HTTP connection to the GraphQL endpoint."""

    def __init__(self, port, token):
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}

    def ask(self, query, variables):
        """POSTs one operation; returns (decoded body, time sent, time answered)."""
        body = json.dumps({"query": query, "variables": variables})
        sent = time.time()
        self.http.request("POST", "/graphql", body, self.headers)
        answer = self.http.getresponse()
        text = answer.read()
        return json.loads(text), sent, time.time()


class Load:
    """Creates forms between pairs of companies and renames them, at a pace or flat out."""

    def __init__(self, port, token, companies):
        self.port, self.token, self.companies = port, token, companies
        self.lock = threading.Lock()
        self.idle = collections.deque()
        self.versions = {}
        self.pairs = {}
        self.records = []
        self.errors = []
        self.created = 0

    def pair(self):
        """The next (emitter, recipient) company indexes: every ordered pair in turn."""
        count = len(self.companies)
        with self.lock:
            number = self.created
            self.created += 1
        emitter = number % count
        return emitter, (emitter + 1 + (number // count) % (count - 1)) % count

    def create(self, connection, phase, pair=None):
        emitter, recipient = pair or self.pair()
        # No recipient: a draft is read by the companies named on it that its author (ADMIN
        # of every company here) belongs to, so naming one would double each event's audience.
        content = {
            "customId": f"bench-{emitter}-{recipient}",
            "emitter": {"type": "PRODUCER", "company": self.companies[emitter]},
            "wasteDetails": {"code": "16 01 07*", "name": "Filtres", "quantity": 1.5},
        }
        body, sent, answered = connection.ask(CREATE, {"i": content})
        if body.get("errors") or not body.get("data"):
            self.fail(body)
            return
        form = body["data"]["createForm"]["id"]
        with self.lock:
            self.versions[form] = 0
            self.pairs[form] = (emitter, recipient)
            self.records.append((form, 0, sent, answered, phase))
            self.idle.append(form)

    def update(self, connection, form, phase):
        version = self.versions[form] + 1
        body, sent, answered = connection.ask(
            UPDATE, {"i": {"id": form, "customId": f"bench-update-{version}"}})
        with self.lock:
            if body.get("errors") or not body.get("data"):
                self.errors.append(body)
            else:
                self.versions[form] = version
                self.records.append((form, version, sent, answered, phase))
            self.idle.append(form)

    def fail(self, body):
        with self.lock:
            self.errors.append(body)

    def operation(self, connection, number, phase):
        """Odd operations update an idle form when there is one; the others create."""
        form = None
        if number % 2 == 1:
            with self.lock:
                form = self.idle.popleft() if self.idle else None
        if form is None:
            self.create(connection, phase)
        else:
            self.update(connection, form, phase)

    def run(self, phase, workers, rate=None, seconds=None, count=None, deadline=None):
        """Runs operations on `workers` connections: at `rate` per second for `seconds`
        (open loop: each starts at its due time, late or not), or `count` flat out until
        `deadline` (a time.monotonic() value). Returns the seconds it took."""
        counter = iter(range(1 << 62))
        counter_lock = threading.Lock()
        started = time.monotonic()

        def worker():
            connection = Connection(self.port, self.token)
            while True:
                with counter_lock:
                    number = next(counter)
                if rate is not None:
                    due = started + number / rate
                    if due >= started + seconds:
                        return
                    time.sleep(max(0.0, due - time.monotonic()))
                elif number >= count or time.monotonic() > deadline:
                    return
                self.operation(connection, number, phase)

        threads = [threading.Thread(target=worker) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - started
