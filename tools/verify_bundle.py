#!/usr/bin/env python3
"""Checks a BSD Ledger history bundle without BSD Ledger's software.

Written from the format described in ARCHITECTURE.md ("Verifiable ledger"), with Python's
standard library and PyNaCl for Ed25519 only. Usage:

    verify_bundle.py BUNDLE.json --key KEY [--earlier-head HEAD.json]

KEY is the JSON document served at /.well-known/bsd-ledger-key (a file), or the public key
in hexadecimal. Prints every failure; exits 0 when all holds, 1 otherwise, 2 on bad usage.
"""
import argparse
import hashlib
import json
import os
import sys

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

BUNDLE_FORMAT = "bsd-ledger-history-bundle/1"


def sha256(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.digest()


def leaf_hash(chain_hash):
    return sha256(b"\x00", chain_hash)


def node_hash(left, right):
    return sha256(b"\x01", left, right)


def root_from_path(leaf, index, size, path):
    """RFC 9162 section 2.1.3.2: the root an audit path leads to, or None."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def consistent(first, first_root, second, second_root, path):
    """RFC 9162 section 2.1.4.2: whether the proof links the two trees."""
    if first > second:
        return False
    if first == second:
        return not path and first_root == second_root
    if first == 0:
        return not path
    nodes = list(path)
    if first & (first - 1) == 0:
        nodes.insert(0, first_root)
    if not nodes:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = nodes[0]
    for c in nodes[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


def key_id(public_key):
    return hashlib.sha256(public_key).hexdigest()[:16]


def head_problems(head, public_key, label="tree head"):
    """What is wrong with a signed head, as a list of sentences."""
    try:
        message = (f"bsd-ledger tree head v1\nsize {head['size']}\nroot {head['rootHash']}\n"
                   f"time {head['time']}\nkey {head['keyId']}\n").encode()
        signature = bytes.fromhex(head["signature"])
    except (KeyError, TypeError, ValueError) as error:
        return [f"{label} is malformed: {error!r}"]
    if head["keyId"] != key_id(public_key):
        return [f"{label} was signed by key {head['keyId']}, not by {key_id(public_key)}"]
    try:
        VerifyKey(public_key).verify(message, signature)
    except (BadSignatureError, ValueError):
        return [f"{label} signature does not verify (size {head['size']})"]
    return []


def event_problems(index, event, head, stream):
    name = f"event {index} (position {event.get('position')})"
    try:
        position = int(event["position"])
        envelope = event["envelope"].encode("utf-8")
        previous = bytes.fromhex(event["previousHash"])
        chain = bytes.fromhex(event["hash"])
        proof = [bytes.fromhex(item) for item in event["inclusionProof"]]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return [f"{name}: malformed: {error!r}"], None
    problems = []
    if sha256(previous, envelope) != chain:
        problems.append(f"{name}: hash is not SHA-256(previousHash || envelope): content altered")
    try:
        fields = json.loads(envelope)
    except ValueError:
        fields = {}
        problems.append(f"{name}: envelope is not JSON")
    if fields.get("position") != position:
        problems.append(f"{name}: envelope names another position")
    if stream is not None and fields.get("streamId") != stream:
        problems.append(f"{name}: envelope belongs to another stream")
    if fields.get("streamVersion") != index:
        problems.append(f"{name}: stream version {fields.get('streamVersion')}, expected {index}:"
                        " an event is missing or out of order")
    root = root_from_path(leaf_hash(chain), position - 1, int(head["size"]), proof)
    if root is None or root.hex() != head["rootHash"]:
        problems.append(f"{name}: inclusion proof does not lead to the tree head's root")
    return problems, position


def bundle_problems(bundle, public_key, earlier=None):
    if bundle.get("format") != BUNDLE_FORMAT:
        return [f"format is not {BUNDLE_FORMAT}"]
    head = bundle.get("treeHead")
    if not isinstance(head, dict):
        return ["treeHead is missing"]
    problems = head_problems(head, public_key)
    events = bundle.get("events") or []
    if not events:
        problems.append("events is missing or empty")
    stream = (bundle.get("subject") or {}).get("stream")
    last = 0
    for index, event in enumerate(events):
        found, position = event_problems(index, event, head, stream)
        problems += found
        if position is not None:
            if position <= last:
                problems.append(f"event {index} (position {position}): not after position {last}")
            last = position
    if earlier is not None:
        problems += consistency_problems(bundle, head, earlier, public_key)
    return problems


def consistency_problems(bundle, head, earlier, public_key):
    found = head_problems(earlier, public_key, "earlier tree head")
    if found:
        return found
    old, new = int(earlier["size"]), int(head["size"])
    if old == new:
        same = earlier["rootHash"] == head["rootHash"]
        return [] if same else ["earlier head of the same size has another root"]
    proof = bundle.get("consistency") or {}
    if proof.get("fromSize") != old:
        return [f"bundle carries no consistency proof from size {old}"]
    path = [bytes.fromhex(item) for item in proof.get("proof", [])]
    if not consistent(old, bytes.fromhex(earlier["rootHash"]), new,
                      bytes.fromhex(head["rootHash"]), path):
        return [f"the log was rewritten: the head of size {new} is not consistent with the"
                f" earlier head of size {old}"]
    return []


def read_key(text):
    text = text.strip()
    try:
        return bytes.fromhex(text) if len(text) == 64 else bytes.fromhex(
            json.loads(text)["publicKey"])
    except (ValueError, KeyError, TypeError) as error:
        raise SystemExit(f"verify_bundle: unreadable key: {error!r}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check a BSD Ledger history bundle offline.")
    parser.add_argument("bundle")
    parser.add_argument("--key", required=True)
    parser.add_argument("--earlier-head")
    args = parser.parse_args(argv)
    key_text = args.key
    if os.path.exists(key_text):
        with open(key_text, encoding="utf-8") as handle:
            key_text = handle.read()
    public_key = read_key(key_text)
    with open(args.bundle, encoding="utf-8") as handle:
        bundle = json.load(handle)
    earlier = None
    if args.earlier_head:
        with open(args.earlier_head, encoding="utf-8") as handle:
            earlier = json.load(handle)
    problems = bundle_problems(bundle, public_key, earlier)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"OK: {len(bundle['events'])} events proven against the tree head of size"
          f" {bundle['treeHead']['size']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
