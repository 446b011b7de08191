"""An auditor's check of the log with standard tools only: Python's lmdb binding, json and
hashlib. It reads the LMDB file the Swift ledger wrote and recomputes the whole hash chain
from the documented record layout, independently of the Swift code."""
import hashlib
import json
import signal
import struct
import subprocess
import time

import lmdb

HEADER = struct.Struct("<BBHIQQq16s32s32sHHHHIIII")
assert HEADER.size == 136


def write_some_events(binary, folder, seconds=0.8):
    """Lets the crash-writer append for a while, then kills it; returns acknowledged lines."""
    child = subprocess.Popen([str(binary), "crash-writer", "--data", str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    return [line.split() for line in out.decode().splitlines() if len(line.split()) == 2]


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def test_independent_reader_recomputes_every_hash(ledger_binary, tmp_path):
    acknowledged = write_some_events(ledger_binary, tmp_path)
    assert len(acknowledged) > 50

    env = lmdb.open(str(tmp_path), readonly=True, lock=False, max_dbs=8, subdir=True)
    log = env.open_db(b"log", create=False)
    meta = env.open_db(b"meta", create=False)
    streams = env.open_db(b"streams", create=False)
    previous = bytes(32)
    count = 0
    with env.begin() as txn:
        for key, value in txn.cursor(db=log):
            count += 1
            fields = HEADER.unpack_from(value)
            (fmt, _, schema, json_length, position, version, recorded_at, event_id,
             prev_hash, this_hash, *_spans) = fields
            assert fmt == 1
            assert struct.unpack(">Q", key)[0] == position == count
            envelope = bytes(value[HEADER.size:])
            assert len(envelope) == json_length
            assert prev_hash == previous
            assert hashlib.sha256(previous + envelope).digest() == this_hash
            document = json.loads(envelope)
            assert canonical(document) == envelope, "envelope is not in canonical form"
            assert document["position"] == position
            assert document["streamVersion"] == version
            assert document["schemaVersion"] == schema
            assert document["eventId"].replace("-", "") == event_id.hex()
            previous = this_hash
            stream = document["streamId"].encode()
            indexed = txn.get(stream + b"\x00" + struct.pack(">Q", version), db=streams)
            assert indexed == key, "stream index does not point at the event"
        assert txn.get(b"format", db=meta) == b"bsd-ledger/1"
    assert count > 0
    by_position = {int(p): i for p, i in acknowledged}
    with env.begin() as txn:
        for position, event_id in by_position.items():
            value = txn.get(struct.pack(">Q", position), db=log)
            assert value is not None, f"acknowledged position {position} missing"
            assert HEADER.unpack_from(value)[7].hex() == event_id.replace("-", "")


def test_export_prints_every_envelope_with_a_chain_that_checks(ledger_binary, tmp_path):
    write_some_events(ledger_binary, tmp_path, seconds=0.5)
    out = subprocess.run([str(ledger_binary), "export", "--data", str(tmp_path)],
                         check=True, capture_output=True).stdout.decode().splitlines()
    assert len(out) > 20
    previous = "0" * 64
    for number, line in enumerate(out, start=1):
        record = json.loads(line)
        envelope = canonical(record["envelope"])
        assert record["envelope"]["position"] == number
        assert record["previousHash"] == previous
        assert hashlib.sha256(bytes.fromhex(previous) + envelope).hexdigest() == record["hash"]
        previous = record["hash"]
    tail = subprocess.run([str(ledger_binary), "export", "--data", str(tmp_path), "--after", "5",
                           "--limit", "3"], check=True, capture_output=True).stdout.decode()
    assert [json.loads(l)["envelope"]["position"] for l in tail.splitlines()] == [6, 7, 8]
