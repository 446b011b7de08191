"""Authorization matrix of the BSDD API: every operation run as every relation to the BSD.

Each cell starts from a fresh BSD brought to the state the operation needs by the legitimate
actors, then runs the operation as one relation and checks the outcome: success, or the
stable error code. Leaks are checked too: an outsider's answers are the same as for a BSD
that does not exist, lists and status logs never show it, and error messages never quote it.
"""
import base64
import hashlib
import hmac
import json
import pathlib
import time

import pytest

from bsdd_world import Company, Person, Server, codes, data, post

WASTE_NAME = "Filtres à huile usagés lot-7731"
CUSTOM_ID = "cid-matrix-5521"

RELATIONS = ["emitter", "transporter", "driver", "recipient", "reader", "trader", "unrelated",
             "anonymous", "revoked", "expired"]


class World:
    def __init__(self, binary, folder):
        self.server = Server(binary, folder)
        url = self.url = self.server.url
        self.ana = Person(url, "ana@producer.example", "Ana")
        self.tom = Person(url, "tom@transport.example", "Tom")
        self.rita = Person(url, "rita@recipient.example", "Rita")
        self.tara = Person(url, "tara@trader.example", "Tara")
        self.una = Person(url, "una@elsewhere.example", "Una")
        self.producer = Company(self.ana, 101, "Producteur Ouest", ["PRODUCER"])
        self.transporter = Company(self.tom, 102, "Transports Rhône", ["TRANSPORTER"])
        self.recipient = Company(self.rita, 103, "Centre de traitement", ["WASTEPROCESSOR"])
        self.trader = Company(self.tara, 104, "Négoce Est", ["TRADER"])
        self.elsewhere = Company(self.una, 105, "Ailleurs SA", ["PRODUCER"])
        self.fred = Person(url, "fred@final.example", "Fred")
        self.final = Company(self.fred, 106, "Usine finale", ["WASTEPROCESSOR"])
        self.transporter.receipt()
        self.dan = self.transporter.add(url, "dan@transport.example", "Dan", "DRIVER")
        self.rea = self.recipient.add(url, "rea@recipient.example", "Rea", "READER")
        self.gone = Person(url, "gone@producer.example", "Gone")
        self.producer.admin.must("mutation($e: String!, $s: String!) { inviteUserToCompany("
                                 "email: $e, siret: $s, role: MEMBER) { id } }",
                                 {"e": "gone2@producer.example", "s": self.producer.siret})
        self.revoked = Person(url, "gone2@producer.example", "Gone Two")
        self.revoked.must("mutation($i: ID!) { revokeAccessToken(id: $i) { id } }",
                          {"i": self.revoked.token_id})
        self.expired_jwt = forge_expired_jwt(folder, self.ana.id)

    def token(self, relation):
        people = {"emitter": self.ana, "transporter": self.tom, "driver": self.dan,
                  "recipient": self.rita, "reader": self.rea, "trader": self.tara,
                  "unrelated": self.una, "revoked": self.revoked}
        if relation == "anonymous":
            return None
        if relation == "expired":
            return self.expired_jwt
        return people[relation].token

    def content(self):
        transporter = self.transporter.input()
        return {
            "customId": CUSTOM_ID,
            "emitter": {"type": "PRODUCER", "company": self.producer.input()},
            "recipient": {"company": self.recipient.input(), "processingOperation": "R 1",
                          "cap": "CAP-42"},
            "transporter": {"company": transporter, "numberPlate": "AB-123-CD", "mode": "ROAD"},
            "trader": {"company": self.trader.input(), "receipt": "NEG-1", "department": "69",
                       "validityLimit": "2030-01-01T00:00:00Z"},
            "wasteDetails": {
                "code": "16 01 07*", "name": WASTE_NAME, "pop": False, "isSubjectToADR": True,
                "onuCode": "UN 3175, 4.1, II", "quantity": 1.5, "quantityType": "REAL",
                "consistence": ["SOLID"], "packagingInfos": [{"type": "FUT", "quantity": 2}]},
        }

    def secrets(self, form):
        """What an outsider must never read in an answer about `form` (beyond what it sent)."""
        companies = (self.producer, self.transporter, self.recipient, self.trader, self.final)
        found = {CUSTOM_ID, WASTE_NAME} | {company.siret for company in companies}
        return found | {form[key] for key in ("id", "readableId") if key in form}

    # The legitimate path, step by step.
    def draft(self):
        return self.ana.must("mutation($i: CreateFormInput!) { createForm(createFormInput: $i)"
                             " { id readableId } }", {"i": self.content()})["createForm"]

    def sealed(self):
        form = self.draft()
        self.ana.must("mutation($id: ID!) { markAsSealed(id: $id) { id } }", {"id": form["id"]})
        return form

    def signed(self):
        form = self.sealed()
        self.ana.must(SIGN_EMISSION, {"id": form["id"], "i": emission()})
        return form

    def sent(self):
        form = self.signed()
        self.tom.must(SIGN_TRANSPORT, {"id": form["id"], "i": transport()})
        return form

    def received(self):
        form = self.sent()
        self.rita.must(RECEIVE, {"id": form["id"], "i": reception()})
        return form

    def accepted(self):
        form = self.received()
        self.rita.must(ACCEPT, {"id": form["id"], "i": acceptance()})
        return form

    def none(self):
        """No BSD: for the operations that make one."""
        return {}

    def with_transporter(self, form):
        """`form` with the id of its first transporter."""
        found = self.ana.must("query($id: ID!) { form(id: $id) { transporters { id } } }",
                              {"id": form["id"]})["form"]["transporters"]
        return {**form, "transporterId": found[0]["id"]}

    def sealed_transporter(self):
        return self.with_transporter(self.sealed())

    def sent_segment(self):
        """A BSD in transit whose transporter prepared a second segment (not ready yet)."""
        form = self.sent()
        made = self.tom.must(
            "mutation($id: ID!, $s: String!, $n: NextSegmentInfoInput!) { prepareSegment(id: $id,"
            " siret: $s, nextSegmentInfo: $n) { id } }",
            {"id": form["id"], "s": self.transporter.siret,
             "n": {"transporter": transporter_input(self, "NX-1"), "mode": "ROAD"}})
        return {**form, "transporterId": made["prepareSegment"]["id"]}

    def sent_segment_ready(self):
        form = self.sent_segment()
        self.tom.must("mutation($t: ID!) { markSegmentAsReadyToTakeOver(id: $t) { id } }",
                      {"t": form["transporterId"]})
        return form

    def standalone(self):
        """A transporter made by the transporter company's admin, on no BSD yet."""
        made = self.tom.must("mutation($i: TransporterInput!) { createFormTransporter(input: $i)"
                             " { id } }", {"i": transporter_input(self)})
        return {"transporterId": made["createFormTransporter"]["id"]}

    # The temporary-storage path: the recipient stores, the final company treats.
    def stored_content(self):
        content = self.content()
        content["recipient"] = {**content["recipient"], "isTempStorage": True,
                                "processingOperation": "R 13"}
        content["temporaryStorageDetail"] = {"destination": {
            "company": self.final.input(), "processingOperation": "R 1", "cap": "CAP-43"}}
        return content

    def ts_sent(self):
        form = self.ana.must("mutation($i: CreateFormInput!) { createForm(createFormInput: $i)"
                             " { id readableId } }", {"i": self.stored_content()})["createForm"]
        self.ana.must("mutation($id: ID!) { markAsSealed(id: $id) { id } }", {"id": form["id"]})
        self.ana.must(SIGN_EMISSION, {"id": form["id"], "i": emission()})
        self.tom.must(SIGN_TRANSPORT, {"id": form["id"], "i": transport()})
        return form

    def ts_stored(self):
        form = self.ts_sent()
        self.rita.must(TEMP_STORE, {"id": form["id"], "i": temp_stored()})
        return form

    def ts_accepted(self):
        form = self.ts_stored()
        self.rita.must(TEMP_ACCEPT, {"id": form["id"], "i": temp_accepted()})
        return form

    def ts_resealed(self):
        form = self.ts_accepted()
        self.rita.must(RESEAL, {"id": form["id"], "i": onward(self)})
        return form

    def ts_storer_signed(self):
        form = self.ts_resealed()
        self.rita.must(SIGN_EMISSION, {"id": form["id"], "i": storer_emission()})
        return form


def forge_expired_jwt(folder, user_id):
    """A JWT for a real user, signed with the instance's key, that expired an hour ago."""
    lines = pathlib.Path(folder, "identity.secrets").read_text().splitlines()
    key = bytes.fromhex(next(line for line in lines if line.startswith("jwt="))[4:])

    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    now = int(time.time())
    header = part({"alg": "HS256", "typ": "JWT"})
    claims = part({"sub": user_id, "iat": now - 90_000, "exp": now - 3_600})
    signature = hmac.new(key, f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def emission():
    return {"emittedAt": "2026-03-01T08:00:00Z", "emittedBy": "Ana", "quantity": 1.5}


def transport():
    return {"takenOverAt": "2026-03-01T09:00:00Z", "takenOverBy": "Tom",
            "transporterNumberPlate": "AB-123-CD"}


def reception():
    return {"receivedAt": "2026-03-02T08:00:00Z", "receivedBy": "Rita"}


def acceptance():
    return {"wasteAcceptationStatus": "ACCEPTED", "signedAt": "2026-03-02T09:00:00Z",
            "signedBy": "Rita", "quantityReceived": 1.5, "quantityRefused": 0}


def processing():
    return {"processingOperationDone": "R 1", "destinationOperationMode": "VALORISATION_ENERGETIQUE",
            "processedBy": "Rita", "processedAt": "2026-03-03T08:00:00Z"}


def temp_stored():
    return {"receivedBy": "Rita", "receivedAt": "2026-03-02T08:00:00Z", "quantityReceived": 1.5,
            "quantityType": "REAL"}


def temp_accepted():
    return {"wasteAcceptationStatus": "ACCEPTED", "signedAt": "2026-03-02T09:00:00Z",
            "signedBy": "Rita", "quantityReceived": 1.5, "quantityRefused": 0,
            "quantityType": "REAL"}


def storer_emission():
    return {"emittedAt": "2026-03-03T08:00:00Z", "emittedBy": "Rita", "quantity": 1.5}


def onward_transport():
    return {"takenOverAt": "2026-03-03T09:00:00Z", "takenOverBy": "Tom",
            "transporterNumberPlate": "EF-456-GH"}


def onward(world):
    return {"transporter": {"company": world.transporter.input(), "numberPlate": "EF-456-GH",
                            "mode": "ROAD"}}


def transporter_input(world, plate="AB-123-CD"):
    return {"company": world.transporter.input(), "numberPlate": plate, "mode": "ROAD"}


def paper(world):
    return {**world.content(), **paper_steps(world)}


def paper_steps(world):
    return {"signingInfo": {"sentAt": "2026-03-01T08:00:00Z", "sentBy": "Ana"},
            "receivedInfo": {"wasteAcceptationStatus": "ACCEPTED", "receivedBy": "Rita",
                             "receivedAt": "2026-03-02T08:00:00Z",
                             "signedAt": "2026-03-02T08:30:00Z", "quantityReceived": 1.5,
                             "quantityRefused": 0},
            "processedInfo": processing()}


SIGN_EMISSION = ("mutation($id: ID!, $i: SignEmissionFormInput!, $c: Int) "
                 "{ signEmissionForm(id: $id, input: $i, securityCode: $c) { id status } }")
SIGN_TRANSPORT = ("mutation($id: ID!, $i: SignTransportFormInput!, $c: Int) "
                  "{ signTransportForm(id: $id, input: $i, securityCode: $c) { id status } }")
RECEIVE = ("mutation($id: ID!, $i: ReceivedFormInput!) "
           "{ markAsReceived(id: $id, receivedInfo: $i) { id status } }")
ACCEPT = ("mutation($id: ID!, $i: AcceptedFormInput!) "
          "{ markAsAccepted(id: $id, acceptedInfo: $i) { id status } }")
PROCESS = ("mutation($id: ID!, $i: ProcessedFormInput!) "
           "{ markAsProcessed(id: $id, processedInfo: $i) { id status } }")
UPDATE = ("mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) "
          "{ id customId } }")
BY_ID = "query($id: ID!) { form(id: $id) { id readableId wasteDetails { name } } }"
TEMP_STORE = ("mutation($id: ID!, $i: TempStoredFormInput!) "
              "{ markAsTempStored(id: $id, tempStoredInfos: $i) { id status } }")
TEMP_ACCEPT = ("mutation($id: ID!, $i: TempStorerAcceptedFormInput!) "
               "{ markAsTempStorerAccepted(id: $id, tempStorerAcceptedInfo: $i) { id status } }")
CREATE = ("mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }")
RESEAL = ("mutation($id: ID!, $i: ResealedFormInput!) "
          "{ markAsResealed(id: $id, resealedInfos: $i) { id status } }")
IMPORT = ("mutation($i: ImportPaperFormInput!) { importPaperForm(input: $i) { id status } }")
SEGMENT = "{ id }"
EDIT_SEGMENT = ("mutation($t: ID!, $s: String!, $n: NextSegmentInfoInput!) "
                "{ editSegment(id: $t, siret: $s, nextSegmentInfo: $n) " + SEGMENT + " }")

# Outcome codes: "ok" for success; otherwise the expected extensions.code.
OK, NF, FB, UA, BUI = "ok", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "BAD_USER_INPUT"
OUTSIDERS = {"unrelated": NF, "anonymous": UA, "revoked": UA, "expired": UA}


def row(**cells):
    """A matrix row: the named relations' outcomes, outsiders by default."""
    return {**OUTSIDERS, **cells}


# (name, state to start from, document, variables builder, expected by relation)
OPERATIONS = [
    ("form(id) on a draft", "draft", BY_ID, lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=NF, driver=NF, recipient=NF, reader=NF, trader=NF)),
    ("form(id) on a sealed BSD", "sealed", BY_ID, lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK)),
    ("form(readableId)", "sealed",
     "query($r: String!) { form(readableId: $r) { id } }", lambda f: {"r": f["readableId"]},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK)),
    ("formHistory", "sealed",
     "query($id: ID!) { formHistory(id: $id) { type status } }", lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK)),
    ("form(id, asOf)", "sealed",
     "query($id: ID!) { form(id: $id, asOf: \"1000000\") { status } }",
     lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK)),
    ("updateForm on a draft", "draft", UPDATE,
     lambda f: {"i": {"id": f["id"], "customId": "changed"}},
     row(emitter=OK, transporter=NF, driver=NF, recipient=NF, reader=NF, trader=NF)),
    ("updateForm on a sealed BSD", "sealed", UPDATE,
     lambda f: {"i": {"id": f["id"], "customId": "changed"}},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK)),
    ("markAsSealed", "draft", "mutation($id: ID!) { markAsSealed(id: $id) { id } }",
     lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=NF, driver=NF, recipient=NF, reader=NF, trader=NF)),
    ("deleteForm on a sealed BSD", "sealed", "mutation($id: ID!) { deleteForm(id: $id) { id } }",
     lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK)),
    ("deleteForm after the emission", "signed",
     "mutation($id: ID!) { deleteForm(id: $id) { id } }", lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=FB, driver=FB, recipient=FB, reader=FB, trader=FB)),
    ("duplicateForm", "sealed", "mutation($id: ID!) { duplicateForm(id: $id) { id } }",
     lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK)),
    ("signEmissionForm", "sealed", SIGN_EMISSION, lambda f: {"id": f["id"], "i": emission()},
     row(emitter=OK, transporter=FB, driver=FB, recipient=FB, reader=FB, trader=FB)),
    ("signTransportForm", "signed", SIGN_TRANSPORT, lambda f: {"id": f["id"], "i": transport()},
     row(emitter=FB, transporter=OK, driver=OK, recipient=FB, reader=FB, trader=FB)),
    ("markAsReceived", "sent", RECEIVE, lambda f: {"id": f["id"], "i": reception()},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("markAsAccepted", "received", ACCEPT, lambda f: {"id": f["id"], "i": acceptance()},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("markAsProcessed", "accepted", PROCESS, lambda f: {"id": f["id"], "i": processing()},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("formPdf on a draft", "draft",
     "query($id: ID!) { formPdf(id: $id) { token } }", lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=NF, driver=NF, recipient=NF, reader=NF, trader=NF)),
    ("formPdf", "sealed", "query($id: ID!) { formPdf(id: $id) { token } }",
     lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK)),
    ("createPdfAccessToken in transit", "sent",
     "mutation($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }",
     lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK)),
    ("createPdfAccessToken before the pickup", "signed",
     "mutation($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }",
     lambda f: {"id": f["id"]},
     row(emitter="BAD_USER_INPUT", transporter="BAD_USER_INPUT", driver="BAD_USER_INPUT",
         recipient="BAD_USER_INPUT", reader="BAD_USER_INPUT", trader="BAD_USER_INPUT")),
    ("formHistoryBundle", "sealed", "query($id: ID!) { formHistoryBundle(id: $id) }",
     lambda f: {"id": f["id"]},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK)),
    # Lists and feeds: asked for the producer, so only its member may; anyone else is
    # refused for not being a member, never shown an empty list that would tell nothing.
    ("forms(siret)", "sealed", "query($s: String) { forms(siret: $s) { id } }",
     lambda f: {"s": WORLD.producer.siret},
     row(emitter=OK, transporter=FB, driver=FB, recipient=FB, reader=FB, trader=FB,
         unrelated=FB)),
    ("formsLifeCycle(siret)", "sealed",
     "query($s: String) { formsLifeCycle(siret: $s) { count } }",
     lambda f: {"s": WORLD.producer.siret},
     row(emitter=OK, transporter=FB, driver=FB, recipient=FB, reader=FB, trader=FB,
         unrelated=FB)),
    ("formEvents", "sealed", "query { formEvents(first: 1) { cursor } }", lambda f: {},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=OK, trader=OK,
         unrelated=OK)),
    ("wastesRegistryCsv", "sealed",
     "query($s: String!) { wastesRegistryCsv(registryType: ALL, sirets: [$s]) { token } }",
     lambda f: {"s": WORLD.producer.siret},
     row(emitter=OK, transporter=FB, driver=FB, recipient=FB, reader=FB, trader=FB,
         unrelated=FB)),
    ("wastesRegistryCsv of the recipient", "sealed",
     "query($s: String!) { wastesRegistryCsv(registryType: ALL, sirets: [$s]) { token } }",
     lambda f: {"s": WORLD.recipient.siret},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=OK, trader=FB,
         unrelated=FB)),
    # Making BSDs: a MEMBER or ADMIN of a company named on it.
    ("createForm", "none", CREATE, lambda f: {"i": WORLD.content()},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK,
         unrelated=FB)),
    ("importPaperForm on an existing sealed BSD", "sealed", IMPORT,
     lambda f: {"i": {**paper_steps(WORLD), "id": f["id"]}},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("importPaperForm", "none", IMPORT, lambda f: {"i": paper(WORLD)},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB,
         unrelated=FB)),
    # Temporary storage: every step is the storer's (the recipient).
    ("markAsTempStored", "ts_sent", TEMP_STORE, lambda f: {"id": f["id"], "i": temp_stored()},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("markAsTempStorerAccepted", "ts_stored", TEMP_ACCEPT,
     lambda f: {"id": f["id"], "i": temp_accepted()},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("markAsResealed", "ts_accepted", RESEAL, lambda f: {"id": f["id"], "i": onward(WORLD)},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("signEmissionForm by the temporary storer", "ts_resealed", SIGN_EMISSION,
     lambda f: {"id": f["id"], "i": storer_emission()},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    ("signTransportForm, onward", "ts_storer_signed", SIGN_TRANSPORT,
     lambda f: {"id": f["id"], "i": onward_transport()},
     row(emitter=FB, transporter=OK, driver=OK, recipient=FB, reader=FB, trader=FB)),
    ("markAsResent", "ts_accepted",
     "mutation($id: ID!, $i: ResentFormInput!) "
     "{ markAsResent(id: $id, resentInfos: $i) { id status } }",
     lambda f: {"id": f["id"], "i": {**onward(WORLD), "signedBy": "Rita",
                                     "signedAt": "2026-03-03T08:00:00Z"}},
     row(emitter=FB, transporter=FB, driver=FB, recipient=OK, reader=FB, trader=FB)),
    # Multimodal transport.
    ("createFormTransporter", "none",
     "mutation($i: TransporterInput!) { createFormTransporter(input: $i) { id } }",
     lambda f: {"i": transporter_input(WORLD)},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK,
         unrelated=OK)),
    ("updateFormTransporter, standalone", "standalone",
     "mutation($t: ID!, $i: TransporterInput!) "
     "{ updateFormTransporter(id: $t, input: $i) { id } }",
     lambda f: {"t": f["transporterId"], "i": transporter_input(WORLD, "ZZ-999-ZZ")},
     row(emitter=NF, transporter=OK, driver=NF, recipient=NF, reader=NF, trader=NF)),
    ("deleteFormTransporter, standalone", "standalone",
     "mutation($t: ID!) { deleteFormTransporter(id: $t) }",
     lambda f: {"t": f["transporterId"]},
     row(emitter=NF, transporter=OK, driver=NF, recipient=NF, reader=NF, trader=NF)),
    ("updateFormTransporter on a BSD: the plates", "sealed_transporter",
     "mutation($t: ID!, $i: TransporterInput!) "
     "{ updateFormTransporter(id: $t, input: $i) { id } }",
     lambda f: {"t": f["transporterId"], "i": transporter_input(WORLD, "ZZ-999-ZZ")},
     row(emitter=OK, transporter=OK, driver=OK, recipient=OK, reader=FB, trader=OK)),
    ("updateFormTransporter on a BSD: another company", "sealed_transporter",
     "mutation($t: ID!, $i: TransporterInput!) "
     "{ updateFormTransporter(id: $t, input: $i) { id } }",
     lambda f: {"t": f["transporterId"],
                "i": {**transporter_input(WORLD), "company": WORLD.trader.input()}},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK)),
    ("updateForm(transporters) keeping its transporter", "sealed_transporter", UPDATE,
     lambda f: {"i": {"id": f["id"], "transporters": [f["transporterId"]]}},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK)),
    ("createForm with another BSD's transporter", "sealed_transporter", CREATE,
     lambda f: {"i": {**WORLD.content(), "transporters": [f["transporterId"]]}},
     row(emitter=BUI, transporter=BUI, driver=BUI, recipient=BUI, reader=BUI, trader=BUI,
         unrelated=BUI)),
    ("deleteFormTransporter on a BSD", "sealed_transporter",
     "mutation($t: ID!) { deleteFormTransporter(id: $t) }",
     lambda f: {"t": f["transporterId"]},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK)),
    ("prepareSegment (deprecated)", "sent",
     "mutation($id: ID!, $s: String!, $n: NextSegmentInfoInput!) "
     "{ prepareSegment(id: $id, siret: $s, nextSegmentInfo: $n) " + SEGMENT + " }",
     lambda f: {"id": f["id"], "s": WORLD.transporter.siret,
                "n": {"transporter": transporter_input(WORLD, "NX-1"), "mode": "ROAD"}},
     row(emitter=FB, transporter=OK, driver=FB, recipient=FB, reader=FB, trader=FB)),
    ("editSegment (deprecated): the plates", "sent_segment", EDIT_SEGMENT,
     lambda f: {"t": f["transporterId"], "s": WORLD.transporter.siret,
                "n": {"transporter": {"numberPlate": "NX-2"}, "mode": "ROAD"}},
     row(emitter=FB, transporter=OK, driver=OK, recipient=FB, reader=FB, trader=FB)),
    ("editSegment (deprecated) as a company off the BSD", "sent_segment", EDIT_SEGMENT,
     lambda f: {"t": f["transporterId"], "s": WORLD.producer.siret,
                "n": {"transporter": {"numberPlate": "NX-2"}, "mode": "ROAD"}},
     row(emitter=FB, transporter=FB, driver=FB, recipient=FB, reader=FB, trader=FB)),
    ("markSegmentAsReadyToTakeOver (deprecated)", "sent_segment",
     "mutation($t: ID!) { markSegmentAsReadyToTakeOver(id: $t) " + SEGMENT + " }",
     lambda f: {"t": f["transporterId"]},
     row(emitter=OK, transporter=OK, driver=FB, recipient=OK, reader=FB, trader=OK)),
    ("takeOverSegment (deprecated)", "sent_segment_ready",
     "mutation($t: ID!, $i: TakeOverInput!) "
     "{ takeOverSegment(id: $t, takeOverInfo: $i) " + SEGMENT + " }",
     lambda f: {"t": f["transporterId"],
                "i": {"takenOverAt": "2026-03-01T09:00:00Z", "takenOverBy": "Tom"}},
     row(emitter=FB, transporter=OK, driver=OK, recipient=FB, reader=FB, trader=FB)),
]


# The module's world, for the variables of the rows above (set by the fixture).
WORLD = None


@pytest.fixture(scope="module")
def world(ledger_binary, tmp_path_factory):
    global WORLD
    built = WORLD = World(ledger_binary, tmp_path_factory.mktemp("bsdd-matrix"))
    yield built
    built.server.stop()


def outcome(status, body):
    if status == 200 and not body.get("errors"):
        return OK
    found = codes(body)
    assert len(found) == 1, body
    return found[0]


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("name,state,document,variables,expected", OPERATIONS,
                         ids=[operation[0] for operation in OPERATIONS])
def test_each_operation_as_each_relation(world, name, state, document, variables, expected,
                                         relation):
    form = getattr(world, state)()
    status, body = post(world.url, document, variables(form), token=world.token(relation))
    assert outcome(status, body) == expected[relation], body
    if relation in ("revoked", "expired"):
        assert status == 401
    message = json.dumps(body.get("errors", []), ensure_ascii=False)
    assert WASTE_NAME not in message and world.producer.name not in message
    if relation in OUTSIDERS:
        sent = json.dumps(variables(form), ensure_ascii=False)
        for secret in world.secrets(form):
            assert secret in sent or secret not in message, (secret, body)


def test_the_leak_check_sees_every_secret_of_a_bsd(world):
    """The check above looks for the BSD's ids, custom id and its companies' SIRETs."""
    form = world.sealed_transporter()
    secrets = world.secrets(form)
    assert {form["id"], form["readableId"], CUSTOM_ID, world.producer.siret,
            world.transporter.siret, world.recipient.siret, world.trader.siret} <= secrets


def test_not_found_answers_are_the_same_for_an_outsider_and_a_missing_bsd(world):
    form = world.sealed()
    hidden = world.una.ask(BY_ID, {"id": form["id"]})[1]["errors"]
    missing = world.una.ask(BY_ID, {"id": "no-such-bsd"})[1]["errors"]
    assert hidden[0]["message"].replace(form["id"], "X") == \
        missing[0]["message"].replace("no-such-bsd", "X")
    by_readable = world.una.ask("query($r: String!) { form(readableId: $r) { id } }",
                                {"r": form["readableId"]})[1]
    assert codes(by_readable) == [NF]
    # Mutations on a guessed id say the same.
    signed = world.una.ask(SIGN_EMISSION, {"id": form["id"], "i": emission()})[1]
    assert codes(signed) == [NF]


TRANSPORTER_OPERATIONS = [
    ("mutation($t: ID!, $i: TransporterInput!) { updateFormTransporter(id: $t, input: $i) "
     "{ id } }", lambda t: {"t": t, "i": {"numberPlate": "ZZ-1"}}),
    ("mutation($t: ID!) { deleteFormTransporter(id: $t) }", lambda t: {"t": t}),
    ("mutation($t: ID!, $s: String!, $n: NextSegmentInfoInput!) "
     "{ editSegment(id: $t, siret: $s, nextSegmentInfo: $n) { id } }",
     lambda t: {"t": t, "s": WORLD.elsewhere.siret,
                "n": {"transporter": {"numberPlate": "NX-2"}, "mode": "ROAD"}}),
    ("mutation($t: ID!) { markSegmentAsReadyToTakeOver(id: $t) { id } }", lambda t: {"t": t}),
    ("mutation($t: ID!, $i: TakeOverInput!) { takeOverSegment(id: $t, takeOverInfo: $i) "
     "{ id } }",
     lambda t: {"t": t, "i": {"takenOverAt": "2026-03-01T09:00:00Z", "takenOverBy": "Una"}}),
]


def same_answer(hidden, hidden_id, missing, missing_id, code=NF):
    """Both answers are one `code` error whose messages and issues differ only by the id."""
    assert codes(hidden) == [code] and codes(missing) == [code], (hidden, missing)

    def seen(answer, sent):
        return json.dumps(answer["errors"][0].get("extensions"), sort_keys=True) + \
            answer["errors"][0]["message"].replace(sent, "X")
    assert seen(hidden, hidden_id) == seen(missing, missing_id)


@pytest.mark.parametrize("document,variables", TRANSPORTER_OPERATIONS,
                         ids=["updateFormTransporter", "deleteFormTransporter", "editSegment",
                              "markSegmentAsReadyToTakeOver", "takeOverSegment"])
@pytest.mark.parametrize("state", ["sealed_transporter", "sent_segment"])
def test_a_transporter_on_a_hidden_bsd_answers_as_a_missing_one(world, state, document,
                                                                 variables):
    form = getattr(world, state)()
    hidden_id = form["transporterId"]
    hidden = world.una.ask(document, variables(hidden_id))[1]
    missing = world.una.ask(document, variables("no-such-transporter"))[1]
    same_answer(hidden, hidden_id, missing, "no-such-transporter")
    message = hidden["errors"][0]["message"].replace(hidden_id, "X")
    for secret in world.secrets(form):
        assert secret not in message, (secret, message)


def outsider_draft(world, **more):
    """A draft of the unrelated company's own, naming only it."""
    content = {"emitter": {"type": "PRODUCER", "company": world.elsewhere.input()}, **more}
    return world.una.ask(CREATE, {"i": content})[1]


def test_a_hidden_transporter_in_transporters_answers_as_a_missing_one(world):
    attached = world.sealed_transporter()["transporterId"]
    standalone = world.standalone()["transporterId"]
    missing = outsider_draft(world, transporters=["no-such-transporter"])
    for hidden_id in (attached, standalone):
        same_answer(outsider_draft(world, transporters=[hidden_id]), hidden_id, missing,
                    "no-such-transporter", code=BUI)
    own = data((200, outsider_draft(world)))["createForm"]["id"]
    missing = world.una.ask(UPDATE, {"i": {"id": own, "transporters": ["no-such-transporter"]}})
    for hidden_id in (attached, standalone):
        hidden = world.una.ask(UPDATE, {"i": {"id": own, "transporters": [hidden_id]}})
        same_answer(hidden[1], hidden_id, missing[1], "no-such-transporter", code=BUI)
    issues = missing[1]["errors"][0]["extensions"]["issues"]
    assert issues == [{"path": "transporters.0", "code": "NOT_FOUND"}]


def test_a_transporter_of_a_bsd_one_sees_is_refused_as_already_used(world):
    attached = world.sealed_transporter()["transporterId"]
    content = {**world.content(), "transporters": [attached]}
    status, body = world.ana.ask(CREATE, {"i": content})
    assert codes(body) == ["BAD_USER_INPUT"], body
    paths = [issue for error in body["errors"]
             for issue in error["extensions"].get("issues", [])]
    assert "TRANSPORTER_ALREADY_USED" in json.dumps(paths)


def test_lists_and_status_logs_never_show_another_companys_bsd(world):
    form = world.accepted()
    for person, company in ((world.una, world.elsewhere),):
        listed = person.must("query($s: String) { forms(siret: $s) { id } }",
                             {"s": company.siret})["forms"]
        assert form["id"] not in [item["id"] for item in listed]
        logs = person.must("query($s: String) { formsLifeCycle(siret: $s) { statusLogs "
                           "{ form { id } } } }", {"s": company.siret})["formsLifeCycle"]
        assert form["id"] not in [log["form"]["id"] for log in logs["statusLogs"]]
        filtered = person.ask("query($s: String, $f: ID) { formsLifeCycle(siret: $s, formId: $f) "
                              "{ count } }", {"s": company.siret, "f": form["id"]})
        assert outcome(*filtered) == OK and filtered[1]["data"]["formsLifeCycle"]["count"] == 0
        assert form["id"] not in [event["formId"] for event in all_events(person)]
        # Asking for the producer's list is refused outright.
        other = person.ask("query($s: String) { forms(siret: $s) { id } }",
                           {"s": world.producer.siret})
        assert outcome(*other) == FB
        other_logs = person.ask("query($s: String) { formsLifeCycle(siret: $s) { count } }",
                                {"s": world.producer.siret})
        assert outcome(*other_logs) == FB
    # The companies on the BSD do see it, with its status changes.
    for person, company in ((world.ana, world.producer), (world.tom, world.transporter),
                            (world.rea, world.recipient), (world.tara, world.trader)):
        listed = person.must("query($s: String) { forms(siret: $s, first: 100) { id } }",
                             {"s": company.siret})["forms"]
        assert form["id"] in [item["id"] for item in listed]
        mine = [event["type"] for event in all_events(person) if event["formId"] == form["id"]]
        assert mine[0] == "FormCreated" and mine[-1] == "FormAccepted"


def test_list_filters_never_find_another_companys_bsd(world):
    """The filters naming a company, custom id or waste code of a BSD one cannot see find
    nothing; the same filters find it for a company on it."""
    form = world.accepted()
    query = ("query($s: String, $p: String, $c: String, $w: String) { forms(siret: $s,"
             " siretPresentOnForm: $p, customId: $c, wasteCode: $w, first: 100) { id } }")
    filters = [{"p": world.producer.siret}, {"p": world.recipient.siret}, {"c": CUSTOM_ID},
               {"w": "16 01 07*"}, {"p": world.trader.siret, "c": CUSTOM_ID}]
    for chosen in filters:
        outside = world.una.must(query, {"s": world.elsewhere.siret, **chosen})["forms"]
        assert outside == [], chosen
        unnamed = world.una.must(query, chosen)["forms"]
        assert form["id"] not in [item["id"] for item in unnamed], chosen
        inside = world.rita.must(query, {"s": world.recipient.siret, **chosen})["forms"]
        assert form["id"] in [item["id"] for item in inside], chosen


def all_events(person):
    """Every event of the change feed the person may see, page by page from the start."""
    events, after = [], 0
    while True:
        page = person.must("query($a: Int) { formEvents(after: $a, first: 500) { events "
                           "{ formId type position } cursor isAtHead } }", {"a": after})
        page = page["formEvents"]
        events += page["events"]
        positions = [event["position"] for event in page["events"]]
        assert positions == sorted(positions) and all(p > after for p in positions)
        after = page["cursor"]
        if page["isAtHead"]:
            return events


def test_a_draft_is_listed_only_for_its_authors_company(world):
    form = world.draft()
    for person, company, visible in ((world.ana, world.producer, True),
                                     (world.tom, world.transporter, False),
                                     (world.rita, world.recipient, False)):
        listed = person.must("query($s: String) { forms(siret: $s, first: 100) { id } }",
                             {"s": company.siret})["forms"]
        assert (form["id"] in [item["id"] for item in listed]) == visible


def test_a_draft_is_read_by_each_of_its_authors_companies_named_on_it(world):
    """Mia runs a producer and a transport company: her draft naming both is read by both,
    and once she names another producer, by her transport company alone."""
    mia = Person(world.url, "mia@two-hats.example", "Mia")
    mine = Company(mia, 111, "Production Mia", ["PRODUCER"])
    trucks = Company(mia, 112, "Camions Mia", ["TRANSPORTER"])
    pia = mine.add(world.url, "pia@two-hats.example", "Pia", "MEMBER")
    tim = trucks.add(world.url, "tim@two-hats.example", "Tim", "MEMBER")
    content = {"emitter": {"type": "PRODUCER", "company": mine.input()},
               "recipient": {"company": world.recipient.input()},
               "transporter": {"company": trucks.input(), "numberPlate": "MI-111-AA"}}
    form = mia.must(CREATE, {"i": content})["createForm"]

    def readers():
        return {person.email for person in (pia, tim, world.rita, world.ana)
                if not person.ask(BY_ID, {"id": form["id"]})[1].get("errors")}
    assert readers() == {pia.email, tim.email}
    moved = {"id": form["id"], "emitter": {"type": "PRODUCER", "company": world.producer.input()}}
    assert outcome(*mia.ask(UPDATE, {"i": moved})) == OK
    assert readers() == {tim.email}
    listed = tim.must("query($s: String) { forms(siret: $s) { id } }", {"s": trucks.siret})
    assert form["id"] in [item["id"] for item in listed["forms"]]
    hidden = pia.ask(BY_ID, {"id": form["id"]})[1]
    assert codes(hidden) == [NF]
    # Another member's change keeps the author's companies as the measure.
    assert outcome(*tim.ask(UPDATE, {"i": {"id": form["id"], "customId": "tim"}})) == OK
    assert readers() == {tim.email}


def test_the_emitters_security_code_lets_the_transporter_sign_for_it(world):
    form = world.sealed()
    wrong = world.tom.ask(SIGN_EMISSION, {"id": form["id"], "i": emission(),
                                          "c": world.producer.security_code % 9000 + 1000
                                          if world.producer.security_code != 9999 else 1000})
    assert outcome(*wrong) == FB
    right = world.tom.ask(SIGN_EMISSION, {"id": form["id"], "i": emission(),
                                          "c": world.producer.security_code})
    assert outcome(*right) == OK
    assert right[1]["data"]["signEmissionForm"]["status"] == "SIGNED_BY_PRODUCER"


def test_a_reader_or_driver_of_the_emitter_cannot_sign_with_its_code(world):
    world.producer.admin.must("mutation($e: String!, $s: String!, $r: UserRole!) "
                              "{ inviteUserToCompany(email: $e, siret: $s, role: $r) { id } }",
                              {"e": "rob@producer.example", "s": world.producer.siret,
                               "r": "READER"})
    rob = Person(world.url, "rob@producer.example", "Rob")
    form = world.sealed()
    # The code is shown to every member, the reader included ...
    shown = rob.must("query { myCompanies { siret securityCode } }")["myCompanies"]
    assert [company["securityCode"] for company in shown] == [str(world.producer.security_code)]
    # ... but signing follows the reader's role, code or not.
    signed = rob.ask(SIGN_EMISSION, {"id": form["id"], "i": emission(),
                                     "c": world.producer.security_code})
    assert outcome(*signed) == FB
    status = world.ana.must("query($id: ID!) { form(id: $id) { status } }", {"id": form["id"]})
    assert status["form"]["status"] == "SEALED"


def test_three_wrong_security_codes_lock_the_pair_out(world):
    form = world.sealed()
    code = world.producer.security_code
    wrong = 1000 if code != 1000 else 1001
    for _ in range(3):
        assert outcome(*world.tom.ask(SIGN_EMISSION, {"id": form["id"], "i": emission(),
                                                       "c": wrong})) == FB
    locked = world.tom.ask(SIGN_EMISSION, {"id": form["id"], "i": emission(), "c": code})
    assert outcome(*locked) == "TOO_MANY_REQUESTS"
    # The lockout is per user and company: the emitter's own member still signs.
    assert outcome(*world.ana.ask(SIGN_EMISSION, {"id": form["id"], "i": emission()})) == OK


def test_a_concurrent_change_is_a_conflict_never_a_lost_update(world):
    """Updates released together from one barrier: each success is one recorded update, the
    others are CONFLICT, and the BSD holds a winner's value. Rounds repeat until one of them
    has had a conflict, which only the expected-version check can give."""
    import threading
    form = world.sealed()

    def updates_recorded():
        history = world.ana.must("query($id: ID!) { formHistory(id: $id) { type } }",
                                 {"id": form["id"]})["formHistory"]
        return sum(1 for event in history if event["type"] == "FormUpdated")

    conflicts = 0
    for attempt in range(5):
        results = {}
        people = [world.ana, world.rita] * 4
        barrier = threading.Barrier(len(people))

        def update(person, value):
            barrier.wait()
            results[value] = person.ask(UPDATE, {"i": {"id": form["id"], "customId": value}})

        before = updates_recorded()
        threads = [threading.Thread(target=update, args=(person, f"r{attempt}v{index}"))
                   for index, person in enumerate(people)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        outcomes = {value: outcome(*result) for value, result in results.items()}
        assert set(outcomes.values()) <= {OK, "CONFLICT"} and OK in outcomes.values()
        winners = [value for value, result in outcomes.items() if result == OK]
        assert updates_recorded() - before == len(winners)
        final = world.ana.must("query($id: ID!) { form(id: $id) { customId } }",
                               {"id": form["id"]})
        assert final["form"]["customId"] in winners
        conflicts += len(outcomes) - len(winners)
        if conflicts:
            break
    assert conflicts > 0, "eight updates released together never conflicted"
