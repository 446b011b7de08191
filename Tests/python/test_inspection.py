"""Inspection end to end, as a new operator and inspector would: the operator creates
inspectors with `bsd-ledger inspector add` (before starting the server, which holds the data
folder), companies and BSDs are made through the public API with planted anomalies, then
the inspector logs in with the printed password, reads a company's file, a traceability
report that flags the planted anomalies and nothing else, its CSV, a BSD and a register;
requests from outside the inspector's networks are FORBIDDEN, and the company's ADMIN lists
every read."""
import csv
import datetime
import io
import re
import subprocess
import urllib.request

import pytest

from bsdd_world import Company, Person, Server, codes, data, post

FORM = """id readableId status"""
CREATE = ("mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { %s } }" % FORM)
SEAL = "mutation($id: ID!) { markAsSealed(id: $id) { status } }"
EMIT = ("mutation($id: ID!, $i: SignEmissionFormInput!) "
        "{ signEmissionForm(id: $id, input: $i) { status } }")
TRANSPORT = ("mutation($id: ID!, $i: SignTransportFormInput!) "
             "{ signTransportForm(id: $id, input: $i) { status } }")
RECEIVE = ("mutation($id: ID!, $i: ReceivedFormInput!) "
           "{ markAsReceived(id: $id, receivedInfo: $i) { status } }")
PROCESS = ("mutation($id: ID!, $i: ProcessedFormInput!) "
           "{ markAsProcessed(id: $id, processedInfo: $i) { status } }")
REPORT = """query($s: String!, $d: [TraceabilityDelayInput!]) {
  traceabilityReport(siret: $s, delays: $d) {
    anomalies { kind readableId status step emitted received openAt }
    outcomes { readableId closed openAt finalTreatments { readableId operationCode path } }
  } }"""
CONTROL_FILE = """query($s: String!) { controlFile(siret: $s) {
  siret forms { readableId roles status } counts { role status count }
  flows { wasteCode incoming incomingForms outgoing outgoingForms }
  registers { registryType csv { downloadLink } } } }"""
CONTROLS = """query($s: String!) { companyControls(siret: $s, first: 100) {
  totalCount edges { node { inspectorEmail operation readableId remoteAddress at } } } }"""


def cli(binary, *arguments):
    return subprocess.run([str(binary), *arguments], capture_output=True, text=True, timeout=60)


def add_inspector(binary, folder, email, *options):
    done = cli(binary, "inspector", "add", "--data", str(folder), "--email", email,
               "--name", "Inès Pection", *options)
    assert done.returncode == 0, done.stderr
    match = re.search(r"^password: (\S+)$", done.stdout, re.MULTILINE)
    assert match, done.stdout
    return match.group(1)


def login(url, email, password):
    return data(post(url, "mutation($e: String!, $p: String!) { login(email: $e, password: $p)"
                          " { token } }", {"e": email, "p": password}))["login"]["token"]


def content(world, quantity):
    producer, carrier, plant = world["producer"], world["carrier"], world["plant"]
    return {
        "emitter": {"type": "PRODUCER", "company": producer.input()},
        "recipient": {"company": plant.input(), "processingOperation": "R 1", "cap": "CAP-1"},
        "transporter": {"company": carrier.input(), "numberPlate": "AB-123-CD", "mode": "ROAD"},
        "wasteDetails": {
            "code": "16 01 07*", "name": "Filtres à huile", "pop": False,
            "isSubjectToADR": True, "onuCode": "UN 3175, 4.1, II", "quantity": quantity,
            "quantityType": "REAL", "consistence": ["SOLID"],
            "packagingInfos": [{"type": "FUT", "quantity": 2}]},
    }


def picked_up(world, quantity, taken_over_at):
    ana, tom = world["ana"], world["tom"]
    form = ana.must(CREATE, {"i": content(world, quantity)})["createForm"]
    ana.must(SEAL, {"id": form["id"]})
    ana.must(EMIT, {"id": form["id"], "i": {"emittedAt": "2026-11-01T08:00:00Z",
                                           "emittedBy": "Ana", "quantity": quantity}})
    tom.must(TRANSPORT, {"id": form["id"], "i": {"takenOverAt": taken_over_at,
                                                "takenOverBy": "Tom",
                                                "transporterNumberPlate": "AB-123-CD"}})
    return form


def treated(world, quantity, received, operation):
    form = picked_up(world, quantity, "2026-11-01T09:00:00Z")
    world["rita"].must(RECEIVE, {"id": form["id"], "i": {
        "receivedBy": "Rita", "receivedAt": "2026-11-03T10:00:00Z",
        "wasteAcceptationStatus": "ACCEPTED", "signedAt": "2026-11-03T10:30:00Z",
        "quantityReceived": received, "quantityRefused": 0}})
    world["rita"].must(PROCESS, {"id": form["id"], "i": operation})
    return form


R1 = {"processingOperationDone": "R 1", "destinationOperationMode": "VALORISATION_ENERGETIQUE",
      "processedBy": "Rita", "processedAt": "2026-11-05"}


@pytest.fixture(scope="module")
def world(ledger_binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("inspection")
    inspector_password = add_inspector(ledger_binary, folder, "ines@dreal.example",
                                       "--allow-ip", "127.0.0.0/8")
    far_password = add_inspector(ledger_binary, folder, "far@dreal.example",
                                 "--allow-ip", "192.0.2.0/24")
    server = Server(ledger_binary, folder)
    try:
        url = server.url
        ana = Person(url, "ana@producer.example", "Ana")
        tom = Person(url, "tom@transport.example", "Tom")
        rita = Person(url, "rita@plant.example", "Rita")
        world = {"url": url, "ana": ana, "tom": tom, "rita": rita, "folder": folder,
                 "producer": Company(ana, 701, "Garage du Centre", ["PRODUCER"]),
                 "carrier": Company(tom, 702, "Transports Loire", ["TRANSPORTER"]),
                 "plant": Company(rita, 703, "Valorisation Est",
                                  ["WASTEPROCESSOR", "COLLECTOR"])}
        world["carrier"].receipt()
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        world["fine"] = treated(world, 2.0, 2.0, R1)
        world["mismatch"] = treated(world, 2.0, 3.1, R1)
        world["stuck"] = picked_up(world, 1.0, "2026-11-20T09:00:00Z")
        world["moving"] = picked_up(world, 1.0, now)
        world["regrouped"] = treated(world, 1.5, 1.5, {
            "processingOperationDone": "R 13", "processingOperationDescription": "Regroupement",
            "processedBy": "Rita", "processedAt": "2026-11-04",
            "nextDestination": {"processingOperation": "R 1",
                                "company": world["plant"].input()}})
        world["inspector"] = login(url, "ines@dreal.example", inspector_password)
        world["far"] = login(url, "far@dreal.example", far_password)
        yield world
    finally:
        server.stop()


def ask(world, who, query, variables):
    return post(world["url"], query, variables, token=world[who])


def test_the_inspector_reads_a_company_file(world):
    siret = world["producer"].siret
    file = data(ask(world, "inspector", CONTROL_FILE, {"s": siret}))["controlFile"]
    numbers = {world[name]["readableId"] for name in
               ["fine", "mismatch", "stuck", "moving", "regrouped"]}
    assert {form["readableId"] for form in file["forms"]} == numbers
    assert all(form["roles"] == ["EMITTER"] for form in file["forms"])
    counts = {(count["role"], count["status"]): count["count"] for count in file["counts"]}
    assert counts == {("EMITTER", "PROCESSED"): 2, ("EMITTER", "SENT"): 2,
                      ("EMITTER", "AWAITING_GROUP"): 1}
    [flow] = file["flows"]
    assert flow["wasteCode"] == "16 01 07*"
    assert flow["outgoingForms"] == 5 and flow["outgoing"] == pytest.approx(7.5)
    assert flow["incomingForms"] == 0
    links = {link["registryType"]: link["csv"]["downloadLink"] for link in file["registers"]}
    with urllib.request.urlopen(links["OUTGOING"], timeout=30) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))
    assert {row["N° de bordereau"] for row in rows} == numbers


def test_the_report_flags_the_planted_anomalies_and_nothing_else(world):
    report = data(ask(world, "inspector", REPORT, {
        "s": world["producer"].siret,
        "d": [{"step": "AWAITING_GROUP", "hours": 240}]}))["traceabilityReport"]
    flagged = {(anomaly["kind"], anomaly["readableId"]) for anomaly in report["anomalies"]}
    assert flagged == {
        ("STUCK", world["stuck"]["readableId"]),
        ("QUANTITY_MISMATCH", world["mismatch"]["readableId"]),
        ("OPEN_CHAIN", world["regrouped"]["readableId"]),
    }
    mismatch = next(a for a in report["anomalies"] if a["kind"] == "QUANTITY_MISMATCH")
    assert mismatch["emitted"] == pytest.approx(2.0)
    assert mismatch["received"] == pytest.approx(3.1)
    stuck = next(a for a in report["anomalies"] if a["kind"] == "STUCK")
    assert (stuck["status"], stuck["step"]) == ("SENT", "IN_TRANSIT")
    outcomes = {outcome["readableId"]: outcome for outcome in report["outcomes"]}
    fine = outcomes[world["fine"]["readableId"]]
    assert fine["closed"]
    assert [(f["operationCode"], f["path"]) for f in fine["finalTreatments"]] == [
        ("R 1", [world["fine"]["readableId"]])]
    assert outcomes[world["regrouped"]["readableId"]]["openAt"] == [
        world["regrouped"]["readableId"]]
    # With the default one-year delay, the young open chain is not flagged.
    default = data(ask(world, "inspector", REPORT, {"s": world["producer"].siret}))
    kinds = {a["kind"] for a in default["traceabilityReport"]["anomalies"]}
    assert kinds == {"STUCK", "QUANTITY_MISMATCH"}


def test_the_report_comes_as_csv(world):
    link = data(ask(world, "inspector",
                    "query($s: String!) { traceabilityReportCsv(siret: $s) { downloadLink } }",
                    {"s": world["producer"].siret}))["traceabilityReportCsv"]["downloadLink"]
    with urllib.request.urlopen(link, timeout=30) as response:
        assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8"))))
    assert rows[0][:2] == ["Ligne", "Numéro du BSD"]
    lines = {(row[0], row[1]) for row in rows[1:]}
    assert ("STUCK", world["stuck"]["readableId"]) in lines
    assert ("QUANTITY_MISMATCH", world["mismatch"]["readableId"]) in lines
    assert ("CLOSED", world["fine"]["readableId"]) in lines


def test_the_inspector_reads_any_bsd_and_register(world):
    form = data(ask(world, "inspector", "query($id: ID!) { form(id: $id) { readableId } }",
                    {"id": world["fine"]["id"]}))["form"]
    assert form["readableId"] == world["fine"]["readableId"]
    link = data(ask(world, "inspector",
                    "query($s: [String!]!) { wastesRegistryCsv(registryType: INCOMING, "
                    "sirets: $s) { downloadLink } }", {"s": [world["plant"].siret]}))
    with urllib.request.urlopen(link["wastesRegistryCsv"]["downloadLink"], timeout=30) as r:
        assert r.status == 200


def test_requests_from_outside_the_networks_are_forbidden(world):
    siret = world["producer"].siret
    for query, variables in [(CONTROL_FILE, {"s": siret}), (REPORT, {"s": siret}),
                             ("query($id: ID!) { form(id: $id) { id } }",
                              {"id": world["fine"]["id"]})]:
        assert codes(ask(world, "far", query, variables)[1]) == ["FORBIDDEN"]
    # A company's own members see its file; others, and anonymous callers, do not.
    assert data(world["ana"].ask(CONTROL_FILE, {"s": siret}))["controlFile"]["siret"] == siret
    assert codes(world["tom"].ask(CONTROL_FILE, {"s": siret})[1]) == ["FORBIDDEN"]
    assert codes(world["tom"].ask(REPORT, {"s": world["carrier"].siret})[1]) == ["FORBIDDEN"]
    assert codes(post(world["url"], CONTROL_FILE, {"s": siret})[1]) == ["UNAUTHENTICATED"]


def test_every_read_is_recorded_and_listed_for_the_admin(world):
    before = data(world["ana"].ask(CONTROLS, {"s": world["producer"].siret}))
    count = before["companyControls"]["totalCount"]
    data(ask(world, "inspector", CONTROL_FILE, {"s": world["producer"].siret}))
    after = data(world["ana"].ask(CONTROLS, {"s": world["producer"].siret}))["companyControls"]
    assert after["totalCount"] == count + 1
    newest = after["edges"][0]["node"]
    assert newest["inspectorEmail"] == "ines@dreal.example"
    assert newest["operation"] == "controlFile"
    assert newest["remoteAddress"] == "127.0.0.1"
    operations = {edge["node"]["operation"] for edge in after["edges"]}
    assert {"controlFile", "traceabilityReport", "traceabilityReportCsv", "form"} <= operations
    # The BSD read names the carrier too: its ADMIN sees that read; a reader of the
    # producer's own file (Ana, a member) left no record; the carrier's ADMIN cannot list
    # the producer's controls.
    carrier = data(world["tom"].ask(CONTROLS, {"s": world["carrier"].siret}))["companyControls"]
    assert [(e["node"]["operation"], e["node"]["readableId"]) for e in carrier["edges"]] == [
        ("form", world["fine"]["readableId"])]
    assert codes(world["tom"].ask(CONTROLS, {"s": world["producer"].siret})[1]) == ["FORBIDDEN"]


def test_the_inspector_downloads_any_bsds_pdf_and_the_read_is_recorded(world):
    query = "query($id: ID!) { formPdf(id: $id) { downloadLink } }"
    link = data(ask(world, "inspector", query, {"id": world["fine"]["id"]}))["formPdf"]
    with urllib.request.urlopen(link["downloadLink"], timeout=30) as response:
        assert response.status == 200
        assert response.read(5) == b"%PDF-"
    assert codes(ask(world, "far", query, {"id": world["fine"]["id"]})[1]) == ["FORBIDDEN"]
    carrier = data(world["tom"].ask(CONTROLS, {"s": world["carrier"].siret}))["companyControls"]
    newest = carrier["edges"][0]["node"]
    assert (newest["operation"], newest["readableId"]) == ("formPdf", world["fine"]["readableId"])


def test_statistics_are_public_and_give_no_single_company_away(world):
    query = """query { wasteStatistics(groupBy: [WASTE_CODE, DEPARTMENT]) {
      threshold cells { month wasteCode department quantity forms suppressed } } }"""
    stats = data(post(world["url"], query))["wasteStatistics"]
    assert stats["threshold"] == 5
    november = [cell for cell in stats["cells"] if cell["month"] == "2026-11"]
    assert november, stats
    # One producer only: every cell covers one company, so nothing is published.
    assert all(cell["suppressed"] and cell["quantity"] is None for cell in november)
    assert codes(post(world["url"], "query { wasteStatistics(groupBy: [WASTE_CODE, CHAPTER]) "
                                    "{ threshold } }")[1]) == ["BAD_USER_INPUT"]


def test_the_cli_refuses_to_write_beside_a_running_server(world, ledger_binary):
    done = cli(ledger_binary, "inspector", "revoke", "--data", str(world["folder"]),
               "--email", "far@dreal.example")
    assert done.returncode == 2
    assert "stop it first" in done.stderr
    listed = cli(ledger_binary, "inspector", "list", "--data", str(world["folder"]))
    assert listed.returncode == 0
    assert "ines@dreal.example" in listed.stdout and "127.0.0.0/8" in listed.stdout
