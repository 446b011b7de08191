"""The BSD PDF and road-control links through a real `bsd-ledger serve`: the PDF's text is
read back with pypdf (accents, readable id, signatures of each step), its pages are rendered
with poppler's pdftoppm, the header's QR code is decoded from the rendered page with
zbarimg, and road-control links open it without an account only while the waste is in
transit, for 30 minutes, with every use in the ledger, across a restart."""
import json
import subprocess
import time
import urllib.error
import urllib.request
from io import BytesIO

import pypdf
import pytest

from bsdd_world import Company, Person, Server, codes

CREATE = "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id readableId } }"
PDF = "query($id: ID!) { formPdf(id: $id) { token downloadLink } }"
ROAD = "mutation($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }"


def get(url):
    """GETs `url` without any header; returns (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Circuit:
    """A producer, a transporter and a treatment site, each with its own account."""

    def __init__(self, url):
        self.ana = Person(url, "ana@producer.example", "Ana")
        self.tom = Person(url, "tom@transport.example", "Tom")
        self.rita = Person(url, "rita@recipient.example", "Rita")
        self.producer = Company(self.ana, 401, "Société Générale de Déchets", ["PRODUCER"])
        self.transporter = Company(self.tom, 402, "Transports Rhône", ["TRANSPORTER"])
        self.recipient = Company(self.rita, 403, "Incinérateur de l'Étang", ["WASTEPROCESSOR"])
        self.transporter.receipt()

    def sealed(self):
        form = self.ana.must(CREATE, {"i": {
            "emitter": {"type": "PRODUCER", "company": self.producer.input()},
            "recipient": {"company": self.recipient.input(), "processingOperation": "R 1",
                          "cap": "CAP-É1"},
            "transporter": {"company": self.transporter.input(), "numberPlate": "AB-123-CD",
                            "mode": "ROAD"},
            "wasteDetails": {
                "code": "16 01 07*", "name": "Filtres à huile usagés", "pop": False,
                "isSubjectToADR": True, "onuCode": "UN 3175, 4.1, II", "quantity": 2.25,
                "quantityType": "REAL", "consistence": ["SOLID"],
                "packagingInfos": [{"type": "FUT", "quantity": 2}]},
        }})["createForm"]
        self.ana.must("mutation($id: ID!) { markAsSealed(id: $id) { id } }", {"id": form["id"]})
        return form

    def sent(self):
        form = self.sealed()
        self.ana.must("mutation($id: ID!, $i: SignEmissionFormInput!) "
                      "{ signEmissionForm(id: $id, input: $i) { id } }",
                      {"id": form["id"], "i": {"emittedAt": "2026-03-01T08:00:00Z",
                                               "emittedBy": "Anaïs Émettrice", "quantity": 2.25}})
        self.tom.must("mutation($id: ID!, $i: SignTransportFormInput!) "
                      "{ signTransportForm(id: $id, input: $i) { status } }",
                      {"id": form["id"], "i": {"takenOverAt": "2026-03-01T09:30:00Z",
                                               "takenOverBy": "Tom Léger",
                                               "transporterNumberPlate": "AB-123-CD"}})
        return form

    def received(self, form):
        self.rita.must("mutation($id: ID!, $i: ReceivedFormInput!) "
                       "{ markAsReceived(id: $id, receivedInfo: $i) { status } }",
                       {"id": form["id"], "i": {"receivedAt": "2026-03-02T07:00:00Z",
                                                "receivedBy": "Rita Réception"}})

    def processed(self):
        form = self.sent()
        self.received(form)
        self.rita.must("mutation($id: ID!, $i: AcceptedFormInput!) "
                       "{ markAsAccepted(id: $id, acceptedInfo: $i) { status } }",
                       {"id": form["id"], "i": {
                           "wasteAcceptationStatus": "ACCEPTED",
                           "signedAt": "2026-03-02T07:15:00Z", "signedBy": "Rita Réception",
                           "quantityReceived": 2.2, "quantityRefused": 0}})
        self.rita.must("mutation($id: ID!, $i: ProcessedFormInput!) "
                       "{ markAsProcessed(id: $id, processedInfo: $i) { status } }",
                       {"id": form["id"], "i": {
                           "processingOperationDone": "R 1",
                           "destinationOperationMode": "VALORISATION_ENERGETIQUE",
                           "processedBy": "Zoé Opératrice",
                           "processedAt": "2026-03-03T10:45:00Z"}})
        return form


@pytest.fixture(scope="module")
def world(ledger_binary, tmp_path_factory):
    server = Server(ledger_binary, tmp_path_factory.mktemp("form-pdf"))
    try:
        circuit = Circuit(server.url)
        yield {"server": server, "circuit": circuit, "processed": circuit.processed()}
    finally:
        server.stop()


def pdf_of(person, form_id):
    link = person.must(PDF, {"id": form_id})["formPdf"]
    assert link["downloadLink"].endswith("/download?token=" + link["token"])
    status, headers, body = get(link["downloadLink"])
    assert status == 200, body
    assert headers["Content-Type"] == "application/pdf"
    return body


def text_of(pdf):
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages)


def test_pdf_text_has_accented_french_the_readable_id_and_every_signature(world):
    form = world["processed"]
    text = text_of(pdf_of(world["circuit"].ana, form["id"]))
    for phrase in [
        "Bordereau de suivi des déchets", form["readableId"], "Société Générale de Déchets",
        "Incinérateur de l'Étang", "Transports Rhône", "Filtres à huile usagés",
        "Cadre 1.1 – Producteur ou détenteur du déchet", "Cadre 10 – Réception",
        "Cadre 11 – Réalisation de l'opération", "Accepté en totalité",
        "Signé le 01/03/2026 08:00 UTC par Anaïs Émettrice",
        "Signé le 01/03/2026 09:30 UTC par Tom Léger",
        "Signé le 02/03/2026 07:15 UTC par Rita Réception",
        "Signé le 03/03/2026 10:45 UTC par Zoé Opératrice",
    ]:
        assert phrase in text, phrase
    assert "ANNULÉ" not in text
    assert "Cadre 13" not in text


def test_every_reader_of_the_bsd_gets_the_pdf_and_others_get_not_found(world):
    circuit, form = world["circuit"], world["processed"]
    for person in (circuit.tom, circuit.rita):
        assert form["readableId"] in text_of(pdf_of(person, form["id"]))
    stranger = Person(world["server"].url, "eve@elsewhere.example", "Ève")
    status, body = stranger.ask(PDF, {"id": form["id"]})
    assert codes(body) == ["NOT_FOUND"]


def test_pdftoppm_renders_every_page_to_png(world, tmp_path):
    pdf = pdf_of(world["circuit"].ana, world["processed"]["id"])
    (tmp_path / "bsd.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(tmp_path / "bsd.pdf"),
                    str(tmp_path / "page")], check=True, capture_output=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(pypdf.PdfReader(BytesIO(pdf)).pages) >= 1
    for page in pages:
        png = page.read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(png) > 5000, "a blank page compresses to almost nothing"


def test_the_qr_code_in_the_header_reads_as_the_readable_id(world, tmp_path):
    form = world["processed"]
    (tmp_path / "bsd.pdf").write_bytes(pdf_of(world["circuit"].ana, form["id"]))
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1",
                    str(tmp_path / "bsd.pdf"), str(tmp_path / "page")],
                   check=True, capture_output=True)
    [page] = tmp_path.glob("page-*.png")
    # zbar (Debian zbar-tools) decodes what a phone would scan; --raw prints the data alone.
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(page)],
                             capture_output=True, text=True)
    assert decoded.returncode == 0, decoded.stderr
    assert decoded.stdout.splitlines() == [form["readableId"]]


def road_link(person, form_id):
    status, body = person.ask(ROAD, {"id": form_id})
    return body.get("data", {}) and body["data"]["createPdfAccessToken"], codes(body), body


def test_road_control_link_opens_the_pdf_without_an_account_while_sent(world):
    circuit = world["circuit"]
    form = circuit.sent()
    link, errors, body = road_link(circuit.tom, form["id"])
    assert not errors, body
    assert "/road-control?token=" in link
    status, headers, pdf = get(link)
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    text = text_of(pdf)
    assert form["readableId"] in text
    assert "Déchet en cours de transport" in text


def test_road_control_link_is_refused_once_the_waste_is_received(world):
    circuit = world["circuit"]
    form = circuit.sent()
    link, errors, _ = road_link(circuit.ana, form["id"])
    assert not errors and get(link)[0] == 200
    circuit.received(form)
    status, _, body = get(link)
    assert status == 410
    assert b"no longer in transit" in body
    assert road_link(circuit.ana, form["id"])[1] == ["BAD_USER_INPUT"]


def test_no_road_control_link_before_transit_nor_for_an_outsider(world):
    circuit = world["circuit"]
    assert road_link(circuit.ana, circuit.sealed()["id"])[1] == ["BAD_USER_INPUT"]
    sent = circuit.sent()
    stranger = Person(world["server"].url, "mallory@elsewhere.example", "Mallory")
    assert road_link(stranger, sent["id"])[1] == ["NOT_FOUND"]
    status, _, _ = get(world["server"].url.replace("/graphql", "/road-control?token=x"))
    assert status == 404


def test_road_control_link_expires(ledger_binary, tmp_path):
    server = Server(ledger_binary, tmp_path, ["--road-control-link-lifetime", "2"])
    try:
        circuit = Circuit(server.url)
        link, errors, body = road_link(circuit.tom, circuit.sent()["id"])
        assert not errors, body
        assert get(link)[0] == 200
        time.sleep(2.5)
        status, _, text = get(link)
        assert status == 410
        assert b"expired" in text
    finally:
        server.stop()


def test_road_control_links_survive_a_restart_and_every_use_is_in_the_ledger(
        ledger_binary, tmp_path):
    server = Server(ledger_binary, tmp_path)
    try:
        circuit = Circuit(server.url)
        form = circuit.sent()
        link, errors, body = road_link(circuit.tom, form["id"])
        assert not errors, body
        assert get(link)[0] == 200
        token = link.split("token=", 1)[1]
        server.stop()
        server = Server(ledger_binary, tmp_path)
        assert get(server.url.replace("/graphql", "/road-control?token=" + token))[0] == 200
    finally:
        server.stop()
    export = subprocess.run([str(ledger_binary), "export", "--data", str(tmp_path)],
                            check=True, capture_output=True, text=True).stdout
    events = [json.loads(line)["envelope"] for line in export.splitlines() if line]
    stream = [e for e in events if e["streamId"].startswith("pdf-access-token-")]
    assert [e["type"] for e in stream] == [
        "PdfAccessTokenCreated", "PdfAccessTokenUsed", "PdfAccessTokenUsed"]
    created = stream[0]["payload"]
    assert (created["formId"], created["readableId"]) == (form["id"], form["readableId"])
    assert created["expiresAt"] - created["issuedAt"] == 30 * 60 * 1_000_000
    assert all(e["payload"]["tokenId"] == created["tokenId"] for e in stream)
    assert all(e["payload"]["address"] == "127.0.0.1" for e in stream[1:])
    assert token not in export, "the token itself is never written"
