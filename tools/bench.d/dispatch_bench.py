#!/usr/bin/env python3
"""Runs `tools/bench dispatch` once the binaries are built (see tools/bench.d/dispatch).

    dispatch_bench.py SERVER RECEIVER BASELINE WORK [--quick] [--seconds S] [--rate R]
                      [--endpoints N] [--subscribers N] [--companies N] [--backlog N]

Starts the C receivers (N loopback ports), `bsd-ledger serve` with loopback allowed for
webhooks, makes the companies (one user, ADMIN of all), one webhook setting per endpoint
(endpoint e belongs to company e mod companies, ENVELOPE bodies) and the subscribers
(subscriber s follows company s mod companies, over two processes), then:

1. warm-up: one BSD per company, until every subscriber has had a push;
2. steady load: createForm/updateForm at --rate per second for --seconds, each BSD from one
   company to another; BSDs stay drafts, which only the emitter may read, so each event goes
   to the endpoints and subscribers of its emitter (5 and 50 with the defaults);
3. backlog, --rounds times (3; 2 with --quick), after a run of the baseline (4) each time, so that both are
   measured alike on a busy machine: the subscribers are closed (once), then the receivers
   stopped (SIGSTOP) while --backlog
   mutations are made flat out (6 s at most, within libcurl's 10 s timeout), then resumed
   (SIGCONT): deliveries per second are the deliveries arriving after the release over the
   time to the last of them;
4. baseline: the raw libcurl multi loop (tools/bench.d/curl-baseline.c) posts as many
   requests (at least 100 per endpoint), as many to each endpoint, one in flight per
   endpoint, with a body of the size webhooks carry, to the same receivers.

Latency is arrival time minus the event's `recordedAt` (read from the envelope the webhook
carries; a subscription push is matched to it by ledger position), and minus the time the
mutation's answer was read, as a second figure. The writer stamps `recordedAt` inside the
write transaction, before the commit's fsync, and the answer comes after the commit: the
true commit-to-delivery latency lies between the two, and the targets are checked against
the first (the larger). Prints a table, then one JSON line; exits 1 when a mutation failed
or a delivery or push is missing.
"""
import argparse
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dispatch_load import Connection, Load  # noqa: E402
from dispatch_report import report  # noqa: E402
from dispatch_subscribers import read as read_subscribers, run as run_subscribers  # noqa: E402
from mutation_mix import ask, company  # noqa: E402

EMAIL = "dispatch@bench.example"
PASSWORD = "bench passphrase, long enough"
HOOK_TOKEN = "bench-token-0123456789abcdef"
CREATE_HOOK = ("mutation($i: WebhookSettingCreateInput!) { createWebhookSetting(input: $i) "
               "{ id } }")


def options():
    parser = argparse.ArgumentParser()
    for name in ("server", "receiver", "baseline", "work"):
        parser.add_argument(name)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--endpoints", type=int, default=100)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--companies", type=int, default=20)
    parser.add_argument("--backlog", type=int)
    parser.add_argument("--rounds", type=int)
    parsed = parser.parse_args()
    parsed.seconds = parsed.seconds or (8.0 if parsed.quick else 30.0)
    parsed.backlog = parsed.backlog or (1000 if parsed.quick else 3000)
    parsed.rounds = parsed.rounds or (2 if parsed.quick else 3)
    if not 2 <= parsed.companies <= parsed.endpoints:
        parser.error("need 2 <= companies <= endpoints (every event must reach an endpoint)")
    return parsed


def wait_until(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


class Scene:
    """The processes of the run and what they share."""

    def __init__(self, args):
        self.args = args
        self.hooks_path = os.path.join(args.work, "hooks.txt")
        self.receiver = subprocess.Popen([args.receiver, str(args.endpoints), self.hooks_path],
                                         stdout=subprocess.PIPE, text=True)
        self.ports = [int(port) for port in self.receiver.stdout.readline().split()[1:]]
        self.server = subprocess.Popen(
            [args.server, "serve", "--listen", "127.0.0.1:0", "--data",
             os.path.join(args.work, "data"), "--requests-per-minute", "0", "--log-level",
             "warning", "--webhook-allow-host", "127.0.0.1", "--webhooks-per-company",
             str(-(-args.endpoints // args.companies))],
            stdout=subprocess.PIPE, stderr=open(os.path.join(args.work, "serve.log"), "w"),
            text=True)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", self.server.stdout.readline())
        if not match:
            sys.exit("bench: serve did not start")
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}/graphql"
        self.children = []

    def hook_count(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.ports[0]}/count") as answer:
            return int(answer.read())

    def setup(self):
        ask(self.url, "mutation($u: SignupInput!) { signup(userInfos: $u) { id } }",
            {"u": {"email": EMAIL, "password": PASSWORD, "name": "Dispatch Bench"}})
        self.token = ask(self.url, "mutation($e: String!, $p: String!) { login(email: $e, "
                         "password: $p) { token } }", {"e": EMAIL, "p": PASSWORD})["login"]["token"]
        self.companies = [company(self.url, self.token, 9_000 + index, f"Bench {index}",
                                  ["PRODUCER", "WASTEPROCESSOR"])
                          for index in range(self.args.companies)]
        for index, port in enumerate(self.ports):
            ask(self.url, CREATE_HOOK, {"i": {
                "companyId": self.companies[index % len(self.companies)]["siret"],
                "endpointUri": f"http://127.0.0.1:{port}/hook/{index}", "token": HOOK_TOKEN,
                "activated": True, "payload": "ENVELOPE"}}, self.token)

    def subscribe(self):
        context = multiprocessing.get_context("fork")
        self.ready, self.live = context.Value("i", 0), context.Value("i", 0)
        self.stop = context.Event()
        self.received = []
        sirets = [entry["siret"] for entry in self.companies]
        ws_url = f"ws://127.0.0.1:{self.port}/graphql"
        for part in range(2):
            counter = context.Value("i", 0)
            path = os.path.join(self.args.work, f"subscribers-{part}.jsonl")
            child = context.Process(target=run_subscribers, args=(
                ws_url, self.token, sirets, list(range(part, self.args.subscribers, 2)), path,
                self.ready, self.live, counter, self.stop))
            child.start()
            self.children.append((child, path))
            self.received.append(counter)
        if not wait_until(lambda: self.ready.value == self.args.subscribers, 120, "subscribers"):
            sys.exit(f"bench: only {self.ready.value} subscribers connected")

    def pushes(self):
        return sum(counter.value for counter in self.received)

    def unsubscribe(self):
        """Closes every subscriber and returns what they received."""
        self.stop.set()
        arrivals = []
        for child, path in self.children:
            child.join(timeout=60)
            if child.exitcode != 0:
                sys.exit(f"bench: a subscriber process failed (exit {child.exitcode})")
            arrivals += read_subscribers(path)
        self.children = []
        return arrivals

    def finish(self):
        self.stop.set()
        for child, _ in self.children:
            child.join(timeout=60)
        self.server.send_signal(signal.SIGTERM)
        served = self.server.wait(timeout=60)
        self.receiver.send_signal(signal.SIGTERM)
        self.receiver.wait(timeout=60)
        return served


def expected(load, scene, phases):
    """(deliveries, pushes) due for the events of `phases`."""
    endpoints = [0] * scene.args.companies
    for index in range(scene.args.endpoints):
        endpoints[index % scene.args.companies] += 1
    subscribers = [0] * scene.args.companies
    for index in range(scene.args.subscribers):
        subscribers[index % scene.args.companies] += 1
    deliveries = pushes = 0
    for form, _, _, _, phase in load.records:
        if phase in phases:
            # A draft is read by the companies named on it that its author belongs to: the
            # load names only its emitter.
            emitter = load.pairs[form][0]
            deliveries += endpoints[emitter]
            pushes += subscribers[emitter]
    return deliveries, pushes


def baseline(args, scene, deliveries):
    """One run of the raw libcurl loop: (requests, seconds)."""
    per_endpoint = max(50, -(-deliveries // args.endpoints))
    urls = [f"http://127.0.0.1:{port}/raw/{index}" for index, port in enumerate(scene.ports)]
    output = subprocess.run([args.baseline, str(per_endpoint), scene.hooks_path + ".sample",
                             *urls], capture_output=True, text=True, check=True).stdout
    numbers = dict(zip(output.split()[0::2], output.split()[1::2]))
    return int(numbers["requests"]), float(numbers["seconds"])


def backlog(args, scene, load, number):
    """One backlog made with the receivers stopped, then drained; its times and size."""
    phase = f"backlog-{number}"
    before = scene.hook_count()
    os.kill(scene.receiver.pid, signal.SIGSTOP)
    try:
        burst = load.run(phase, 8, count=args.backlog, deadline=time.monotonic() + 6)
    finally:
        released = time.time()
        os.kill(scene.receiver.pid, signal.SIGCONT)
    due = expected(load, scene, {phase})[0]
    if not wait_until(lambda: scene.hook_count() >= before + due, 300, "backlog"):
        sys.exit(f"bench: backlog {number}: {scene.hook_count() - before} of {due} delivered")
    return {"released": released, "finished": time.time(), "burstSeconds": burst, "due": due}


def warm_up(args, scene, load):
    """One BSD per company, until every subscriber had a push and every endpoint a delivery."""
    connection = Connection(scene.port, scene.token)
    for index in range(args.companies):
        load.create(connection, "warm-up", (index, (index + 1) % args.companies))
    due = expected(load, scene, {"warm-up"})
    if not wait_until(lambda: scene.live.value == args.subscribers
                      and scene.hook_count() >= due[0], 60, "warm-up"):
        sys.exit(f"bench: warm-up incomplete: {scene.live.value} subscribers live, "
                 f"{scene.hook_count()} of {due[0]} deliveries")


def measure(args, scene, load):
    """Steady load, then rounds of baseline and backlog taking turns (a busy machine slows
    both alike); returns the pushes received and the figures the report needs."""
    warm_up(args, scene, load)
    steady_seconds = load.run("steady", 8, rate=args.rate, seconds=args.seconds)
    due = expected(load, scene, {"warm-up", "steady"})
    wait_until(lambda: scene.hook_count() >= due[0] and scene.pushes() >= due[1], 60,
               "steady deliveries")
    pushes = scene.unsubscribe()
    rounds, raw = [], []
    for number in range(args.rounds):
        raw.append(baseline(args, scene, args.backlog * args.endpoints // args.companies))
        rounds.append(backlog(args, scene, load, number))
    return pushes, {"steadySeconds": steady_seconds, "rounds": rounds,
                    "rawRequests": sum(requests for requests, _ in raw),
                    "rawSeconds": sum(seconds for _, seconds in raw)}


def main():
    args = options()
    load_before = open("/proc/loadavg").read().split()[:3]
    scene = Scene(args)
    try:
        scene.setup()
        scene.subscribe()
        load = Load(scene.port, scene.token, scene.companies)
        pushes, figures = measure(args, scene, load)
    finally:
        served = scene.finish()
    hooks = [line.split(" ", 3) for line in open(scene.hooks_path).read().splitlines()]
    backlogs = {f"backlog-{number}" for number in range(args.rounds)}
    ok = report(args, load, scene, hooks, pushes, dict(
        figures, served=served, loadBefore=load_before,
        loadAfter=open("/proc/loadavg").read().split()[:3],
        expected=(expected(load, scene, {"warm-up", "steady"} | backlogs)[0],
                  expected(load, scene, {"warm-up", "steady"})[1]),
        sampleBytes=os.path.getsize(scene.hooks_path + ".sample")))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
