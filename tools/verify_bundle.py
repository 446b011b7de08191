#!/usr/bin/env python3
"""Checks a BSD Ledger history bundle without BSD Ledger's software.

Written from the format described in ARCHITECTURE.md ("Verifiable ledger"), with Python's
standard library and PyNaCl for Ed25519 only. Usage:

    verify_bundle.py BUNDLE.json --key KEY [--earlier-head HEAD.json]

KEY is the JSON document served at /.well-known/bsd-ledger-key (a file), or the public key
in hexadecimal. Prints every failure; exits 0 when all holds, 1 otherwise (a malformed file
or head included: it is named, and what depends on it is not checked), 2 on bad usage.

The bundle's `subject` ({"formId","readableId","stream","streamLength"}) is not signed, so
it is checked against the events, which the signed head's root covers: `stream` must be
"form-" + formId and every event's envelope `streamId` that stream; stream versions run
0, 1, 2, ... in list order; the creating event (stream version 0) must carry the subject's
readableId in its payload; and there must be `streamLength` events, the number the stream
held in the tree of the head's size. A bundle without a subject fails. The count is not
signed either: it shows a bundle cut short by accident or by someone who left it alone, not
a forger who lowers it too (see ARCHITECTURE.md, "History bundles").
"""
import argparse
import hashlib
import json
import os
import sys

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

BUNDLE_FORMAT = "bsd-ledger-history-bundle/2"


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


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_hex(value, digits):
    if not isinstance(value, str) or len(value) != digits:
        return False
    try:
        bytes.fromhex(value)
    except ValueError:
        return False
    return True


def head_malformation(head, label):
    """The sentence saying why `head` is not a signed head's JSON object, or None."""
    if not isinstance(head, dict):
        return f"{label} is malformed: not a JSON object"
    if not is_int(head.get("size")) or head["size"] < 0:
        return f"{label} is malformed: size is missing or not an integer >= 0"
    for name, digits in (("rootHash", 64), ("signature", 128)):
        if not is_hex(head.get(name), digits):
            return f"{label} is malformed: {name} is missing or not {digits} hex digits"
    for name in ("time", "keyId"):
        if not isinstance(head.get(name), str):
            return f"{label} is malformed: {name} is missing or not a string"
    return None


def head_problems(head, public_key, label="tree head"):
    """What is wrong with a signed head, as a list of sentences; a malformed head is named
    and not checked further."""
    malformation = head_malformation(head, label)
    if malformation:
        return [malformation]
    message = (f"bsd-ledger tree head v1\nsize {head['size']}\nroot {head['rootHash']}\n"
               f"time {head['time']}\nkey {head['keyId']}\n").encode()
    if head["keyId"] != key_id(public_key):
        return [f"{label} was signed by key {head['keyId']}, not by {key_id(public_key)}"]
    try:
        VerifyKey(public_key).verify(message, bytes.fromhex(head["signature"]))
    except (BadSignatureError, ValueError):
        return [f"{label} signature does not verify (size {head['size']})"]
    return []


def read_subject(subject):
    """The subject's form id, readable id, stream and stream length, or a sentence saying
    what is wrong. The stream of BSD `formId` is "form-" + formId."""
    if not isinstance(subject, dict):
        return None, "subject is missing, so nothing ties the events to a BSD"
    form_id, readable_id = subject.get("formId"), subject.get("readableId")
    if not isinstance(form_id, str) or not form_id:
        return None, "subject formId is missing or not a non-empty string"
    if not isinstance(readable_id, str) or not readable_id:
        return None, "subject readableId is missing or not a non-empty string"
    stream = "form-" + form_id
    if subject.get("stream") != stream:
        return None, f"subject stream is not {stream}, the stream of formId"
    length = subject.get("streamLength")
    if not is_int(length) or length < 1:
        return None, "subject streamLength is missing or not a positive integer"
    return {"readableId": readable_id, "stream": stream, "length": length}, None


def event_problems(index, event, head, subject):
    """What is wrong with the index-th event; `head` (None when malformed) and `subject`
    (None when unreadable) checks are left out when missing, their problem being reported
    apart."""
    name = f"event {index} (position {event.get('position') if isinstance(event, dict) else None})"
    try:
        position = event["position"]
        if not is_int(position) or position < 1:
            raise ValueError("position is not a positive integer")
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
        fields = None
    if not isinstance(fields, dict):
        fields = {}
        problems.append(f"{name}: envelope is not a JSON object")
    if fields.get("position") != position:
        problems.append(f"{name}: envelope names another position")
    version = fields.get("streamVersion")
    if not is_int(version) or version != index:
        problems.append(f"{name}: stream version {version}, expected {index}:"
                        " an event is missing or out of order")
    if subject is not None:
        if fields.get("streamId") != subject["stream"]:
            problems.append(f"{name}: envelope belongs to stream {fields.get('streamId')}, not"
                            f" to the subject's {subject['stream']}")
        payload = fields.get("payload")
        readable = payload.get("readableId") if isinstance(payload, dict) else None
        if version == 0 and readable != subject["readableId"]:
            problems.append(f"{name}: the creating event names readable id {readable}, not the"
                            f" subject's {subject['readableId']}")
    if head is not None:
        root = root_from_path(leaf_hash(chain), position - 1, head["size"], proof)
        if root is None or root.hex() != head["rootHash"]:
            problems.append(f"{name}: inclusion proof does not lead to the tree head's root")
    return problems, position


def bundle_problems(bundle, public_key, earlier=None):
    if not isinstance(bundle, dict):
        return ["bundle is not a JSON object"]
    if bundle.get("format") != BUNDLE_FORMAT:
        return [f"format is not {BUNDLE_FORMAT}"]
    head = bundle.get("treeHead")
    if head is None:
        return ["treeHead is missing"]
    problems = head_problems(head, public_key)
    if head_malformation(head, "tree head"):
        head = None  # so nothing that depends on the head is checked
    subject, problem = read_subject(bundle.get("subject"))
    if problem:
        problems.append(problem)
    events = bundle.get("events")
    if not isinstance(events, list) or not events:
        problems.append("events is missing or empty")
        events = []
    last = 0
    for index, event in enumerate(events):
        found, position = event_problems(index, event, head, subject)
        problems += found
        if position is not None:
            if position <= last:
                problems.append(f"event {index} (position {position}): not after position {last}")
            last = position
    if events and subject is not None and len(events) != subject["length"]:
        problems.append(f"the bundle holds {len(events)} events but the subject says the stream"
                        f" held {subject['length']} at the tree head"
                        + (": events cut from the end" if len(events) < subject["length"]
                           else ""))
    if earlier is not None and head is not None:
        problems += consistency_problems(bundle, head, earlier, public_key)
    return problems


def consistency_problems(bundle, head, earlier, public_key):
    found = head_problems(earlier, public_key, "earlier tree head")
    if found:
        return found
    old, new = earlier["size"], head["size"]
    if old == new:
        same = earlier["rootHash"] == head["rootHash"]
        return [] if same else ["earlier head of the same size has another root"]
    proof = bundle.get("consistency")
    proof = proof if isinstance(proof, dict) else {}
    if proof.get("fromSize") != old:
        return [f"bundle carries no consistency proof from size {old}"]
    items = proof.get("proof")
    if not isinstance(items, list) or not all(is_hex(item, 64) for item in items):
        return ["consistency proof is malformed: proof is not a list of 64 hex digits"]
    path = [bytes.fromhex(item) for item in items]
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


def read_json(path, label, problems):
    """The JSON in file `path`, or None with a sentence added to `problems`."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        problems.append(f"{label} {path} is not readable JSON: {error}")
        return None


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
    problems = []
    bundle = read_json(args.bundle, "bundle", problems)
    earlier = read_json(args.earlier_head, "earlier head", problems) if args.earlier_head else None
    if not problems:
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
