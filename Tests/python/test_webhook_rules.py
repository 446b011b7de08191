"""Webhook delivery rules end to end, on loopback: who gets an event when a BSD's readers
change while endpoints are down, redirects, timeouts, resending failures since a position,
and endpoint changes through `updateWebhookSetting`."""
import json

from bsdd_world import Company, Person
from webhook_world import (FAILURES, SETTING, TOKEN, Receiver, Scene, scene,  # noqa: F401
                           wait_for)  # scene is a fixture

WASTE = {"code": "16 01 07*", "name": "Filtres à huile usagés", "pop": False,
         "isSubjectToADR": True, "onuCode": "UN 3175, 4.1, II", "quantity": 1.5,
         "quantityType": "REAL", "consistence": ["SOLID"],
         "packagingInfos": [{"type": "FUT", "quantity": 2}]}
UPDATE = "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }"
UPDATE_SETTING = ("mutation($id: ID!, $i: WebhookSettingUpdateInput!) {"
                  " updateWebhookSetting(id: $id, input: $i) { activated } }")
RESEND_ALL = ("mutation($s: ID!, $a: ID) { resendWebhookFailures(settingId: $s, after: $a)"
              " { delivered failed } }")




def events_of(receiver, form):
    """The ledger event types `receiver` acknowledged for `form` (envelope payloads)."""
    items = [json.loads(body)[0] for _, body in receiver.acknowledged()]
    return [item["event"]["type"] for item in items if item["id"] == form["readableId"]]


def test_an_endpoint_that_was_down_gets_the_events_its_company_could_read_then(
        ledger_binary, tmp_path):
    # Long retries: both endpoints stay active while down.
    scene = Scene(ledger_binary, tmp_path / "data", "--webhook-retry-ms", ",".join(["300"] * 40))
    try:
        url = scene.server.url
        tom, rita, rob = (Person(url, f"{name}@example.org", name) for name in
                          ("tom", "rita", "rob"))
        transporter = Company(tom, 301, "Transports Rhône", ["TRANSPORTER"])
        transporter.receipt()
        first = Company(rita, 302, "Centre un", ["WASTEPROCESSOR"])
        second = Company(rob, 303, "Centre deux", ["WASTEPROCESSOR", "TRADER"])
        old, new = Receiver(status=503), Receiver(status=503)
        scene.hook(old, person=rita, company=first, payload="ENVELOPE")
        scene.hook(new, person=rob, company=second, payload="ENVELOPE")

        def content(recipient, trader=None):
            given = {"emitter": {"type": "PRODUCER", "company": scene.producer.input()},
                     "recipient": {"company": recipient.input(), "processingOperation": "R 1",
                                   "cap": "CAP-42"},
                     "transporter": {"company": transporter.input(), "numberPlate": "AB-123-CD",
                                     "mode": "ROAD"},
                     "wasteDetails": WASTE}
            if trader:
                given["trader"] = {"company": trader.input(), "receipt": "NEG-1",
                                   "department": "69", "validityLimit": "2030-01-01T00:00:00Z"}
            return given

        def sealed(given):
            form = scene.ana.must("mutation($i: CreateFormInput!) { createForm("
                                  "createFormInput: $i) { id readableId } }",
                                  {"i": given})["createForm"]
            scene.ana.must("mutation($id: ID!) { markAsSealed(id: $id) { id } }",
                           {"id": form["id"]})
            return form

        # Both companies read this one: both workers block on it while their endpoints fail,
        # so neither looks at the next BSD's events before its recipient changes.
        shared = sealed(content(first, trader=second))
        wait_for(lambda: old.all() and new.all(), what="both endpoints failing")
        moved = sealed(content(first))
        scene.ana.must(UPDATE, {"i": {"id": moved["id"],
                                      "recipient": content(second)["recipient"]}})
        scene.ana.must(UPDATE, {"i": {"id": moved["id"], "customId": "after the change"}})
        last = sealed(content(second))
        # A BSD only the old recipient reads, sealed last: each endpoint gets its events in
        # ledger order, so once it arrives the old recipient has been offered everything.
        closing = sealed(content(first))
        old.status = new.status = 200
        wait_for(lambda: events_of(new, last), timeout=30, what="the new recipient's last BSD")
        wait_for(lambda: events_of(old, closing), timeout=30, what="the old recipient's backlog")
        assert events_of(old, shared) == ["FormSealed"]
        assert events_of(new, shared) == ["FormSealed"]
        assert events_of(old, moved) == ["FormSealed"]
        assert events_of(new, moved) == ["FormUpdated", "FormUpdated"]
        assert events_of(old, last) == []
    finally:
        scene.server.stop()


def test_a_redirect_is_a_failure_and_is_not_followed(ledger_binary, tmp_path):
    scene = Scene(ledger_binary, tmp_path / "data", "--webhook-retry-ms", "20,20")
    try:
        target = Receiver()
        redirecting = Receiver(status=302)
        redirecting.answers = [(302, {"Location": target.url})] * 3
        setting = scene.hook(redirecting)
        scene.draft()
        wait_for(lambda: scene.ana.must(SETTING, {"id": setting["id"]})["webhooksetting"]
                 ["deactivationReason"] == "RETRIES_EXHAUSTED", what="exhaustion")
        assert [status for _, _, status in redirecting.all()] == [302, 302, 302]
        assert target.all() == []
        failure = scene.ana.must(FAILURES, {"id": setting["id"]})["webhookFailures"][
            "edges"][0]["node"]
        assert failure["lastStatus"] == 302 and failure["attempts"] == 3
    finally:
        scene.server.stop()


def test_a_hanging_receiver_times_out_while_a_healthy_one_keeps_receiving(
        ledger_binary, tmp_path):
    scene = Scene(ledger_binary, tmp_path / "data", "--webhook-retry-ms", "20,20",
                  "--webhook-timeout-ms", "300")
    try:
        hanging, healthy = Receiver(delay=3.0), Receiver()
        stuck = scene.hook(hanging)
        scene.hook(healthy)
        forms = [scene.draft(f"t-{n}") for n in range(3)]
        wait_for(lambda: len(healthy.acknowledged()) == 3, what="the healthy deliveries")
        wait_for(lambda: scene.ana.must(SETTING, {"id": stuck["id"]})["webhooksetting"]
                 ["deactivationReason"] == "RETRIES_EXHAUSTED", what="three timeouts")
        assert [json.loads(body)[0]["id"] for _, body in healthy.acknowledged()] == [
            form["readableId"] for form in forms]
        assert len(hanging.arrivals) == 3
        failures = scene.ana.must(
            "query($id: ID!) { webhookFailures(settingId: $id) { edges { node"
            " { attempts lastStatus lastError } } } }", {"id": stuck["id"]})
        [failure] = [edge["node"] for edge in failures["webhookFailures"]["edges"]]
        assert failure["attempts"] == 3 and failure["lastStatus"] is None
        assert "timeout" in failure["lastError"].lower()
    finally:
        scene.server.stop()


def test_failures_since_a_position_are_resent_in_order_with_counts(scene):
    receiver = Receiver(status=410)
    setting = scene.hook(receiver)
    for n in range(3):
        scene.draft(f"r-{n}")
        wait_for(lambda: not scene.ana.must(SETTING, {"id": setting["id"]})
                 ["webhooksetting"]["activated"], what="deactivation")
        if n < 2:
            # Turned back on: delivery starts again with the next event.
            assert scene.ana.must(UPDATE_SETTING, {"id": setting["id"], "i": {
                "activated": True}})["updateWebhookSetting"] == {"activated": True}
    failures = [edge["node"] for edge in scene.ana.must(FAILURES, {"id": setting["id"]})
                ["webhookFailures"]["edges"]]
    assert len(failures) == 3
    positions = [int(failure["position"]) for failure in failures]
    assert positions == sorted(positions)
    receiver.answers = [(200, {}), (500, {})]
    result = scene.ana.must(RESEND_ALL, {"s": setting["id"], "a": failures[0]["position"]})
    assert result["resendWebhookFailures"] == {"delivered": 1, "failed": 1}
    resent = receiver.all()[-2:]
    assert [headers["webhook-id"] for headers, _, _ in resent] == [
        failure["webhookId"] for failure in failures[1:]]
    receiver.status = 200
    result = scene.ana.must(RESEND_ALL, {"s": setting["id"], "a": None})
    assert result["resendWebhookFailures"] == {"delivered": 2, "failed": 0}
    assert [headers["webhook-id"] for headers, _, _ in receiver.all()[-2:]] == [
        failures[0]["webhookId"], failures[2]["webhookId"]]
    assert scene.ana.must(FAILURES, {"id": setting["id"]})["webhookFailures"]["totalCount"] == 0


def test_an_endpoint_change_through_the_api_moves_the_deliveries(scene):
    before, after = Receiver(), Receiver()
    setting = scene.hook(before)
    first = scene.draft("before")
    wait_for(lambda: before.acknowledged(), what="the first delivery")
    changed = scene.ana.must(UPDATE_SETTING, {"id": setting["id"], "i": {
        "endpointUri": after.url, "token": TOKEN}})
    assert changed["updateWebhookSetting"] == {"activated": True}
    # Down, the old endpoint cannot acknowledge what the old worker may still try.
    before.down()
    second = scene.draft("after")
    wait_for(lambda: after.acknowledged(), what="the delivery to the new endpoint")
    assert [json.loads(body)[0]["id"] for _, body in before.acknowledged()] == [
        first["readableId"]]
    assert [json.loads(body)[0]["id"] for _, body in after.acknowledged()] == [
        second["readableId"]]
    scene.ana.must(UPDATE_SETTING, {"id": setting["id"], "i": {"activated": False}})
    after.down()
    scene.draft("while off")
    after.up()
    assert scene.ana.must(UPDATE_SETTING, {"id": setting["id"], "i": {
        "activated": True}})["updateWebhookSetting"] == {"activated": True}
    third = scene.draft("back on")
    wait_for(lambda: len(after.acknowledged()) >= 2, what="delivery after reactivation")
    assert [json.loads(body)[0]["id"] for _, body in after.acknowledged()] == [
        second["readableId"], third["readableId"]]
