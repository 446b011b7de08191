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

from bsdd_world import Company, Person, Server, codes, data, post, siret

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


def instant(days_ago):
    """The instant `days_ago` days before now, in RFC 3339 (UTC)."""
    moment = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=days_ago)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def picked_up(world, quantity, taken_over_at, emitted_at="2026-11-01T08:00:00Z"):
    ana, tom = world["ana"], world["tom"]
    form = ana.must(CREATE, {"i": content(world, quantity)})["createForm"]
    ana.must(SEAL, {"id": form["id"]})
    ana.must(EMIT, {"id": form["id"], "i": {"emittedAt": emitted_at,
                                           "emittedBy": "Ana", "quantity": quantity}})
    tom.must(TRANSPORT, {"id": form["id"], "i": {"takenOverAt": taken_over_at,
                                                "takenOverBy": "Tom",
                                                "transporterNumberPlate": "AB-123-CD"}})
    return form


def treated(world, quantity, received, operation, steps=None):
    """A BSD received and treated at the plant; `steps` (emitted, taken over, received,
    accepted) replaces the fixed November 2026 instants."""
    emitted, taken, arrived, signed = steps or (
        "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z", "2026-11-03T10:00:00Z",
        "2026-11-03T10:30:00Z")
    form = picked_up(world, quantity, taken, emitted_at=emitted)
    world["rita"].must(RECEIVE, {"id": form["id"], "i": {
        "receivedBy": "Rita", "receivedAt": arrived,
        "wasteAcceptationStatus": "ACCEPTED", "signedAt": signed,
        "quantityReceived": received, "quantityRefused": 0}})
    world["rita"].must(PROCESS, {"id": form["id"], "i": operation})
    return form


R1 = {"processingOperationDone": "R 1", "destinationOperationMode": "VALORISATION_ENERGETIQUE",
      "processedBy": "Rita", "processedAt": "2026-11-05"}
CREATE_COMPANY = ("mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) "
                  "{ siret } }")


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
        # Grouped 20 days ago, whenever the suite runs: past a 10-day AWAITING_GROUP delay,
        # within the default year.
        world["regrouped"] = treated(world, 1.5, 1.5, {
            "processingOperationDone": "R 13", "processingOperationDescription": "Regroupement",
            "processedBy": "Rita", "processedAt": instant(20)[:10],
            "nextDestination": {"processingOperation": "R 1",
                                "company": world["plant"].input()}},
            steps=(instant(25), instant(24.9), instant(23), instant(22.9)))
        # A draft of the producer: neither in its file nor in the report.
        world["draft"] = ana.must(CREATE, {"i": content(world, 4.0)})["createForm"]
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
    assert world["draft"]["readableId"] not in {form["readableId"] for form in file["forms"]}
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


def test_the_inspector_only_reads(world):
    company = {"siret": siret(799), "companyName": "Écran", "address": "1 rue du Port, Lyon",
               "companyTypes": ["PRODUCER"]}
    _, body = ask(world, "inspector", CREATE_COMPANY, {"c": company})
    assert codes(body) == ["FORBIDDEN"]
    assert "only read" in body["errors"][0]["message"]
    assert codes(ask(world, "far", CREATE_COMPANY, {"c": company})[1]) == ["FORBIDDEN"]
    assert codes(ask(world, "inspector", CREATE, {"i": content(world, 1.0)})[1]) == [
        "FORBIDDEN"]
    assert codes(ask(world, "inspector", SEAL, {"id": world["draft"]["id"]})[1]) == [
        "FORBIDDEN"]
    # What concerns the account itself stays open: a personal access token, for one.
    token = data(ask(world, "inspector", 'mutation { createAccessToken(input: '
                                         '{description: "scripts"}) { id } }', {}))
    assert token["createAccessToken"]["id"]
    mine = data(ask(world, "inspector", "query { myCompanies { siret } }", {}))
    assert mine["myCompanies"] == []


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


def test_inspector_add_refuses_an_account_that_belongs_to_a_company(ledger_binary, tmp_path):
    server = Server(ledger_binary, tmp_path)
    try:
        marc = Person(server.url, "marc@garage.example", "Marc")
        garage = Company(marc, 731, "Garage Marc", ["PRODUCER"])
        marc.must("mutation($s: String!) { inviteUserToCompany(email: \"nina@dreal.example\", "
                  "siret: $s, role: READER) { id } }", {"s": garage.siret})
        Person(server.url, "lea@dreal.example", "Léa")
    finally:
        server.stop()
    folder = str(tmp_path)
    member = cli(ledger_binary, "inspector", "add", "--data", folder,
                 "--email", "marc@garage.example", "--allow-ip", "127.0.0.0/8")
    assert member.returncode != 0
    assert "marc@garage.example is a member of " + garage.siret in member.stderr
    assert "may belong to no company" in member.stderr
    # An invitation becomes a membership at signup: the invited email is refused too.
    invited = cli(ledger_binary, "inspector", "add", "--data", folder,
                  "--email", "nina@dreal.example", "--name", "Nina", "--allow-ip", "127.0.0.0/8")
    assert invited.returncode != 0
    assert "nina@dreal.example is invited to " + garage.siret in invited.stderr
    # An existing account without companies becomes an inspector.
    plain = cli(ledger_binary, "inspector", "add", "--data", folder,
                "--email", "lea@dreal.example", "--allow-ip", "127.0.0.0/8")
    assert plain.returncode == 0, plain.stderr
    listed = cli(ledger_binary, "inspector", "list", "--data", folder).stdout
    assert "lea@dreal.example" in listed
    assert "marc@garage.example" not in listed and "nina@dreal.example" not in listed


# Annexes: five producers' BSDs grouped by a collector into an annexe-2 regroupement treated
# at a plant, and the five producers' items on the collector's annexe-1 collection round,
# all picked up in October 2026 (a closed month whenever the suite runs).

def waste(code, quantity):
    if code == "13 05 02*":
        return {"code": code, "name": "Boues de séparateurs", "pop": False,
                "isSubjectToADR": False, "onuCode": None, "consistence": ["LIQUID"],
                "quantity": quantity, "quantityType": "ESTIMATED",
                "packagingInfos": [{"type": "FUT", "quantity": 2}]}
    return {"code": code, "name": "Filtres à huile", "pop": False, "isSubjectToADR": True,
            "onuCode": "UN 3175, 4.1, II", "quantity": quantity, "quantityType": "REAL",
            "consistence": ["SOLID"], "packagingInfos": [{"type": "FUT", "quantity": 2}]}


def signed(person, form_id, emitted_at, quantity):
    person.must(EMIT, {"id": form_id, "i": {"emittedAt": emitted_at, "emittedBy": person.email,
                                           "quantity": quantity,
                                           "packagingInfos": [{"type": "FUT", "quantity": 2}]}})


def taken(person, form_id, taken_over_at, plate="AB-123-CD"):
    person.must(TRANSPORT, {"id": form_id, "i": {"takenOverAt": taken_over_at,
                                                "takenOverBy": person.email,
                                                "transporterNumberPlate": plate}})


def accepted(person, form_id, day, quantity):
    person.must(RECEIVE, {"id": form_id, "i": {
        "receivedBy": person.email, "receivedAt": f"{day}T10:00:00Z",
        "wasteAcceptationStatus": "ACCEPTED", "signedAt": f"{day}T10:30:00Z",
        "quantityReceived": quantity, "quantityRefused": 0}})


@pytest.fixture(scope="module")
def annexes(ledger_binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("annexes")
    password = add_inspector(ledger_binary, folder, "ines@dreal.example",
                             "--allow-ip", "127.0.0.0/8")
    server = Server(ledger_binary, folder)
    try:
        url = server.url
        ana = Person(url, "ana@garages.example", "Ana")
        cole = Person(url, "cole@collecte.example", "Cole")
        tom = Person(url, "tom@transport.example", "Tom")
        fred = Person(url, "fred@plant.example", "Fred")
        producers = [Company(ana, 740 + n, f"Garage {n}", ["PRODUCER"]) for n in range(5)]
        collector = Company(cole, 750, "Collecte Rhône", ["COLLECTOR", "TRANSPORTER"])
        collector.receipt()
        carrier = Company(tom, 751, "Transports Loire", ["TRANSPORTER"])
        carrier.receipt()
        plant = Company(fred, 752, "Incinération Sud", ["WASTEPROCESSOR"])
        road = {"company": carrier.input(), "numberPlate": "AB-123-CD", "mode": "ROAD"}
        initial = []
        for producer in producers:
            form = ana.must(CREATE, {"i": {
                "emitter": {"type": "PRODUCER", "company": producer.input()},
                "recipient": {"company": collector.input(), "processingOperation": "R 13",
                              "cap": "CAP-1"},
                "transporter": road, "wasteDetails": waste("16 01 07*", 1.0)}})["createForm"]
            ana.must(SEAL, {"id": form["id"]})
            signed(ana, form["id"], "2026-10-05T08:00:00Z", 1.0)
            taken(tom, form["id"], "2026-10-05T09:00:00Z")
            accepted(cole, form["id"], "2026-10-06", 1.0)
            cole.must(PROCESS, {"id": form["id"], "i": {
                "processingOperationDone": "R 13", "processedBy": "Cole",
                "processingOperationDescription": "Regroupement", "processedAt": "2026-10-07",
                "nextDestination": {"processingOperation": "R 1", "company": plant.input()}}})
            initial.append(form)
        group = cole.must(CREATE, {"i": {
            "emitter": {"type": "APPENDIX2", "company": collector.input()},
            "recipient": {"company": plant.input(), "processingOperation": "R 1",
                          "cap": "CAP-2"},
            "transporter": road, "wasteDetails": waste("16 01 07*", 5.0),
            "grouping": [{"form": {"id": form["id"]}, "quantity": 1.0}
                         for form in initial]}})["createForm"]
        cole.must(SEAL, {"id": group["id"]})
        signed(cole, group["id"], "2026-10-08T08:00:00Z", 5.0)
        taken(tom, group["id"], "2026-10-08T09:00:00Z")
        accepted(fred, group["id"], "2026-10-09", 5.0)
        fred.must(PROCESS, {"id": group["id"], "i": {
            "processingOperationDone": "R 1", "processedBy": "Fred", "processedAt": "2026-10-10",
            "destinationOperationMode": "VALORISATION_ENERGETIQUE"}})
        own = {"company": collector.input(), "numberPlate": "CO-111-LL", "mode": "ROAD"}
        round_ = cole.must(CREATE, {"i": {
            "emitter": {"type": "APPENDIX1", "company": collector.input()},
            "recipient": {"company": plant.input(), "processingOperation": "R 1",
                          "cap": "CAP-2"},
            "transporter": own, "wasteDetails": waste("13 05 02*", 0.001)}})["createForm"]
        cole.must(SEAL, {"id": round_["id"]})
        items = []
        for producer in producers:
            item = ana.must(CREATE, {"i": {
                "emitter": {"type": "APPENDIX1_PRODUCER", "company": producer.input()},
                "transporter": own, "wasteDetails": waste("13 05 02*", 0.5)}})["createForm"]
            ana.must(SEAL, {"id": item["id"]})
            items.append(item)
        cole.must("mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                  {"i": {"id": round_["id"],
                         "grouping": [{"form": {"id": item["id"]}} for item in items]}})
        for item in items:
            signed(ana, item["id"], "2026-10-12T08:00:00Z", 0.5)
            taken(cole, item["id"], "2026-10-12T09:00:00Z", plate="CO-111-LL")
        yield {"url": url, "ana": ana, "cole": cole, "tom": tom, "fred": fred,
               "producers": producers, "collector": collector, "plant": plant,
               "initial": initial, "group": group, "round": round_, "items": items,
               "inspector": login(url, "ines@dreal.example", password)}
    finally:
        server.stop()


def controls(person, company):
    """The company's control records, newest first: (operation, readable id, control id)."""
    page = person.must("query($s: String!) { companyControls(siret: $s, first: 100) { edges "
                       "{ node { operation readableId controlId } } } }", {"s": company.siret})
    return [(e["node"]["operation"], e["node"]["readableId"], e["node"]["controlId"])
            for e in page["companyControls"]["edges"]]


def test_statistics_count_each_producers_waste_once(annexes):
    query = """query { wasteStatistics(from: "2026-10", to: "2026-10", groupBy: [WASTE_CODE]) {
      cells { wasteCode quantity forms suppressed } } }"""
    cells = {cell["wasteCode"]: cell
             for cell in data(post(annexes["url"], query))["wasteStatistics"]["cells"]}
    # The regroupement repeats the five initial BSDs and the round sums its five items:
    # neither counts, nor does the collector as a sixth company.
    assert cells["16 01 07*"]["suppressed"] is False
    assert (cells["16 01 07*"]["quantity"], cells["16 01 07*"]["forms"]) == (
        pytest.approx(5.0), 5)
    assert cells["13 05 02*"]["suppressed"] is False
    assert (cells["13 05 02*"]["quantity"], cells["13 05 02*"]["forms"]) == (
        pytest.approx(2.5), 5)


def test_a_bsd_read_is_recorded_on_the_companies_of_the_bsds_it_shows(annexes):
    ana, group = annexes["ana"], annexes["group"]
    first = annexes["producers"][0]
    before = controls(ana, first)
    # Without the annexe fields, the answer shows none of the producers' data.
    data(post(annexes["url"], "query($id: ID!) { form(id: $id) { readableId } }",
              {"id": group["id"]}, token=annexes["inspector"]))
    assert controls(ana, first) == before
    shown = data(post(annexes["url"], "query($id: ID!) { form(id: $id) { readableId "
                                      "grouping { form { readableId emitter { company "
                                      "{ siret } } } } } }",
                      {"id": group["id"]}, token=annexes["inspector"]))["form"]
    assert {g["form"]["emitter"]["company"]["siret"] for g in shown["grouping"]} == {
        producer.siret for producer in annexes["producers"]}
    # One record, on every company: the regroupement's and each initial BSD's producer.
    newest = {producer.siret: controls(ana, producer)[0] for producer in annexes["producers"]}
    newest[annexes["plant"].siret] = controls(annexes["fred"], annexes["plant"])[0]
    assert {(operation, readable) for operation, readable, _ in newest.values()} == {
        ("form", group["readableId"])}
    assert len({control for _, _, control in newest.values()}) == 1


def test_a_pdf_of_a_collection_round_is_recorded_on_its_items_producers(annexes):
    ana, round_ = annexes["ana"], annexes["round"]
    link = data(post(annexes["url"], "query($id: ID!) { formPdf(id: $id) { downloadLink } }",
                     {"id": round_["id"]}, token=annexes["inspector"]))
    assert link["formPdf"]["downloadLink"]
    for producer in annexes["producers"]:
        assert controls(ana, producer)[0][:2] == ("formPdf", round_["readableId"])


def test_a_report_is_recorded_on_the_companies_it_names(annexes):
    first, plant = annexes["producers"][0], annexes["plant"]
    query = ("query($s: String!) { traceabilityReport(siret: $s) "
             "{ outcomes { finalTreatments { destinationSiret } } } }")
    report = data(post(annexes["url"], query, {"s": first.siret},
                       token=annexes["inspector"]))["traceabilityReport"]
    finals = [final for outcome in report["outcomes"] for final in outcome["finalTreatments"]]
    assert {final["destinationSiret"] for final in finals} == {plant.siret}
    # The plant is not named on the producer's BSD, only reached through the regroupement.
    mine = controls(annexes["ana"], first)[0]
    theirs = controls(annexes["fred"], plant)[0]
    assert mine[0] == theirs[0] == "traceabilityReport"
    assert mine[2] == theirs[2]
