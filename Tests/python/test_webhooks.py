"""Webhooks end to end: a real `bsd-ledger serve` with loopback on its SSRF allowlist, real
HTTP receivers on loopback, every signature checked with the PyPI `standardwebhooks` library.

Companies, people and BSDs are made through the GraphQL API (bsdd_world); the receivers
record every request they get, so the tests see exactly what went over the wire.
"""
import base64
import json
import os
import stat
import subprocess
import time

from nacl.secret import SecretBox
from standardwebhooks.webhooks import Webhook

from bsdd_world import codes
from webhook_world import (CREATE, FAILURES, FAST_RETRIES, SETTING, TOKEN, Receiver, Scene,
                           scene, verified, wait_for)  # noqa: F401 (scene is a fixture)

NEW_TOKEN = "integrator-bearer-token-4567"
UPDATE_TOKEN = ("mutation($id: ID!, $i: WebhookSettingUpdateInput!) {"
                " updateWebhookSetting(id: $id, input: $i) { activated } }")




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


def test_429_waits_for_retry_after_and_is_not_a_failure(ledger_binary, tmp_path):
    # Two retries only: were the three 429s failures, the endpoint would be deactivated.
    scene = Scene(ledger_binary, tmp_path / "data", "--webhook-retry-ms", "20,20")
    try:
        throttled = (429, {"Retry-After": "1"})
        receiver = Receiver(answers=[throttled] * 3)
        setting = scene.hook(receiver)
        form = scene.draft()
        wait_for(lambda: receiver.acknowledged(), what="the delivery after the pauses")
        attempts = receiver.all()
        assert [status for _, _, status in attempts] == [429, 429, 429, 200]
        pauses = [later - earlier for earlier, later
                  in zip(receiver.arrivals, receiver.arrivals[1:])]
        assert all(pause >= 0.95 for pause in pauses), pauses
        assert len({headers["webhook-id"] for headers, _, _ in attempts}) == 1
        [(headers, body)] = receiver.acknowledged()
        assert verified(setting["secret"], headers, body) == [
            {"action": "CREATED", "id": form["readableId"]}]
        seen = scene.ana.must(SETTING, {"id": setting["id"]})["webhooksetting"]
        assert seen["activated"] and seen["deactivationReason"] is None
        assert scene.ana.must(FAILURES, {"id": setting["id"]})["webhookFailures"][
            "totalCount"] == 0
    finally:
        scene.server.stop()


def opened(box, member):
    """A stored `{"sealed", "keyId"}` member opened with PyNaCl's SecretBox."""
    return box.decrypt(base64.b64decode(member["sealed"])).decode()


def test_the_log_holds_credentials_sealed_while_deliveries_verify(ledger_binary, tmp_path):
    folder = tmp_path / "data"
    scene = Scene(ledger_binary, folder, "--webhook-retry-ms", FAST_RETRIES)
    receiver = Receiver()
    try:
        setting = scene.hook(receiver)
        scene.draft("before")
        wait_for(lambda: receiver.acknowledged(), what="a delivery")
        verified(setting["secret"], *receiver.acknowledged()[0])
        scene.ana.must(UPDATE_TOKEN, {"id": setting["id"], "i": {"token": NEW_TOKEN}})
        scene.server.stop()
        # A new process reads the key from the data folder and opens the sealed values.
        scene.restart()
        form = scene.draft("after")
        wait_for(lambda: len(receiver.acknowledged()) >= 2, what="a delivery after restart")
        headers, body = receiver.acknowledged()[-1]
        assert headers["authorization"] == f"Bearer {NEW_TOKEN}"
        assert Webhook(setting["secret"]).verify(body, {
            name: headers[name]
            for name in ("webhook-id", "webhook-timestamp", "webhook-signature")}) == [
            {"action": "CREATED", "id": form["readableId"]}]
    finally:
        scene.server.stop()
    export = subprocess.run([str(ledger_binary), "export", "--data", str(folder)],
                            check=True, capture_output=True, text=True).stdout
    for clear in (setting["secret"], setting["secret"].removeprefix("whsec_"), TOKEN, NEW_TOKEN):
        assert clear not in export
    events = [json.loads(line)["envelope"] for line in export.splitlines() if line]
    [created] = [e for e in events if e["type"] == "WebhookSettingCreated"]
    [updated] = [e for e in events if e["type"] == "WebhookSettingUpdated"]
    assert created["schemaVersion"] == 2 and updated["schemaVersion"] == 2
    key_ids = {created["payload"]["token"]["keyId"], created["payload"]["secret"]["keyId"],
               updated["payload"]["changes"]["token"]["keyId"]}
    assert len(key_ids) == 1
    key = folder / "webhook-secrets.key"
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    # Plain crypto_secretbox: PyNaCl opens nonce ‖ ciphertext with the key file's bytes.
    box = SecretBox(bytes.fromhex(key.read_text().split("key=", 1)[1].strip()))
    assert opened(box, created["payload"]["secret"]) == setting["secret"]
    assert opened(box, created["payload"]["token"]) == TOKEN
    assert opened(box, updated["payload"]["changes"]["token"]) == NEW_TOKEN
    # Without its key the instance refuses to start, naming the file.
    os.rename(key, folder / "elsewhere.key")
    refused = subprocess.run(
        [str(ledger_binary), "serve", "--listen", "127.0.0.1:0", "--data", str(folder),
         "--webhook-allow-host", "127.0.0.1"], capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0
    assert str(key) in refused.stderr and "missing" in refused.stderr
    assert not key.exists()
