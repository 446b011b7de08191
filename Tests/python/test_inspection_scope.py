"""Inspection end to end, continued: an inspector limited to one company (`inspector add
--company A`) reads A's file, registers and BSDs and is refused those of another company;
its register reads are recorded for the company's ADMINs; a BSD through a temporary storer
gives the storer's and the plant's files their incoming flows, filtered by period; and a
road-control link opens the PDF while that BSD is RESENT, and no longer once it is
received. Signature dates are relative to the run, as the files only list BSDs created
before the period's end."""
import urllib.error
import urllib.request

import pytest

from bsdd_world import Company, Person, Server, codes, data, siret
from test_inspection import (CONTROLS, CREATE, EMIT, RECEIVE, REPORT, SEAL, add_inspector, ask,
                             instant, login, signed, taken, waste)

TEMP_STORE = ("mutation($id: ID!, $i: TempStoredFormInput!) "
              "{ markAsTempStored(id: $id, tempStoredInfos: $i) { status } }")
RESEAL = ("mutation($id: ID!, $i: ResealedFormInput!) "
          "{ markAsResealed(id: $id, resealedInfos: $i) { status } }")
ROAD = "mutation($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }"
FILE = """query($s: String!, $f: DateTime, $t: DateTime) {
  controlFile(siret: $s, from: $f, to: $t) {
    forms { readableId }
    flows { wasteCode incoming incomingForms outgoing outgoingForms } } }"""
FORM = "query($id: ID!) { form(id: $id) { readableId status } }"
REGISTER = ("query($s: [String!]!) { wastesRegistryCsv(registryType: OUTGOING, sirets: $s) "
            "{ downloadLink } }")


def status_of(link):
    """The HTTP status of GET `link`, without any header."""
    try:
        with urllib.request.urlopen(link, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def through_storer(world):
    """A's 2 t picked up 12 days ago for the storer, which accepts 1.8 t 10 days ago,
    repackages it as 1.6 t and sends it on 6 days ago to the plant: the BSD is RESENT."""
    ana, tom, sam = world["ana"], world["tom"], world["sam"]
    road = {"company": world["carrier"].input(), "numberPlate": "AB-123-CD", "mode": "ROAD"}
    form = ana.must(CREATE, {"i": {
        "emitter": {"type": "PRODUCER", "company": world["a"].input()},
        "recipient": {"company": world["storer"].input(), "processingOperation": "R 13",
                      "cap": "CAP-1", "isTempStorage": True},
        "temporaryStorageDetail": {"destination": {
            "company": world["plant"].input(), "processingOperation": "R 1", "cap": "CAP-2"}},
        "transporter": road, "wasteDetails": waste("16 01 07*", 2.0)}})["createForm"]
    ana.must(SEAL, {"id": form["id"]})
    signed(ana, form["id"], instant(12.1), 2.0)
    taken(tom, form["id"], instant(12))
    sam.must(TEMP_STORE, {"id": form["id"], "i": {
        "wasteAcceptationStatus": "ACCEPTED", "receivedBy": "Sam", "receivedAt": instant(10),
        "signedAt": instant(9.9), "quantityReceived": 1.8, "quantityRefused": 0,
        "quantityType": "REAL"}})
    sam.must(RESEAL, {"id": form["id"], "i": {"transporter": road, "wasteDetails": {
        "quantity": 1.6, "quantityType": "REAL", "onuCode": "UN 3175, 4.1, II",
        "packagingInfos": [{"type": "FUT", "quantity": 2}]}}})
    sam.must(EMIT, {"id": form["id"], "i": {"emittedAt": instant(6.1), "emittedBy": "Sam",
                                           "quantity": 1.6}})
    taken(tom, form["id"], instant(6))
    assert ana.must(FORM, {"id": form["id"]})["form"]["status"] == "RESENT"
    return form


def received_at_plant(world, form, quantity, refused, days_ago):
    world["rita"].must(RECEIVE, {"id": form["id"], "i": {
        "receivedBy": "Rita", "receivedAt": instant(days_ago),
        "wasteAcceptationStatus": "ACCEPTED" if not refused else "PARTIALLY_REFUSED",
        "wasteRefusalReason": "Fûts percés" if refused else None,
        "signedAt": instant(days_ago - 0.1), "quantityReceived": quantity,
        "quantityRefused": refused}})


@pytest.fixture(scope="module")
def scoped(ledger_binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("inspection-scope")
    limited = add_inspector(ledger_binary, folder, "lim@dreal.example",
                            "--allow-ip", "127.0.0.0/8", "--company", siret(761))
    full = add_inspector(ledger_binary, folder, "ines@dreal.example",
                         "--allow-ip", "127.0.0.0/8")
    server = Server(ledger_binary, folder)
    try:
        url = server.url
        world = {"url": url}
        for key, email, name in [("ana", "ana@a.example", "Ana"), ("bob", "bob@b.example", "Bob"),
                                 ("tom", "tom@loire.example", "Tom"),
                                 ("sam", "sam@transit.example", "Sam"),
                                 ("rita", "rita@plant.example", "Rita")]:
            world[key] = Person(url, email, name)
        world["a"] = Company(world["ana"], 761, "Garage A", ["PRODUCER"])
        world["b"] = Company(world["bob"], 762, "Garage B", ["PRODUCER"])
        world["carrier"] = Company(world["tom"], 763, "Transports Loire", ["TRANSPORTER"])
        world["carrier"].receipt()
        world["storer"] = Company(world["sam"], 764, "Transit Rhône", ["COLLECTOR"])
        world["plant"] = Company(world["rita"], 765, "Valorisation Est", ["WASTEPROCESSOR"])
        stored = through_storer(world)
        # A road-control link while RESENT opens the PDF; once received, it no longer does.
        link = world["tom"].must(ROAD, {"id": stored["id"]})["createPdfAccessToken"]
        world["road"] = [status_of(link)]
        received_at_plant(world, stored, 1.6, 0.1, 5)
        world["road"].append(status_of(link))
        # B's 1 t straight to the plant, received 3 days ago.
        bob = world["bob"]
        direct = bob.must(CREATE, {"i": {
            "emitter": {"type": "PRODUCER", "company": world["b"].input()},
            "recipient": {"company": world["plant"].input(), "processingOperation": "R 1",
                          "cap": "CAP-2"},
            "transporter": {"company": world["carrier"].input(), "numberPlate": "AB-123-CD",
                            "mode": "ROAD"},
            "wasteDetails": waste("16 01 07*", 1.0)}})["createForm"]
        bob.must(SEAL, {"id": direct["id"]})
        signed(bob, direct["id"], instant(4.1), 1.0)
        taken(world["tom"], direct["id"], instant(4))
        received_at_plant(world, direct, 1.0, 0, 3)
        world.update(stored=stored, direct=direct, limited=login(url, "lim@dreal.example", limited),
                     full=login(url, "ines@dreal.example", full))
        yield world
    finally:
        server.stop()


def test_an_inspector_limited_to_a_company_reads_it_and_is_refused_the_others(scoped):
    a, b = scoped["a"].siret, scoped["b"].siret
    file = data(ask(scoped, "limited", FILE, {"s": a}))["controlFile"]
    assert [form["readableId"] for form in file["forms"]] == [scoped["stored"]["readableId"]]
    assert data(ask(scoped, "limited", FORM, {"id": scoped["stored"]["id"]}))["form"][
        "readableId"] == scoped["stored"]["readableId"]
    link = data(ask(scoped, "limited", REGISTER, {"s": [a]}))["wastesRegistryCsv"]
    assert status_of(link["downloadLink"]) == 200
    for query, variables in [(FILE, {"s": b}), (REPORT, {"s": b}), (REGISTER, {"s": [b]}),
                             (REGISTER, {"s": [a, b]}), (FILE, {"s": scoped["plant"].siret})]:
        assert codes(ask(scoped, "limited", query, variables)[1]) == ["FORBIDDEN"], variables
    # A BSD that names no covered company is hidden as from any outsider.
    assert codes(ask(scoped, "limited", FORM, {"id": scoped["direct"]["id"]})[1]) == [
        "NOT_FOUND"]
    # The inspector without a company list reads B's file.
    assert data(ask(scoped, "full", FILE, {"s": b}))["controlFile"]["forms"]


def test_an_inspectors_register_read_is_recorded_for_the_company(scoped):
    ana, a = scoped["ana"], scoped["a"].siret
    before = data(ana.ask(CONTROLS, {"s": a}))["companyControls"]["totalCount"]
    data(ask(scoped, "limited", REGISTER, {"s": [a]}))
    after = data(ana.ask(CONTROLS, {"s": a}))["companyControls"]
    assert after["totalCount"] == before + 1
    newest = after["edges"][0]["node"]
    assert (newest["operation"], newest["inspectorEmail"]) == (
        "wastesRegistryCsv", "lim@dreal.example")
    # The limited inspector's refused reads of B's data left B no record of it.
    readers = {edge["node"]["inspectorEmail"] for edge in data(scoped["bob"].ask(
        CONTROLS, {"s": scoped["b"].siret}))["companyControls"]["edges"]}
    assert "lim@dreal.example" not in readers


def flow(scoped, company, since=None):
    """The company's one flow since `since` as (incoming, forms in, outgoing, forms out), or
    None."""
    variables = {"s": company.siret, "f": since}
    flows = data(ask(scoped, "full", FILE, variables))["controlFile"]["flows"]
    if not flows:
        return None
    [only] = flows
    assert only["wasteCode"] == "16 01 07*"
    return (pytest.approx(only["incoming"]), only["incomingForms"],
            pytest.approx(only["outgoing"]), only["outgoingForms"])


def test_the_storer_and_the_plant_files_count_what_each_accepted(scoped):
    # The storer took in 1.8 t and sent 1.6 t on; the plant accepted 1.5 t of it (0.1 t
    # refused) and B's 1 t.
    assert flow(scoped, scoped["storer"]) == (1.8, 1, 1.6, 1)
    assert flow(scoped, scoped["plant"]) == (2.5, 2, 0, 0)
    assert flow(scoped, scoped["a"]) == (0, 0, 2.0, 1)


def test_the_company_file_keeps_the_flows_of_its_period(scoped):
    storer = scoped["storer"]
    # From 8 days ago: the onward journey (6 days ago), not the reception (10 days ago).
    assert flow(scoped, storer, since=instant(8)) == (0, 0, 1.6, 1)
    # From 11 days ago: both.
    assert flow(scoped, storer, since=instant(11)) == (1.8, 1, 1.6, 1)
    # From 4 days ago, the plant has B's reception (3 days ago) only.
    assert flow(scoped, scoped["plant"], since=instant(4)) == (1.0, 1, 0, 0)
    # A period that ends before the BSDs were made lists none.
    old = data(ask(scoped, "full", FILE, {"s": storer.siret, "f": instant(40),
                                          "t": instant(30)}))["controlFile"]
    assert old["forms"] == [] and old["flows"] == []


def test_a_road_control_link_opens_the_pdf_while_resent_and_not_once_received(scoped):
    assert scoped["road"] == [200, 410]
