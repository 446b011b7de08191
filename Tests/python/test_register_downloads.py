"""Register downloads through the API of a real `bsd-ledger serve`: a BSD picked up shows in
the producer's OUTGOING register, fetched with the FileDownload link (no Authorization
header) and read back with openpyxl and the csv module."""
import csv
import datetime
import io
import urllib.error
import urllib.request

import openpyxl
import pytest

from bsdd_world import Company, Person, Server, codes, post

LINK = ("query($t: WasteRegistryType!, $s: [String!]!, $w: WasteRegistryWhere) "
        "{ %s(registryType: $t, sirets: $s, where: $w) { token downloadLink } }")
YEAR = {"createdAt": {"_gte": "2026-01-01T00:00:00Z", "_lt": "2027-01-01T00:00:00Z"}}


@pytest.fixture(scope="module")
def world(ledger_binary, tmp_path_factory):
    server = Server(ledger_binary, tmp_path_factory.mktemp("register-downloads"))
    try:
        url = server.url
        ana = Person(url, "ana@producer.example", "Ana")
        tom = Person(url, "tom@transport.example", "Tom")
        rita = Person(url, "rita@recipient.example", "Rita")
        producer = Company(ana, 301, "Producteur Ouest", ["PRODUCER"])
        transporter = Company(tom, 302, "Transports Rhône", ["TRANSPORTER"])
        recipient = Company(rita, 303, "Centre de traitement", ["WASTEPROCESSOR"])
        transporter.receipt()
        form = ana.must(
            "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id readableId } }",
            {"i": {
                "emitter": {"type": "PRODUCER", "company": producer.input()},
                "recipient": {"company": recipient.input(), "processingOperation": "R 1",
                              "cap": "CAP-7"},
                "transporter": {"company": transporter.input(), "numberPlate": "AB-123-CD",
                                "mode": "ROAD"},
                "wasteDetails": {
                    "code": "16 01 07*", "name": "Filtres à huile", "pop": False,
                    "isSubjectToADR": True, "onuCode": "UN 3175, 4.1, II", "quantity": 2.25,
                    "quantityType": "REAL", "consistence": ["SOLID"],
                    "packagingInfos": [{"type": "FUT", "quantity": 2}]},
            }})["createForm"]
        ana.must("mutation($id: ID!) { markAsSealed(id: $id) { id } }", {"id": form["id"]})
        ana.must("mutation($id: ID!, $i: SignEmissionFormInput!) "
                 "{ signEmissionForm(id: $id, input: $i) { id } }",
                 {"id": form["id"], "i": {"emittedAt": "2026-03-01T08:00:00Z",
                                          "emittedBy": "Ana", "quantity": 2.25}})
        tom.must("mutation($id: ID!, $i: SignTransportFormInput!) "
                 "{ signTransportForm(id: $id, input: $i) { status } }",
                 {"id": form["id"], "i": {"takenOverAt": "2026-03-01T09:00:00Z",
                                          "takenOverBy": "Tom",
                                          "transporterNumberPlate": "AB-123-CD"}})
        yield {"ana": ana, "tom": tom, "producer": producer, "transporter": transporter,
               "readable_id": form["readableId"]}
    finally:
        server.stop()


def link(person, field, registry_type, sirets):
    status, body = person.ask(LINK % field, {"t": registry_type, "s": sirets, "w": YEAR})
    assert status == 200 and not body.get("errors"), body
    return body["data"][field]


def download(url):
    """GETs a download link without any header; returns (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_the_xlsx_link_gives_a_sheet_openpyxl_reads(world):
    siret = world["producer"].siret
    file = link(world["ana"], "wastesRegistryXls", "OUTGOING", [siret])
    assert file["downloadLink"].endswith("/download?token=" + file["token"])
    status, headers, body = download(file["downloadLink"])
    assert status == 200
    assert headers["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert headers["Content-Disposition"] == (
        f'attachment; filename="registre-outgoing-{siret}-2026-01-01-2026-12-31.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    assert sheet.title == "OUTGOING"
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(value) for value in rows[0]]
    assert header[:3] == ["SIRET du déclarant", "Date", "N° de bordereau"]
    assert len(rows) == 2
    row = dict(zip(header, rows[1]))
    assert row["SIRET du déclarant"] == siret
    assert row["N° de bordereau"] == world["readable_id"]
    assert row["Date"] == datetime.datetime(2026, 3, 1)
    assert row["Quantité (t)"] == pytest.approx(2.25)
    assert row["Déchet dangereux"] == "O"
    assert sheet.cell(2, header.index("Date") + 1).number_format == "yyyy-mm-dd"
    assert sheet.cell(2, header.index("Quantité (t)") + 1).number_format == "0.000"


def test_the_csv_link_works_once(world):
    siret = world["transporter"].siret
    file = link(world["tom"], "wastesRegistryCsv", "TRANSPORTED", [siret])
    status, headers, body = download(file["downloadLink"])
    assert status == 200
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))
    assert [row["N° de bordereau"] for row in rows] == [world["readable_id"]]
    assert rows[0]["SIRET du déclarant"] == siret
    assert rows[0]["Date d'enlèvement"] == "2026-03-01"
    assert rows[0]["Quantité (t)"] == "2.250"
    assert rows[0]["Mention ADR"] == "UN 3175, 4.1, II"
    again, _, text = download(file["downloadLink"])
    assert again == 410
    assert b"already been used" in text


def test_a_company_the_caller_does_not_belong_to_is_forbidden(world):
    status, body = world["tom"].ask(
        LINK % "wastesRegistryCsv",
        {"t": "OUTGOING", "s": [world["producer"].siret], "w": YEAR})
    assert codes(body) == ["FORBIDDEN"]
    status, body = post(world["ana"].url, LINK % "wastesRegistryCsv",
                        {"t": "OUTGOING", "s": [world["producer"].siret]})
    assert codes(body) == ["UNAUTHENTICATED"]
