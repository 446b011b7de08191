"""The figures of `tools/bench dispatch`: latencies, counts, checks, the table and JSON line."""
import calendar
import json
import math
import re
import time

FIELDS = re.compile(r'position":(\d+),.*"recordedAt":"([^"]+)".*"streamId":"form-([^"]+)",'
                    r'"streamVersion":(\d+)')
TARGETS = {"webhookP99Milliseconds": 50, "subscriptionP99Milliseconds": 20,
           "deliveriesToRawLibcurl": 0.5}


def microseconds(text):
    """`yyyy-MM-ddTHH:mm:ss.ffffffZ` as microseconds since the epoch."""
    whole = calendar.timegm(time.strptime(text[:19], "%Y-%m-%dT%H:%M:%S"))
    return whole * 1_000_000 + int(text[20:26])


def percentile(values, share):
    """The nearest-rank percentile of `values` (milliseconds), None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(share / 100 * len(ordered)) - 1)], 3)


def summary(values):
    return {"count": len(values), "p50Milliseconds": percentile(values, 50),
            "p99Milliseconds": percentile(values, 99),
            "maxMilliseconds": round(max(values), 3) if values else None}


def webhooks(hooks, mutations):
    """Parses the receivers' lines: per-event facts, steady latencies, duplicates, order."""
    events, recorded_latency, answered_latency = {}, [], []
    seen, duplicates, disorder, last = set(), 0, 0, {}
    for endpoint, at, _, tail in hooks:
        match = FIELDS.search(tail)
        if not match:
            raise RuntimeError(f"unreadable delivery: {tail}")
        position, recorded = int(match.group(1)), microseconds(match.group(2))
        form, version = match.group(3), int(match.group(4))
        events[position] = (form, version, recorded)
        duplicates += (endpoint, position) in seen
        seen.add((endpoint, position))
        disorder += position < last.get(endpoint, 0)
        last[endpoint] = max(position, last.get(endpoint, 0))
        mutation = mutations.get((form, version))
        if mutation and mutation[2] == "steady":
            recorded_latency.append((int(at) - recorded) / 1000)
            answered_latency.append(int(at) / 1000 - mutation[1] * 1000)
    return events, recorded_latency, answered_latency, duplicates, disorder


def subscriptions(pushes, events, mutations):
    recorded_latency, answered_latency, unknown = [], [], 0
    seen, duplicates = set(), 0
    for at, connection, position, form in pushes:
        duplicates += (connection, position) in seen
        seen.add((connection, position))
        if position not in events or events[position][0] != form:
            unknown += 1
            continue
        _, version, recorded = events[position]
        mutation = mutations.get((form, version))
        if mutation and mutation[2] == "steady":
            recorded_latency.append(at * 1000 - recorded / 1000)
            answered_latency.append((at - mutation[1]) * 1000)
    return recorded_latency, answered_latency, duplicates, unknown


def row(name, count, p50, p99, target):
    text = lambda value: "-" if value is None else f"{value:.2f}"
    print(f"{name:<50}{count:>9}{text(p50):>10}{text(p99):>10}  {target}")


def verdict(value, limit, below=True):
    if value is None:
        return "missed"
    return "met" if (value <= limit if below else value >= limit) else "missed"


def report(args, load, scene, hooks, pushes, extra):
    """Prints the table and the JSON line; returns whether every check passed."""
    mutations = {(form, version): (sent, answered, phase)
                 for form, version, sent, answered, phase in load.records}
    events, hook_recorded, hook_answered, hook_dups, disorder = webhooks(hooks, mutations)
    push_recorded, push_answered, push_dups, unknown = subscriptions(pushes, events, mutations)
    steady = [answered - sent for _, _, sent, answered, phase in load.records if phase == "steady"]
    drained, drain_seconds = 0, 0.0
    for backlog in extra["rounds"]:
        start, end = backlog["released"] * 1e6, backlog["finished"] * 1e6
        arrivals = [int(at) for _, at, _, _ in hooks if start < int(at) <= end]
        drained += len(arrivals)
        drain_seconds += (max(arrivals) - start) / 1e6 if arrivals else 0.0
    drain_rate = drained / drain_seconds if drain_seconds else 0.0
    raw_rate = extra["rawRequests"] / extra["rawSeconds"]
    ratio = drain_rate / raw_rate
    sizes = [int(size) for _, _, size, _ in hooks]
    hook_summary, push_summary = summary(hook_recorded), summary(push_recorded)
    due_hooks, due_pushes = extra["expected"]
    missing_hooks = due_hooks - (len(hooks) - hook_dups)
    missing_pushes = due_pushes - (len(pushes) - push_dups)
    hook_met = verdict(hook_summary["p99Milliseconds"], TARGETS["webhookP99Milliseconds"])
    push_met = verdict(push_summary["p99Milliseconds"], TARGETS["subscriptionP99Milliseconds"])
    ratio_met = verdict(ratio, TARGETS["deliveriesToRawLibcurl"], below=False)
    print(f"{args.endpoints} webhook endpoints, {args.subscribers} subscribers, "
          f"{args.companies} companies; steady load {len(steady)} mutations in "
          f"{extra['steadySeconds']:.1f} s ({len(steady) / extra['steadySeconds']:.0f}/s, "
          f"asked {args.rate:g}/s), answer p50 {percentile([s * 1000 for s in steady], 50)} ms"
          f" p99 {percentile([s * 1000 for s in steady], 99)} ms")
    print(f"{'commit-to-delivery (steady load)':<50}{'count':>9}{'p50 ms':>10}{'p99 ms':>10}"
          "  target")
    hook_low = verdict(percentile(hook_answered, 99), TARGETS["webhookP99Milliseconds"])
    push_low = verdict(percentile(push_answered, 99), TARGETS["subscriptionP99Milliseconds"])
    row("webhook, from recordedAt (upper bound)", len(hook_recorded),
        hook_summary["p50Milliseconds"], hook_summary["p99Milliseconds"],
        f"p99 <= 50 ms: {hook_met}")
    row("  same, from the mutation's answer (lower bound)", len(hook_answered),
        percentile(hook_answered, 50), percentile(hook_answered, 99), f"({hook_low})")
    row("subscription push, from recordedAt (upper)", len(push_recorded),
        push_summary["p50Milliseconds"], push_summary["p99Milliseconds"],
        f"p99 <= 20 ms: {push_met}")
    row("  same, from the mutation's answer (lower)", len(push_answered),
        percentile(push_answered, 50), percentile(push_answered, 99), f"({push_low})")
    print(f"{'deliveries/s (backlog, same receivers)':<50}{'requests':>9}{'per s':>10}"
          f"{'ratio':>10}")
    print(f"{'raw libcurl multi POST loop (C)':<50}{extra['rawRequests']:>9}"
          f"{raw_rate:>10.0f}{1:>10.2f}")
    print(f"{'bsd-ledger webhooks':<50}{drained:>9}{drain_rate:>10.0f}{ratio:>10.2f}"
          f"  >= 0.5x: {ratio_met}")
    bursts = ", ".join(f"{backlog['due']} in {backlog['burstSeconds']:.1f} s"
                       for backlog in extra["rounds"])
    print(f"  {len(extra['rounds'])} backlogs made with the receivers stopped ({bursts}), each "
          f"after a baseline run; bodies {min(sizes)}-{max(sizes)} bytes, baseline "
          f"{extra['sampleBytes']}")
    print(f"  checks: {missing_hooks} deliveries and {missing_pushes} pushes missing, "
          f"{hook_dups} + {push_dups} repeated, {disorder} out of order, {unknown} unmatched, "
          f"{len(load.errors)} mutation errors; serve exit {extra['served']}")
    print(f"  load average {' '.join(extra['loadBefore'])} before, "
          f"{' '.join(extra['loadAfter'])} after")
    ok = (missing_hooks == 0 and missing_pushes == 0 and not disorder and not unknown
          and not hook_dups and not push_dups and not load.errors and extra["served"] == 0)
    print(json.dumps({
        "benchmark": "dispatch", "endpoints": args.endpoints, "subscribers": args.subscribers,
        "companies": args.companies, "steadyMutations": len(steady),
        "steadyMutationsPerSecond": round(len(steady) / extra["steadySeconds"], 1),
        "webhook": hook_summary, "webhookFromAnswer": summary(hook_answered),
        "subscription": push_summary, "subscriptionFromAnswer": summary(push_answered),
        "deliveriesPerSecond": round(drain_rate), "rawLibcurlPerSecond": round(raw_rate),
        "deliveriesToRawLibcurl": round(ratio, 3), "backlogDeliveries": drained,
        "missingDeliveries": missing_hooks, "missingPushes": missing_pushes,
        "repeated": hook_dups + push_dups, "outOfOrder": disorder,
        "mutationErrors": len(load.errors), "loadAverage": extra["loadAfter"],
        "targets": dict(TARGETS, webhookMet=hook_met == "met", subscriptionMet=push_met == "met",
                        deliveriesMet=ratio_met == "met", webhookMetFromAnswer=hook_low == "met",
                        subscriptionMetFromAnswer=push_low == "met"),
        "checksPassed": ok}, separators=(",", ":")))
    if load.errors:
        print(f"bench: a mutation failed: {load.errors[0]}")
    return ok
