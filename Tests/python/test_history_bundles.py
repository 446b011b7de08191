"""History bundles checked by two independent verifiers: `bsd-ledger verify-bundle` and
tools/verify_bundle.py (standard library and PyNaCl only). A bundle fetched over the API
verifies with the key from /.well-known/bsd-ledger-key; each tampering (a changed event, a
removed event, a reordered pair, a forged head, a rewritten log, another BSD's bundle
relabelled, a missing subject, events cut from the end) fails both verifiers, naming it; a
malformed head is reported without a traceback; verify-consistency writes no key.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import urllib.request

import pytest

from bsdd_world import Company, Person, Server, codes

ROOT = pathlib.Path(__file__).resolve().parents[2]
PY_VERIFIER = ROOT / "tools" / "verify_bundle.py"

CONTENT_DRAFT = "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id readableId } }"
UPDATE = "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }"
BUNDLE = "query($r: String!, $s: Int) { formHistoryBundle(readableId: $r, sinceSize: $s) }"
HEAD = "query($s: Int) { treeHead(size: $s) { size rootHash time keyId signature } }"


def both_verifiers(binary, bundle_path, key_path, earlier=None):
    """Exit status and output of each verifier, Swift first."""
    extra = ["--earlier-head", str(earlier)] if earlier else []
    swift = subprocess.run([str(binary), "verify-bundle", str(bundle_path), "--key",
                            str(key_path), *extra], capture_output=True, text=True)
    python = subprocess.run([sys.executable, str(PY_VERIFIER), str(bundle_path), "--key",
                             str(key_path), *extra], capture_output=True, text=True)
    return (swift.returncode, swift.stdout), (python.returncode, python.stdout)


@pytest.fixture(scope="module")
def served(ledger_binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundles")
    server = Server(ledger_binary, folder)
    ana = Person(server.url, "ana@producer.example", "Ana")
    una = Person(server.url, "una@elsewhere.example", "Una")
    producer = Company(ana, 301, "Producteur Sud", ["PRODUCER"])
    Company(una, 302, "Ailleurs", ["PRODUCER"])
    content = {"emitter": {"type": "PRODUCER", "company": producer.input()},
               "wasteDetails": {"code": "16 01 07*", "name": "Filtres"}}
    form = ana.must(CONTENT_DRAFT, {"i": content})["createForm"]
    other = ana.must(CONTENT_DRAFT, {"i": content})["createForm"]
    for round_ in range(3):
        ana.must(UPDATE, {"i": {"id": form["id"], "customId": f"lot-{round_}"}})
        ana.must(UPDATE, {"i": {"id": other["id"], "customId": f"other-{round_}"}})
    yield server, ana, una, form, folder, other
    server.stop()


def test_bundle_from_the_api_verifies_with_the_published_key(served, ledger_binary, tmp_path):
    server, ana, una, form, _, _ = served
    base = server.url.rsplit("/", 1)[0]
    with urllib.request.urlopen(base + "/.well-known/bsd-ledger-key", timeout=10) as response:
        key = json.loads(response.read())
    assert key["algorithm"] == "Ed25519" and len(key["publicKey"]) == 64
    bundle = ana.must(BUNDLE, {"r": form["readableId"]})["formHistoryBundle"]
    assert [json.loads(e["envelope"])["streamVersion"] for e in bundle["events"]] == [0, 1, 2, 3]
    assert bundle["subject"] == {"formId": form["id"], "readableId": form["readableId"],
                                 "stream": "form-" + form["id"], "streamLength": 4}
    latest = ana.must(HEAD, {})["treeHead"]
    assert latest["size"] >= bundle["treeHead"]["size"]
    by_size = ana.must(HEAD, {"s": bundle["treeHead"]["size"]})["treeHead"]
    assert by_size == bundle["treeHead"]
    assert codes(una.ask(BUNDLE, {"r": form["readableId"]})[1]) == ["NOT_FOUND"]
    assert codes(ana.ask(HEAD, {"s": 999_999})[1]) == ["NOT_FOUND"]
    (tmp_path / "key.json").write_text(json.dumps(key))
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    swift, python = both_verifiers(ledger_binary, tmp_path / "bundle.json", tmp_path / "key.json")
    assert swift[0] == 0, swift[1]
    assert python[0] == 0, python[1]


def tamper_changed(bundle):
    event = bundle["events"][2]
    event["envelope"] = event["envelope"].replace("lot-1", "lot-9")


def tamper_removed(bundle):
    del bundle["events"][1]


def tamper_reordered(bundle):
    events = bundle["events"]
    events[1], events[2] = events[2], events[1]


def tamper_forged_head(bundle):
    bundle["treeHead"]["size"] += 1


@pytest.mark.parametrize("tamper, swift_reason, python_reason", [
    (tamper_changed,
     "event 2 (position {p2}): hash does not match SHA-256(previousHash ‖ envelope): content"
     " altered",
     "event 2 (position {p2}): hash is not SHA-256(previousHash || envelope): content altered"),
    (tamper_removed,
     "event 1 (position {p2}): stream version 2, expected 1: an event is missing or out of order",
     "event 1 (position {p2}): stream version 2, expected 1: an event is missing or out of"
     " order"),
    (tamper_reordered,
     "event 2 (position {p1}): not after position {p2}",
     "event 2 (position {p1}): not after position {p2}"),
    (tamper_forged_head,
     "tree head signature does not verify (size {size})",
     "tree head signature does not verify (size {size})"),
])
def test_each_tampering_fails_both_verifiers_naming_why(served, ledger_binary, tmp_path, tamper,
                                                       swift_reason, python_reason):
    server, ana, _, form, folder, _ = served
    bundle = ana.must(BUNDLE, {"r": form["readableId"]})["formHistoryBundle"]
    original = json.loads(json.dumps(bundle))
    tamper(bundle)
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    key = subprocess.run([str(ledger_binary), "key", "--data", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    (tmp_path / "key.json").write_text(key)
    swift, python = both_verifiers(ledger_binary, tmp_path / "bundle.json", tmp_path / "key.json")
    # The reasons name p<i>, the position of the untouched bundle's i-th event, and the size
    # of the head in the bundle.
    facts = {f"p{index}": event["position"] for index, event in enumerate(original["events"])}
    facts["size"] = bundle["treeHead"]["size"]
    assert swift[0] == 1 and swift_reason.format(**facts) in swift[1], swift[1]
    assert python[0] == 1 and python_reason.format(**facts) in python[1], python[1]


def key_file(binary, folder, tmp_path):
    key = subprocess.run([str(binary), "key", "--data", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    (tmp_path / "key.json").write_text(key)
    return tmp_path / "key.json"


def relabel_as_form(bundle, form):
    bundle["subject"].update(formId=form["id"], readableId=form["readableId"],
                             stream="form-" + form["id"])


def relabel_readable_id(bundle, form):
    bundle["subject"]["readableId"] = form["readableId"]


def drop_subject(bundle, _):
    del bundle["subject"]


def cut_last_event(bundle, _):
    del bundle["events"][-1]


@pytest.mark.parametrize("tamper, named", [
    (relabel_as_form, "not to the subject's form-"),
    (relabel_readable_id, "the creating event names readable id"),
    (drop_subject, "subject is missing, so nothing ties the events to a BSD"),
    (cut_last_event, "the bundle holds 3 events but the subject says the stream held 4 at the"
                     " tree head: events cut from the end"),
])
def test_a_bundle_not_wholly_of_its_subject_fails_both_verifiers_naming_why(
        served, ledger_binary, tmp_path, tamper, named):
    _, ana, _, form, folder, other = served
    bundle = ana.must(BUNDLE, {"r": other["readableId"]})["formHistoryBundle"]
    tamper(bundle, form)
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    key = key_file(ledger_binary, folder, tmp_path)
    swift, python = both_verifiers(ledger_binary, tmp_path / "bundle.json", key)
    assert swift[0] == 1 and named in swift[1], swift[1]
    assert python[0] == 1 and named in python[1], python[1]


@pytest.mark.parametrize("change, named", [
    (lambda head: head.update(size="12"), "size is missing or not an integer"),
    (lambda head: head.pop("size"), "size is missing or not an integer"),
    (lambda head: head.update(rootHash="zz"), "rootHash is missing or not 64 hex digits"),
    (lambda head: head.clear(), "size is missing or not an integer"),
])
def test_a_malformed_head_is_reported_without_a_traceback(served, ledger_binary, tmp_path,
                                                           change, named):
    _, ana, _, form, folder, _ = served
    bundle = ana.must(BUNDLE, {"r": form["readableId"]})["formHistoryBundle"]
    change(bundle["treeHead"])
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    (tmp_path / "earlier.json").write_text(json.dumps(ana.must(HEAD, {})["treeHead"]))
    key = key_file(ledger_binary, folder, tmp_path)
    python = subprocess.run([sys.executable, str(PY_VERIFIER), str(tmp_path / "bundle.json"),
                             "--key", str(key), "--earlier-head", str(tmp_path / "earlier.json")],
                            capture_output=True, text=True)
    assert python.returncode == 1, python.stderr
    assert "Traceback" not in python.stderr
    assert f"tree head is malformed: {named}" in python.stdout
    assert "inclusion proof" not in python.stdout  # nothing that needs the head is checked
    swift, _ = both_verifiers(ledger_binary, tmp_path / "bundle.json", key)
    assert swift[0] == 1 and "treeHead" in swift[1]


def test_verify_consistency_on_a_folder_without_a_key_fails_and_writes_none(served,
                                                                            ledger_binary,
                                                                            tmp_path):
    _, ana, _, _, _, _ = served
    head = tmp_path / "head.json"
    head.write_text(json.dumps(ana.must(HEAD, {})["treeHead"]))
    empty = tmp_path / "empty"
    empty.mkdir()
    checked = cli(ledger_binary, "verify-consistency", head, head, "--data", empty)
    assert checked.returncode == 1
    assert "no tree-head key" in checked.stdout, checked.stdout + checked.stderr
    assert list(empty.iterdir()) == []


def cli(binary, *arguments):
    return subprocess.run([str(binary), *map(str, arguments)], capture_output=True, text=True)


def a_readable_id(binary, folder):
    """A readable id of a BSD in the generated workload of `folder`."""
    lines = cli(binary, "export", "--data", folder).stdout.splitlines()
    for line in lines:
        envelope = json.loads(line)["envelope"]
        readable = envelope["payload"].get("readableId")
        if envelope["type"] == "FormCreated" and readable:
            return readable
    raise AssertionError("no BSD in the generated workload")


def verify_with_heads(binary, folder, heads_folder, *heads):
    """`bsd-ledger verify --data folder --head …` with the head files of `heads_folder`."""
    options = [item for head in heads for item in ("--head", heads_folder / head)]
    return cli(binary, "verify", "--data", folder, *options)


def test_verify_checks_the_signature_of_a_saved_head_and_takes_at_most_two(ledger_binary,
                                                                          tmp_path):
    folder = tmp_path / "data"
    assert cli(ledger_binary, "generate", "--data", folder, "--seed", 4, "--commands",
               10).returncode == 0
    head = json.loads(cli(ledger_binary, "head", "--data", folder).stdout)
    head["size"] -= 1
    (tmp_path / "forged.json").write_text(json.dumps(head))
    checked = verify_with_heads(ledger_binary, folder, tmp_path, "forged.json")
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[-1] == (
        f"FAILED: {tmp_path / 'forged.json'}: tree head signature does not verify"
        f" (size {head['size']})")
    three = verify_with_heads(ledger_binary, folder, tmp_path, *["forged.json"] * 3)
    assert three.returncode == 2 and "--head takes" in three.stderr


def test_head_by_size_prints_the_head_signed_then_and_only_that_one(ledger_binary, tmp_path):
    folder = tmp_path / "data"
    assert cli(ledger_binary, "generate", "--data", folder, "--seed", 5, "--commands",
               10).returncode == 0
    now = cli(ledger_binary, "head", "--data", folder)
    assert now.returncode == 0, now.stderr
    head = json.loads(now.stdout)
    assert cli(ledger_binary, "generate", "--data", folder, "--seed", 6, "--commands",
               5).returncode == 0
    later = json.loads(cli(ledger_binary, "head", "--data", folder).stdout)
    assert later["size"] > head["size"]
    by_size = cli(ledger_binary, "head", "--data", folder, "--size", head["size"])
    assert by_size.returncode == 0, by_size.stderr
    assert json.loads(by_size.stdout) == head
    unsigned = cli(ledger_binary, "head", "--data", folder, "--size", head["size"] + 1)
    assert unsigned.returncode == 1 and unsigned.stdout == ""
    assert f"no tree head was signed at size {head['size'] + 1}" in unsigned.stderr
    assert cli(ledger_binary, "head", "--data", folder, "--size", "ten").returncode == 2


def test_a_rewritten_log_fails_consistency_with_an_earlier_head(ledger_binary, tmp_path):
    honest, rewritten = tmp_path / "honest", tmp_path / "rewritten"
    assert cli(ledger_binary, "generate", "--data", honest, "--seed", 1, "--commands",
               40).returncode == 0
    earlier = cli(ledger_binary, "head", "--data", honest).stdout
    (tmp_path / "earlier.json").write_text(earlier)
    size = json.loads(earlier)["size"]
    (tmp_path / "key.json").write_text(cli(ledger_binary, "key", "--data", honest).stdout)
    readable = a_readable_id(ledger_binary, honest)

    # The honest log grows: its new head extends the earlier one.
    assert cli(ledger_binary, "generate", "--data", honest, "--seed", 2, "--commands",
               20).returncode == 0
    (tmp_path / "later.json").write_text(cli(ledger_binary, "head", "--data", honest).stdout)
    checked = cli(ledger_binary, "verify-consistency", tmp_path / "earlier.json",
                  tmp_path / "later.json", "--data", honest)
    assert checked.returncode == 0, checked.stdout
    # `verify` walks the log, then checks the saved heads: against each other, or the
    # earlier one against the log as it is now.
    for heads in (["earlier.json", "later.json"], ["earlier.json"], ["later.json"]):
        checked = verify_with_heads(ledger_binary, honest, tmp_path, *heads)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "is a prefix of" in checked.stdout.splitlines()[-1]
    assert cli(ledger_binary, "export-history", readable, "--data", honest, "--out",
               tmp_path / "honest.json", "--since-size", size).returncode == 0
    swift, python = both_verifiers(ledger_binary, tmp_path / "honest.json", tmp_path / "key.json",
                                   tmp_path / "earlier.json")
    assert swift[0] == 0, swift[1]
    assert python[0] == 0, python[1]

    # Another history signed with the same key, larger than the earlier head.
    rewritten.mkdir()
    shutil.copy(honest / "tree-head.key", rewritten / "tree-head.key")
    assert cli(ledger_binary, "generate", "--data", rewritten, "--seed", 3, "--commands",
               80).returncode == 0
    (tmp_path / "forged.json").write_text(cli(ledger_binary, "head", "--data", rewritten).stdout)
    checked = cli(ledger_binary, "verify-consistency", tmp_path / "earlier.json",
                  tmp_path / "forged.json", "--data", rewritten)
    assert checked.returncode == 1 and "rewritten" in checked.stdout
    # The rewritten log is itself intact, so only the saved head gives it away.
    assert cli(ledger_binary, "verify", "--data", rewritten).returncode == 0
    for heads in (["earlier.json", "forged.json"], ["earlier.json"]):
        checked = verify_with_heads(ledger_binary, rewritten, tmp_path, *heads)
        assert checked.returncode == 1
        assert checked.stdout.splitlines()[-1] == (
            "FAILED: the log was rewritten: the tree of size "
            f"{json.loads((tmp_path / 'forged.json').read_text())['size']} does not extend the"
            f" old head's tree of size {size}")
    other = a_readable_id(ledger_binary, rewritten)
    assert cli(ledger_binary, "export-history", other, "--data", rewritten, "--out",
               tmp_path / "forged-bundle.json", "--since-size", size).returncode == 0
    swift, python = both_verifiers(ledger_binary, tmp_path / "forged-bundle.json",
                                   tmp_path / "key.json", tmp_path / "earlier.json")
    assert swift[0] == 1 and "rewritten" in swift[1]
    assert python[0] == 1 and "rewritten" in python[1]
