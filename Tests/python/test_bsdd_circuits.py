"""Every BSDD circuit, end to end, driven the way an integrator following Trackdéchets'
developer documentation drives it: the PyPI `gql` client, one client per actor with its own
personal access token, documents validated client-side against our introspected schema,
inputs shaped like the documentation's (local date-times without an offset, plain dates,
single values where a list is expected). Each circuit runs to its final status and is
checked with `form(id)` (status, key fields, quantities in tonnes) and `formsLifeCycle`
(the sequence of statuses).
"""
import pytest
from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.requests import RequestsHTTPTransport

from bsdd_world import Company, Person, Server

FORM_FIELDS = """
fragment FormFields on Form {
  id readableId customId status isImportedFromPaper
  emitter { type company { siret name } }
  recipient { processingOperation cap isTempStorage company { siret } }
  transporter { company { siret vatNumber } receipt department numberPlate mode }
  transporters {
    id company { orgId siret vatNumber country } receipt department numberPlate mode customInfo
    takenOverAt takenOverBy
  }
  currentTransporterSiret nextTransporterSiret
  wasteDetails { code name quantity quantityType onuCode isSubjectToADR consistence
                 packagingInfos { type quantity } }
  emittedAt emittedBy takenOverAt takenOverBy sentAt sentBy signedByTransporter
  receivedAt receivedBy signedAt signedBy wasteAcceptationStatus wasteRefusalReason
  quantityReceived quantityAccepted quantityRefused
  processingOperationDone destinationOperationMode processedAt processedBy
  nextDestination { processingOperation company { siret } }
  quantityGrouped
  grouping { quantity form { id readableId status } }
  appendix2Forms { id status quantityReceived }
  groupedIn { quantity form { id status } }
  temporaryStorageDetail {
    temporaryStorer { quantityType quantityReceived quantityAccepted wasteAcceptationStatus
                      receivedAt receivedBy signedAt }
    destination { cap processingOperation company { siret } }
    wasteDetails { quantity packagingInfos { type quantity } }
    transporter { company { siret } numberPlate takenOverAt takenOverBy }
    emittedAt emittedBy takenOverAt takenOverBy signedAt signedBy
  }
  transportSegments { id readyToTakeOver takenOverBy mode }
}
"""


def form_operation(text):
    """A document returning the whole `Form`, parsed once (validated at execution)."""
    return gql(text + FORM_FIELDS)


FORM = form_operation("query Form($id: ID!) { form(id: $id) { ...FormFields } }")
CREATE = form_operation("""mutation CreateForm($createFormInput: CreateFormInput!) {
  createForm(createFormInput: $createFormInput) { ...FormFields } }""")
UPDATE = form_operation("""mutation UpdateForm($updateFormInput: UpdateFormInput!) {
  updateForm(updateFormInput: $updateFormInput) { ...FormFields } }""")
SEAL = form_operation("mutation MarkAsSealed($id: ID!) { markAsSealed(id: $id) { ...FormFields } }")
SIGN_EMISSION = form_operation("""
mutation SignEmissionForm($id: ID!, $input: SignEmissionFormInput!, $securityCode: Int) {
  signEmissionForm(id: $id, input: $input, securityCode: $securityCode) { ...FormFields } }""")
SIGN_TRANSPORT = form_operation("""
mutation SignTransportForm($id: ID!, $input: SignTransportFormInput!, $securityCode: Int) {
  signTransportForm(id: $id, input: $input, securityCode: $securityCode) { ...FormFields } }""")
RECEIVE = form_operation("""mutation MarkAsReceived($id: ID!, $receivedInfo: ReceivedFormInput!) {
  markAsReceived(id: $id, receivedInfo: $receivedInfo) { ...FormFields } }""")
ACCEPT = form_operation("""mutation MarkAsAccepted($id: ID!, $acceptedInfo: AcceptedFormInput!) {
  markAsAccepted(id: $id, acceptedInfo: $acceptedInfo) { ...FormFields } }""")
PROCESS = form_operation("""
mutation MarkAsProcessed($id: ID!, $processedInfo: ProcessedFormInput!) {
  markAsProcessed(id: $id, processedInfo: $processedInfo) { ...FormFields } }""")
TEMP_STORE = form_operation("""
mutation MarkAsTempStored($id: ID!, $tempStoredInfos: TempStoredFormInput!) {
  markAsTempStored(id: $id, tempStoredInfos: $tempStoredInfos) { ...FormFields } }""")
TEMP_ACCEPT = form_operation("""
mutation MarkAsTempStorerAccepted($id: ID!, $tempStorerAcceptedInfo: TempStorerAcceptedFormInput!) {
  markAsTempStorerAccepted(id: $id, tempStorerAcceptedInfo: $tempStorerAcceptedInfo) {
    ...FormFields } }""")
RESEAL = form_operation("""
mutation MarkAsResealed($id: ID!, $resealedInfos: ResealedFormInput!) {
  markAsResealed(id: $id, resealedInfos: $resealedInfos) { ...FormFields } }""")
RESEND = form_operation("""mutation MarkAsResent($id: ID!, $resentInfos: ResentFormInput!) {
  markAsResent(id: $id, resentInfos: $resentInfos) { ...FormFields } }""")
IMPORT_PAPER = form_operation("""mutation ImportPaperForm($input: ImportPaperFormInput!) {
  importPaperForm(input: $input) { ...FormFields } }""")

TRANSPORTER_FIELDS = "id company { siret orgId } numberPlate mode customInfo takenOverAt"
CREATE_TRANSPORTER = gql(f"""mutation CreateFormTransporter($input: TransporterInput!) {{
  createFormTransporter(input: $input) {{ {TRANSPORTER_FIELDS} }} }}""")
UPDATE_TRANSPORTER = gql(f"""
mutation UpdateFormTransporter($id: ID!, $input: TransporterInput!) {{
  updateFormTransporter(id: $id, input: $input) {{ {TRANSPORTER_FIELDS} }} }}""")
DELETE_TRANSPORTER = gql("""mutation DeleteFormTransporter($id: ID!) {
  deleteFormTransporter(id: $id) }""")

SEGMENT_FIELDS = """id readyToTakeOver mode segmentNumber previousTransporterCompanySiret
  takenOverAt takenOverBy transporter { company { siret } customInfo }"""
PREPARE_SEGMENT = gql(f"""
mutation PrepareSegment($id: ID!, $siret: String!, $nextSegmentInfo: NextSegmentInfoInput!) {{
  prepareSegment(id: $id, siret: $siret, nextSegmentInfo: $nextSegmentInfo) {{
    {SEGMENT_FIELDS} }} }}""")
EDIT_SEGMENT = gql(f"""
mutation EditSegment($id: ID!, $siret: String!, $nextSegmentInfo: NextSegmentInfoInput!) {{
  editSegment(id: $id, siret: $siret, nextSegmentInfo: $nextSegmentInfo) {{
    {SEGMENT_FIELDS} }} }}""")
READY_SEGMENT = gql(f"""mutation MarkSegmentAsReadyToTakeOver($id: ID!) {{
  markSegmentAsReadyToTakeOver(id: $id) {{ {SEGMENT_FIELDS} }} }}""")
TAKE_OVER_SEGMENT = gql(f"""mutation TakeOverSegment($id: ID!, $takeOverInfo: TakeOverInput!) {{
  takeOverSegment(id: $id, takeOverInfo: $takeOverInfo) {{ {SEGMENT_FIELDS} }} }}""")

LIFECYCLE = gql("""query FormsLifeCycle($siret: String, $formId: ID) {
  formsLifeCycle(siret: $siret, formId: $formId) {
    count hasNextPage statusLogs { status loggedAt form { id readableId } user { id } }
  } }""")


class Actor:
    """One person acting for one company, through its own `gql` client and access token."""

    def __init__(self, url, person, company):
        self.person = person
        self.company = company
        transport = RequestsHTTPTransport(
            url=url, headers={"Authorization": f"Bearer {person.token}"}, timeout=30)
        self.client = Client(transport=transport, fetch_schema_from_transport=True)
        self.session = self.client.connect_sync()

    @property
    def siret(self):
        return self.company.siret

    def run(self, document, **variables):
        """The data of a successful operation; any error fails the test with its details."""
        return self.session.execute(document, variable_values=variables)

    def refused(self, document, **variables):
        """The errors of an operation that must fail on the server."""
        with pytest.raises(TransportQueryError) as caught:
            self.session.execute(document, variable_values=variables)
        return caught.value.errors

    def form(self, form_id):
        return self.run(FORM, id=form_id)["form"]

    def statuses(self, form_id):
        """The statuses of the BSD's status log as this actor's company sees it, oldest
        first, with repeats of the same status (a later transporter signing) folded."""
        page = self.run(LIFECYCLE, siret=self.company.org_id, formId=form_id)["formsLifeCycle"]
        assert page["count"] == len(page["statusLogs"])
        logs = page["statusLogs"]
        assert [log["loggedAt"] for log in logs] == sorted(
            (log["loggedAt"] for log in logs), reverse=True), "newest first"
        assert {log["form"]["id"] for log in logs} <= {form_id}
        folded = []
        for log in reversed(logs):
            if not folded or folded[-1] != log["status"]:
                folded.append(log["status"])
        return folded

    def close(self):
        self.client.close_sync()


class World:
    """The companies of every circuit, each with one person holding an access token."""

    def __init__(self, binary, folder):
        self.server = Server(binary, folder)
        url = self.server.url

        def actor(email, name, number, company_name, types, receipt=False, vat_number=None):
            person = Person(url, email, name)
            company = Company(person, number, company_name, types, vat_number=vat_number)
            if receipt:
                company.receipt()
            return Actor(url, person, company)

        self.producer = actor("ana@chimie.example", "Ana", 301, "Chimie du Rhône", ["PRODUCER"])
        self.carrier = actor("tom@routes.example", "Tom", 302, "Transports Alpes",
                             ["TRANSPORTER"], receipt=True)
        self.rail = actor("tess@rail.example", "Tess", 303, "Fret Ferroviaire", ["TRANSPORTER"],
                          receipt=True)
        self.barge = actor("theo@saone.example", "Théo", 304, "Batellerie Saône",
                           ["TRANSPORTER"], receipt=True)
        self.storer = actor("sam@transit.example", "Sam", 305, "Transit et Regroupement",
                            ["COLLECTOR", "TRANSPORTER"], receipt=True)
        self.plant = actor("rita@incineration.example", "Rita", 306, "Incinérateur Est",
                           ["WASTEPROCESSOR"])
        self.foreign = actor("fritz@bruxelles.example", "Fritz", 307, "Transports Bruxelles",
                             ["TRANSPORTER"], vat_number="BE0541696005")
        self.actors = [self.producer, self.carrier, self.rail, self.barge, self.storer,
                       self.plant, self.foreign]

    def close(self):
        for actor in self.actors:
            actor.close()
        self.server.stop()


@pytest.fixture(scope="module")
def world(ledger_binary, tmp_path_factory):
    built = World(ledger_binary, tmp_path_factory.mktemp("bsdd-circuits"))
    yield built
    built.close()


# Inputs shaped like the documentation's: local date-times without an offset, plain dates,
# `consistence` given as a single value.

def waste(quantity=1.0, **changes):
    return {"code": "06 05 02*", "name": "Boues d'hydrocarbures", "pop": False,
            "isSubjectToADR": True, "onuCode": "UN 3082, 9, III (E)",
            "packagingInfos": [{"type": "CITERNE", "quantity": 1}], "quantity": quantity,
            "quantityType": "ESTIMATED", "consistence": "LIQUID", **changes}


def emitter(actor, kind="PRODUCER"):
    return {"type": kind, "company": actor.company.input(),
            "workSite": {"name": "Atelier 3", "address": "5 rue du Chantier",
                         "postalCode": "69007", "city": "Lyon"}}


def recipient(actor, operation="D 10", **changes):
    return {"company": actor.company.input(), "processingOperation": operation,
            "cap": "CAP-2026-0042", **changes}


def road(actor, plate="AB-123-CD"):
    return {"company": actor.company.input(), "numberPlate": plate, "mode": "ROAD"}


def emission(quantity=1.0, by="Ana Martin", packagings=True):
    signed = {"emittedAt": "2026-11-02T08:30:00", "emittedBy": by, "quantity": quantity,
              "onuCode": "UN 3082, 9, III (E)"}
    if packagings:
        signed["packagingInfos"] = [{"type": "CITERNE", "quantity": 1}]
    return signed


def take_over(by="Tom Girard", plate="AB-123-CD", mode="ROAD"):
    signed = {"takenOverAt": "2026-11-02T09:00:00", "takenOverBy": by,
              "transporterTransportMode": mode}
    if plate:
        signed["transporterNumberPlate"] = plate
    return signed


def reception(quantity=None, status=None, refused=None, reason=None):
    """A reception; with `status`, the acceptance is signed in the same call."""
    received = {"receivedBy": "Rita Perrin", "receivedAt": "2026-11-03T10:15:00"}
    if status:
        received.update({"wasteAcceptationStatus": status, "signedAt": "2026-11-03T10:30:00",
                         "quantityReceived": quantity, "quantityRefused": refused or 0})
        if reason:
            received["wasteRefusalReason"] = reason
    return received


def acceptance(quantity, status="ACCEPTED", refused=0, reason=None):
    accepted = {"wasteAcceptationStatus": status, "signedAt": "2026-11-03T11:00:00",
                "signedBy": "Rita Perrin", "quantityReceived": quantity,
                "quantityRefused": refused}
    if reason:
        accepted["wasteRefusalReason"] = reason
    return accepted


def incineration(day="2026-11-05"):
    return {"processingOperationDone": "D 10", "destinationOperationMode": "ELIMINATION",
            "processingOperationDescription": "Incinération", "processedBy": "Rita Perrin",
            "processedAt": day}


def energy_recovery():
    return {"processingOperationDone": "R 1", "destinationOperationMode":
            "VALORISATION_ENERGETIQUE", "processedBy": "Rita Perrin", "processedAt": "2026-11-06"}


def grouping_done(next_destination):
    return {"processingOperationDone": "R 13", "processingOperationDescription": "Regroupement",
            "processedBy": "Sam Roux", "processedAt": "2026-11-04",
            "nextDestination": {"processingOperation": "R 1",
                                "company": next_destination.company.input()}}


def direct_form(world, quantity=1.0, **changes):
    """The content of a BSD from the producer straight to the incinerator, by road."""
    return {"customId": "ERP-4711", "emitter": emitter(world.producer),
            "recipient": recipient(world.plant), "transporter": road(world.carrier),
            "wasteDetails": waste(quantity), **changes}


def create(actor, content):
    created = actor.run(CREATE, createFormInput=content)["createForm"]
    assert created["status"] == "DRAFT"
    return created


def sent(world, content, quantity=1.0, transporter=None):
    """A BSD created, sealed, signed by the producer and taken over by its transporter."""
    transporter = transporter or world.carrier
    form = create(world.producer, content)
    assert world.producer.run(SEAL, id=form["id"])["markAsSealed"]["status"] == "SEALED"
    signed = world.producer.run(SIGN_EMISSION, id=form["id"], input=emission(quantity))
    assert signed["signEmissionForm"]["status"] == "SIGNED_BY_PRODUCER"
    taken = transporter.run(SIGN_TRANSPORT, id=form["id"], input=take_over())
    assert taken["signTransportForm"]["status"] == "SENT"
    return taken["signTransportForm"]


def code_of(errors):
    assert len(errors) == 1, errors
    return errors[0].get("extensions", {}).get("code")


# 1. Direct route.

def test_direct_route_runs_from_draft_to_processed(world):
    producer, carrier, plant = world.producer, world.carrier, world.plant
    form = create(producer, direct_form(world))
    assert form["readableId"] and form["customId"] == "ERP-4711"
    assert form["wasteDetails"]["consistence"] == ["LIQUID"]
    assert form["transporter"]["company"]["siret"] == carrier.siret
    form_id = form["id"]

    assert producer.run(SEAL, id=form_id)["markAsSealed"]["status"] == "SEALED"
    signed = producer.run(SIGN_EMISSION, id=form_id, input=emission(1.2))["signEmissionForm"]
    assert signed["status"] == "SIGNED_BY_PRODUCER"
    assert signed["emittedBy"] == "Ana Martin" and signed["emittedAt"].startswith("2026-11-02")
    assert signed["wasteDetails"]["quantity"] == pytest.approx(1.2)

    taken = carrier.run(SIGN_TRANSPORT, id=form_id, input=take_over())["signTransportForm"]
    assert taken["status"] == "SENT"
    assert taken["takenOverBy"] == "Tom Girard" and taken["sentAt"].startswith("2026-11-02")
    # The receipt comes from the transporter's company profile.
    assert (taken["transporter"]["receipt"], taken["transporter"]["department"]) == ("REC-1", "69")
    assert taken["transporter"]["numberPlate"] == "AB-123-CD"

    received = plant.run(RECEIVE, id=form_id, receivedInfo=reception())["markAsReceived"]
    assert received["status"] == "RECEIVED"
    accepted = plant.run(ACCEPT, id=form_id, acceptedInfo=acceptance(1.18))["markAsAccepted"]
    assert accepted["status"] == "ACCEPTED"
    processed = plant.run(PROCESS, id=form_id, processedInfo=incineration())["markAsProcessed"]
    assert processed["status"] == "PROCESSED"

    final = producer.form(form_id)
    assert final["status"] == "PROCESSED"
    assert final["wasteAcceptationStatus"] == "ACCEPTED"
    assert final["quantityReceived"] == pytest.approx(1.18)
    assert final["quantityAccepted"] == pytest.approx(1.18)
    assert final["quantityRefused"] == pytest.approx(0)
    assert final["processingOperationDone"] == "D 10"
    assert final["destinationOperationMode"] == "ELIMINATION"
    assert final["processedAt"].startswith("2026-11-05")
    assert final["receivedBy"] == "Rita Perrin" and final["signedBy"] == "Rita Perrin"
    expected = ["DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "RECEIVED", "ACCEPTED",
                "PROCESSED"]
    assert producer.statuses(form_id) == expected
    # The destination's log starts when it could first read the BSD (after sealing).
    assert plant.statuses(form_id) == expected[1:]


def awaiting_group(world, quantity):
    """A BSD treated at the transit site with R 13: it waits to be grouped."""
    content = direct_form(world, quantity, recipient=recipient(world.storer, "R 13"))
    form = sent(world, content, quantity)
    accepted = world.storer.run(RECEIVE, id=form["id"],
                                receivedInfo=reception(quantity, "ACCEPTED"))["markAsReceived"]
    assert accepted["status"] == "ACCEPTED"
    done = world.storer.run(PROCESS, id=form["id"],
                            processedInfo=grouping_done(world.plant))["markAsProcessed"]
    assert done["status"] == "AWAITING_GROUP"
    return done


def test_a_grouping_operation_leaves_the_bsd_awaiting_group(world):
    form = awaiting_group(world, 2.5)
    final = world.producer.form(form["id"])
    assert final["status"] == "AWAITING_GROUP"
    assert final["processingOperationDone"] == "R 13"
    assert final["nextDestination"]["processingOperation"] == "R 1"
    assert final["nextDestination"]["company"]["siret"] == world.plant.siret
    assert final["quantityAccepted"] == pytest.approx(2.5)
    assert world.producer.statuses(form["id"]) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "AWAITING_GROUP"]


# 2. Temporary storage.

def temp_storage_form(world):
    return direct_form(
        world, 1.0, recipient=recipient(world.storer, "R 13", isTempStorage=True),
        temporaryStorageDetail={"destination": recipient(world.plant)})


def test_temporary_storage_then_final_destination(world):
    storer, onward, plant = world.storer, world.rail, world.plant
    form = sent(world, temp_storage_form(world))
    form_id = form["id"]
    assert form["recipient"]["isTempStorage"] is True
    assert form["temporaryStorageDetail"]["destination"]["company"]["siret"] == plant.siret

    stored = storer.run(TEMP_STORE, id=form_id, tempStoredInfos={
        "receivedBy": "Sam Roux", "receivedAt": "2026-11-03T07:45:00", "quantityReceived": 1.0,
        "quantityType": "REAL"})["markAsTempStored"]
    assert stored["status"] == "TEMP_STORED"
    accepted = storer.run(TEMP_ACCEPT, id=form_id, tempStorerAcceptedInfo={
        "wasteAcceptationStatus": "ACCEPTED", "signedAt": "2026-11-03T08:00:00",
        "signedBy": "Sam Roux", "quantityReceived": 0.98, "quantityRefused": 0,
        "quantityType": "REAL"})["markAsTempStorerAccepted"]
    assert accepted["status"] == "TEMP_STORER_ACCEPTED"
    resealed = storer.run(RESEAL, id=form_id, resealedInfos={
        "transporter": road(onward, "GH-456-IJ"),
        "wasteDetails": {"quantity": 0.98, "quantityType": "REAL", "onuCode": "UN 3082, 9, III (E)",
                         "packagingInfos": [{"type": "GRV", "quantity": 2}]}})["markAsResealed"]
    assert resealed["status"] == "RESEALED"
    assert resealed["temporaryStorageDetail"]["transporter"]["company"]["siret"] == onward.siret

    # The temporary storer signs the onward emission, then the onward transporter.
    emitted = storer.run(SIGN_EMISSION, id=form_id,
                         input=emission(0.98, "Sam Roux", packagings=False))
    assert emitted["signEmissionForm"]["status"] == "SIGNED_BY_TEMP_STORER"
    resent = onward.run(SIGN_TRANSPORT, id=form_id, input=take_over("Tess Morel", "GH-456-IJ"))
    assert resent["signTransportForm"]["status"] == "RESENT"

    assert plant.run(RECEIVE, id=form_id, receivedInfo=reception())["markAsReceived"][
        "status"] == "RECEIVED"
    assert plant.run(ACCEPT, id=form_id, acceptedInfo=acceptance(0.97))["markAsAccepted"][
        "status"] == "ACCEPTED"
    assert plant.run(PROCESS, id=form_id, processedInfo=incineration())["markAsProcessed"][
        "status"] == "PROCESSED"

    final = world.producer.form(form_id)
    assert final["status"] == "PROCESSED"
    detail = final["temporaryStorageDetail"]
    assert detail["temporaryStorer"]["quantityReceived"] == pytest.approx(0.98)
    assert detail["temporaryStorer"]["wasteAcceptationStatus"] == "ACCEPTED"
    assert detail["temporaryStorer"]["receivedBy"] == "Sam Roux"
    assert detail["destination"]["company"]["siret"] == plant.siret
    assert detail["wasteDetails"]["quantity"] == pytest.approx(0.98)
    assert detail["wasteDetails"]["packagingInfos"] == [{"type": "GRV", "quantity": 2}]
    assert detail["emittedBy"] == "Sam Roux"
    assert detail["takenOverBy"] == "Tess Morel"
    assert detail["transporter"]["takenOverBy"] == "Tess Morel"
    assert final["quantityReceived"] == pytest.approx(0.97)
    assert final["processingOperationDone"] == "D 10"
    assert world.producer.statuses(form_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "TEMP_STORED", "TEMP_STORER_ACCEPTED",
        "RESEALED", "SIGNED_BY_TEMP_STORER", "RESENT", "RECEIVED", "ACCEPTED", "PROCESSED"]
    # The onward transporter and the final destination read the BSD too.
    assert onward.form(form_id)["status"] == "PROCESSED"


def test_temporary_storage_with_the_deprecated_mark_as_resent(world):
    storer, onward, plant = world.storer, world.rail, world.plant
    form_id = sent(world, temp_storage_form(world))["id"]
    # Received and accepted in one call, as the documentation's example does.
    stored = storer.run(TEMP_STORE, id=form_id, tempStoredInfos={
        "wasteAcceptationStatus": "ACCEPTED", "receivedBy": "Sam Roux",
        "receivedAt": "2026-11-03T07:45:00", "signedAt": "2026-11-03T07:50:00",
        "quantityReceived": 1.0, "quantityRefused": 0, "quantityType": "REAL"})
    assert stored["markAsTempStored"]["status"] == "TEMP_STORER_ACCEPTED"
    resent = storer.run(RESEND, id=form_id, resentInfos={
        "transporter": road(onward, "GH-456-IJ"), "signedBy": "Sam Roux",
        "signedAt": "2026-11-04T06:00:00"})["markAsResent"]
    assert resent["status"] == "RESENT"
    assert resent["temporaryStorageDetail"]["transporter"]["company"]["siret"] == onward.siret

    accepted = plant.run(RECEIVE, id=form_id, receivedInfo=reception(1.0, "ACCEPTED"))
    assert accepted["markAsReceived"]["status"] == "ACCEPTED"
    assert plant.run(PROCESS, id=form_id, processedInfo=incineration())["markAsProcessed"][
        "status"] == "PROCESSED"
    final = world.producer.form(form_id)
    assert final["status"] == "PROCESSED"
    assert final["temporaryStorageDetail"]["temporaryStorer"]["quantityAccepted"] == \
        pytest.approx(1.0)
    assert final["quantityAccepted"] == pytest.approx(1.0)
    assert world.producer.statuses(form_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "TEMP_STORER_ACCEPTED", "RESENT",
        "ACCEPTED", "PROCESSED"]


# 3. Multimodal.

def test_multimodal_transporters_sign_in_turn(world):
    producer, carrier, rail, barge, plant = (world.producer, world.carrier, world.rail,
                                             world.barge, world.plant)
    first = producer.run(CREATE_TRANSPORTER, input=road(carrier))["createFormTransporter"]
    second = producer.run(CREATE_TRANSPORTER, input={
        "company": rail.company.input(), "mode": "RAIL"})["createFormTransporter"]
    third = producer.run(CREATE_TRANSPORTER, input={
        "company": barge.company.input(), "mode": "RIVER"})["createFormTransporter"]
    assert first["id"] and len({first["id"], second["id"], third["id"]}) == 3
    assert first["company"]["siret"] == carrier.siret and first["takenOverAt"] is None

    content = direct_form(world, transporters=[first["id"], second["id"], third["id"]])
    del content["transporter"]
    form = create(producer, content)
    form_id = form["id"]
    assert [t["id"] for t in form["transporters"]] == [first["id"], second["id"], third["id"]]
    assert [t["company"]["siret"] for t in form["transporters"]] == [
        carrier.siret, rail.siret, barge.siret]
    assert form["transporter"]["company"]["siret"] == carrier.siret

    producer.run(SEAL, id=form_id)
    producer.run(SIGN_EMISSION, id=form_id, input=emission())
    after_first = carrier.run(SIGN_TRANSPORT, id=form_id, input=take_over())["signTransportForm"]
    assert after_first["status"] == "SENT"
    assert after_first["currentTransporterSiret"] == carrier.siret
    assert after_first["nextTransporterSiret"] == rail.siret
    assert after_first["transporters"][0]["receipt"] == "REC-1"

    # The second leg changes what it may before it signs; fields left out stay.
    updated = rail.run(UPDATE_TRANSPORTER, id=second["id"],
                       input={"customInfo": "Wagon 12"})["updateFormTransporter"]
    assert updated["customInfo"] == "Wagon 12"
    assert updated["mode"] == "RAIL" and updated["company"]["siret"] == rail.siret
    # A transporter that signed can be neither changed nor removed.
    code = code_of(carrier.refused(UPDATE_TRANSPORTER, id=first["id"],
                                   input={"numberPlate": "ZZ-999-ZZ"}))
    assert code in ("BAD_USER_INPUT", "FORBIDDEN")
    code = code_of(producer.refused(DELETE_TRANSPORTER, id=first["id"]))
    assert code in ("BAD_USER_INPUT", "FORBIDDEN")
    # The river leg is cancelled before it signs.
    deleted = producer.run(DELETE_TRANSPORTER, id=third["id"])["deleteFormTransporter"]
    assert deleted == third["id"]
    current = producer.form(form_id)
    assert [t["id"] for t in current["transporters"]] == [first["id"], second["id"]]
    assert current["transporters"][0]["numberPlate"] == "AB-123-CD"
    assert current["transporters"][1]["customInfo"] == "Wagon 12"

    after_second = rail.run(SIGN_TRANSPORT, id=form_id,
                            input=take_over("Tess Morel", None, "RAIL"))["signTransportForm"]
    assert after_second["status"] == "SENT"
    assert after_second["currentTransporterSiret"] == rail.siret
    assert after_second["nextTransporterSiret"] is None
    assert after_second["transporters"][1]["takenOverBy"] == "Tess Morel"

    plant.run(RECEIVE, id=form_id, receivedInfo=reception(1.0, "ACCEPTED"))
    plant.run(PROCESS, id=form_id, processedInfo=incineration())
    final = producer.form(form_id)
    assert final["status"] == "PROCESSED"
    assert [t["takenOverBy"] for t in final["transporters"]] == ["Tom Girard", "Tess Morel"]
    assert producer.statuses(form_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "PROCESSED"]


def test_multimodal_with_the_deprecated_segment_mutations(world):
    producer, carrier, rail, plant = world.producer, world.carrier, world.rail, world.plant
    form_id = sent(world, direct_form(world))["id"]

    segment = carrier.run(PREPARE_SEGMENT, id=form_id, siret=carrier.siret, nextSegmentInfo={
        "transporter": {"company": rail.company.input()}, "mode": "RAIL"})["prepareSegment"]
    assert segment["mode"] == "RAIL" and segment["readyToTakeOver"] is False
    assert segment["transporter"]["company"]["siret"] == rail.siret
    assert segment["previousTransporterCompanySiret"] == carrier.siret
    edited = carrier.run(EDIT_SEGMENT, id=segment["id"], siret=carrier.siret, nextSegmentInfo={
        "transporter": {"company": rail.company.input(), "customInfo": "Wagon 7"},
        "mode": "RAIL"})["editSegment"]
    assert edited["transporter"]["customInfo"] == "Wagon 7"
    ready = carrier.run(READY_SEGMENT, id=segment["id"])["markSegmentAsReadyToTakeOver"]
    assert ready["readyToTakeOver"] is True
    taken = rail.run(TAKE_OVER_SEGMENT, id=segment["id"], takeOverInfo={
        "takenOverAt": "2026-11-02T15:00:00.000Z", "takenOverBy": "Tess Morel"})
    assert taken["takeOverSegment"]["takenOverBy"] == "Tess Morel"

    current = producer.form(form_id)
    assert current["status"] == "SENT"
    assert current["currentTransporterSiret"] == rail.siret
    assert [t["company"]["siret"] for t in current["transporters"]] == [carrier.siret, rail.siret]
    assert [(s["id"], s["takenOverBy"]) for s in current["transportSegments"]] == [
        (segment["id"], "Tess Morel")]

    plant.run(RECEIVE, id=form_id, receivedInfo=reception(1.0, "ACCEPTED"))
    plant.run(PROCESS, id=form_id, processedInfo=incineration())
    assert producer.form(form_id)["status"] == "PROCESSED"
    assert producer.statuses(form_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "PROCESSED"]


# 4. Refusal.

def test_a_refused_waste_ends_refused_with_everything_refused(world):
    plant = world.plant
    form_id = sent(world, direct_form(world))["id"]
    refused = plant.run(RECEIVE, id=form_id, receivedInfo=reception(
        1.0, "REFUSED", refused=1.0, reason="Citerne non conforme"))["markAsReceived"]
    assert refused["status"] == "REFUSED"
    final = world.producer.form(form_id)
    assert final["status"] == "REFUSED"
    assert final["wasteAcceptationStatus"] == "REFUSED"
    assert final["wasteRefusalReason"] == "Citerne non conforme"
    assert final["quantityReceived"] == pytest.approx(1.0)
    assert final["quantityRefused"] == pytest.approx(1.0)
    assert final["quantityAccepted"] == pytest.approx(0)
    # REFUSED is final.
    errors = plant.refused(PROCESS, id=form_id, processedInfo=incineration())
    assert code_of(errors) == "BAD_USER_INPUT"
    assert world.producer.statuses(form_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "REFUSED"]


def test_a_partial_refusal_is_accepted_for_the_rest_then_processed(world):
    plant = world.plant
    form_id = sent(world, direct_form(world, 1.5), 1.5)["id"]
    plant.run(RECEIVE, id=form_id, receivedInfo=reception())
    partly = plant.run(ACCEPT, id=form_id, acceptedInfo=acceptance(
        1.5, "PARTIALLY_REFUSED", refused=0.4, reason="Un compartiment fuit"))["markAsAccepted"]
    assert partly["status"] == "ACCEPTED"
    assert partly["wasteAcceptationStatus"] == "PARTIALLY_REFUSED"
    assert partly["quantityAccepted"] == pytest.approx(1.1)
    plant.run(PROCESS, id=form_id, processedInfo=incineration())
    final = world.producer.form(form_id)
    assert final["status"] == "PROCESSED"
    assert (final["quantityReceived"], final["quantityRefused"]) == (
        pytest.approx(1.5), pytest.approx(0.4))
    assert final["quantityAccepted"] == pytest.approx(1.1)
    assert final["wasteRefusalReason"] == "Un compartiment fuit"
    assert world.producer.statuses(form_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "RECEIVED", "ACCEPTED", "PROCESSED"]


# 5. Annexe 1 (tournée dédiée).

def container_content(world, **waste_changes):
    """A collection round (annexe 1 container) as the documentation writes it: no quantity,
    packaging or quantity type; the round's transporter is the collector itself."""
    collector = world.storer
    return {
        "emitter": {"type": "APPENDIX1", "company": collector.company.input()},
        "recipient": recipient(world.plant),
        "transporter": {"company": collector.company.input(), "numberPlate": "CO-111-LL",
                        "mode": "ROAD"},
        "wasteDetails": {"code": "13 05 02*", "name": "Boues de séparateurs",
                         "isSubjectToADR": False, "onuCode": None, "consistence": "LIQUID",
                         **waste_changes}}


def bare_item(world, quantity):
    """An annexe-1 item as the documentation writes it: the producer, its packagings and
    quantity; the rest comes from the container it is attached to."""
    return {"emitter": {"type": "APPENDIX1_PRODUCER", "company": world.producer.company.input()},
            "wasteDetails": {"packagingInfos": [{"type": "FUT", "quantity": 2}],
                             "quantity": quantity}}


def test_annexe_1_container_seals_without_quantity_or_packagings(world):
    collector = world.storer
    container = create(collector, container_content(world))
    assert collector.run(SEAL, id=container["id"])["markAsSealed"]["status"] == "SEALED"


def test_annexe_1_collector_creates_and_attaches_bare_items_as_documented(world):
    collector, producer, plant = world.storer, world.producer, world.plant
    container = create(collector, container_content(world, quantity=0.001, pop=False,
                                                    quantityType="ESTIMATED"))
    collector.run(SEAL, id=container["id"])
    # The collector writes the item on its round, so it names itself as the transporter:
    # one may only create a BSD that names one of one's companies.
    item = collector.run(CREATE, createFormInput={
        **bare_item(world, 1.0),
        "transporter": {"company": collector.company.input()}})["createForm"]
    grouped = collector.run(UPDATE, updateFormInput={
        "id": container["id"], "grouping": {"form": {"id": item["id"]}}})["updateForm"]
    assert [g["form"]["id"] for g in grouped["grouping"]] == [item["id"]]
    attached = producer.form(item["id"])
    assert attached["status"] == "SEALED"
    assert attached["wasteDetails"]["code"] == "13 05 02*"
    assert attached["recipient"]["company"]["siret"] == plant.siret
    assert attached["transporter"]["company"]["siret"] == collector.siret


def test_annexe_1_round_from_the_items_pickups_to_processing(world):
    """The round as far as the API takes it: the producer writes complete items naming the
    collector as transporter and seals them; the collector attaches them."""
    collector, producer, plant = world.storer, world.producer, world.plant
    container = create(collector, container_content(world, quantity=0.001, pop=False,
                                                    quantityType="ESTIMATED"))
    container_id = container["id"]
    assert collector.run(SEAL, id=container_id)["markAsSealed"]["status"] == "SEALED"

    items = []
    for quantity in (1.0, 0.5):
        item = create(producer, {
            **bare_item(world, quantity),
            "transporter": container_content(world)["transporter"],
            "wasteDetails": {"code": "13 05 02*", "name": "Boues de séparateurs", "pop": False,
                             "isSubjectToADR": False, "consistence": "LIQUID",
                             "quantityType": "ESTIMATED", "quantity": quantity,
                             "packagingInfos": [{"type": "FUT", "quantity": 2}]}})
        assert producer.run(SEAL, id=item["id"])["markAsSealed"]["status"] == "SEALED"
        items.append(item["id"])
        # `grouping` replaces the list: the first item is given as a single object, as in
        # the documentation, then the whole list.
        grouping = ({"form": {"id": items[0]}} if len(items) == 1
                    else [{"form": {"id": one}} for one in items])
        grouped = collector.run(UPDATE, updateFormInput={
            "id": container_id, "grouping": grouping})["updateForm"]
        assert grouped["status"] == "SEALED"
    container = collector.form(container_id)
    assert sorted(g["form"]["id"] for g in container["grouping"]) == sorted(items)

    for item_id, quantity in zip(items, (1.0, 0.5)):
        signed = producer.run(SIGN_EMISSION, id=item_id, input={
            "emittedAt": "2026-11-02T08:00:00", "emittedBy": "Ana Martin", "quantity": quantity,
            "packagingInfos": [{"type": "FUT", "quantity": 2}]})["signEmissionForm"]
        assert signed["status"] == "SIGNED_BY_PRODUCER"
        taken = collector.run(SIGN_TRANSPORT, id=item_id,
                              input=take_over("Sam Roux", "CO-111-LL"))["signTransportForm"]
        assert taken["status"] == "SENT"
        assert collector.form(container_id)["status"] == "SENT"

    accepted = plant.run(RECEIVE, id=container_id, receivedInfo=reception(1.5, "ACCEPTED"))
    assert accepted["markAsReceived"]["status"] == "ACCEPTED"
    plant.run(PROCESS, id=container_id, processedInfo=incineration())
    final = collector.form(container_id)
    assert final["status"] == "PROCESSED"
    assert final["quantityAccepted"] == pytest.approx(1.5)
    for item_id in items:
        assert producer.form(item_id)["status"] == "PROCESSED"
    assert collector.statuses(container_id) == [
        "DRAFT", "SEALED", "SENT", "ACCEPTED", "PROCESSED"]
    assert producer.statuses(items[0]) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "PROCESSED"]
    # The container's quantity is what its items' pickups added up to.
    assert final["wasteDetails"]["quantity"] == pytest.approx(1.5)


# 6. Annexe 2 (regroupement).

def regroupement_content(world, **links):
    return {"emitter": {"type": "APPENDIX2", "company": world.storer.company.input()},
            "recipient": recipient(world.plant, "R 1"), "transporter": road(world.carrier),
            "wasteDetails": waste(3.0), **links}


def test_annexe_2_regroupement_groups_then_processes_its_initial_bsds(world):
    storer, producer, carrier, plant = world.storer, world.producer, world.carrier, world.plant
    first = awaiting_group(world, 1.0)
    second = awaiting_group(world, 2.0)

    regroupement = create(storer, regroupement_content(world, grouping=[
        {"form": {"id": first["id"]}, "quantity": 1.0},
        {"form": {"readableId": second["readableId"]}, "quantity": 2.0}]))
    regroupement_id = regroupement["id"]
    assert sorted((g["form"]["id"], g["quantity"]) for g in regroupement["grouping"]) == sorted(
        [(first["id"], pytest.approx(1.0)), (second["id"], pytest.approx(2.0))])
    # Drafts group nothing yet.
    assert producer.form(first["id"])["status"] == "AWAITING_GROUP"

    assert storer.run(SEAL, id=regroupement_id)["markAsSealed"]["status"] == "SEALED"
    for initial, quantity in ((first, 1.0), (second, 2.0)):
        grouped = producer.form(initial["id"])
        assert grouped["status"] == "GROUPED"
        assert grouped["quantityGrouped"] == pytest.approx(quantity)
        assert [g["form"]["id"] for g in grouped["groupedIn"]] == [regroupement_id]
    sealed = storer.form(regroupement_id)
    assert sorted(f["id"] for f in sealed["appendix2Forms"]) == sorted(
        [first["id"], second["id"]])

    storer.run(SIGN_EMISSION, id=regroupement_id, input=emission(3.0, "Sam Roux"))
    assert carrier.run(SIGN_TRANSPORT, id=regroupement_id, input=take_over())[
        "signTransportForm"]["status"] == "SENT"
    plant.run(RECEIVE, id=regroupement_id, receivedInfo=reception(3.0, "ACCEPTED"))
    processed = plant.run(PROCESS, id=regroupement_id, processedInfo=energy_recovery())
    assert processed["markAsProcessed"]["status"] == "PROCESSED"

    assert storer.form(regroupement_id)["quantityAccepted"] == pytest.approx(3.0)
    for initial in (first, second):
        assert producer.form(initial["id"])["status"] == "PROCESSED"
    assert producer.statuses(first["id"]) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "AWAITING_GROUP", "GROUPED",
        "PROCESSED"]
    assert storer.statuses(regroupement_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "PROCESSED"]


def test_the_producers_of_the_initial_bsds_read_the_regroupement(world):
    first = awaiting_group(world, 1.0)
    regroupement = create(world.storer, regroupement_content(
        world, grouping=[{"form": {"id": first["id"]}, "quantity": 1.0}]))
    world.storer.run(SEAL, id=regroupement["id"])
    seen = world.producer.form(regroupement["id"])
    assert seen["emitter"]["type"] == "APPENDIX2"
    assert world.producer.statuses(regroupement["id"]) == ["SEALED"]


def test_appendix2_forms_and_grouping_without_quantity_take_what_remains(world):
    storer = world.storer
    first, second, third = (awaiting_group(world, q) for q in (1.0, 2.0, 0.75))
    # A first regroupement takes part of the third BSD.
    partial = create(storer, regroupement_content(
        world, grouping=[{"form": {"id": third["id"]}, "quantity": 0.25}]))
    storer.run(SEAL, id=partial["id"])
    assert world.producer.form(third["id"])["status"] == "AWAITING_GROUP"

    by_list = create(storer, regroupement_content(
        world, appendix2Forms=[{"id": first["id"]}, {"readableId": second["readableId"]}]))
    assert sorted((g["form"]["id"], g["quantity"]) for g in by_list["grouping"]) == sorted(
        [(first["id"], pytest.approx(1.0)), (second["id"], pytest.approx(2.0))])
    rest = create(storer, regroupement_content(world, grouping=[{"form": {"id": third["id"]}}]))
    assert rest["grouping"][0]["quantity"] == pytest.approx(0.5)
    storer.run(SEAL, id=by_list["id"])
    storer.run(SEAL, id=rest["id"])
    for initial in (first, second, third):
        assert world.producer.form(initial["id"])["status"] == "GROUPED"
    assert world.producer.form(third["id"])["quantityGrouped"] == pytest.approx(0.75)


# 7. Paper import.

def paper_steps():
    return {
        "signingInfo": {"sentAt": "2026-11-02T08:00:00", "sentBy": "Ana Martin"},
        "receivedInfo": {"wasteAcceptationStatus": "ACCEPTED", "receivedBy": "Rita Perrin",
                         "receivedAt": "2026-11-03T10:00:00", "signedAt": "2026-11-03T10:30:00",
                         "quantityReceived": 1.0, "quantityRefused": 0},
        "processedInfo": incineration("2026-11-04"),
    }


def test_import_paper_form_creates_a_processed_bsd(world):
    plant = world.plant
    content = direct_form(world)
    content["customId"] = "PAPIER-001"
    imported = plant.run(IMPORT_PAPER, input={**content, **paper_steps()})["importPaperForm"]
    assert imported["status"] == "PROCESSED"
    assert imported["isImportedFromPaper"] is True
    assert imported["readableId"]
    final = world.producer.form(imported["id"])
    assert final["status"] == "PROCESSED"
    assert final["customId"] == "PAPIER-001"
    assert final["sentBy"] == "Ana Martin" and final["sentAt"].startswith("2026-11-02")
    assert final["quantityReceived"] == pytest.approx(1.0)
    assert final["quantityAccepted"] == pytest.approx(1.0)
    assert final["processingOperationDone"] == "D 10"
    assert plant.statuses(imported["id"]) == ["PROCESSED"]


def test_import_paper_form_completes_a_sealed_bsd(world):
    producer, plant = world.producer, world.plant
    form_id = create(producer, direct_form(world))["id"]
    producer.run(SEAL, id=form_id)
    imported = plant.run(IMPORT_PAPER, input={"id": form_id, **paper_steps()})["importPaperForm"]
    assert imported["id"] == form_id
    assert imported["status"] == "PROCESSED"
    assert imported["isImportedFromPaper"] is True
    final = producer.form(form_id)
    assert final["sentAt"].startswith("2026-11-02") and final["sentBy"] == "Ana Martin"
    assert final["receivedBy"] == "Rita Perrin"
    assert final["quantityReceived"] == pytest.approx(1.0)
    assert final["processedAt"].startswith("2026-11-04")
    assert producer.statuses(form_id) == ["DRAFT", "SEALED", "PROCESSED"]


# 8. Foreign transporter.

def test_a_foreign_transporter_known_by_vat_number_takes_the_waste_over(world):
    producer, foreign, plant = world.producer, world.foreign, world.plant
    content = direct_form(world, transporter={"company": foreign.company.input(), "mode": "ROAD"})
    form = create(producer, content)
    form_id = form["id"]
    company = form["transporter"]["company"]
    assert (company["siret"], company["vatNumber"]) == (None, "BE0541696005")
    producer.run(SEAL, id=form_id)
    producer.run(SIGN_EMISSION, id=form_id, input=emission())
    taken = foreign.run(SIGN_TRANSPORT, id=form_id,
                        input=take_over("Fritz Peeters", "1-ABC-234"))["signTransportForm"]
    assert taken["status"] == "SENT"
    assert taken["transporter"]["receipt"] is None
    assert taken["transporters"][0]["company"]["orgId"] == "BE0541696005"
    assert taken["transporters"][0]["takenOverBy"] == "Fritz Peeters"
    plant.run(RECEIVE, id=form_id, receivedInfo=reception(1.0, "ACCEPTED"))
    plant.run(PROCESS, id=form_id, processedInfo=incineration())
    final = foreign.form(form_id)
    assert final["status"] == "PROCESSED"
    assert final["transporter"]["numberPlate"] == "1-ABC-234"
    assert producer.statuses(form_id) == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "PROCESSED"]


# Errors.

def test_sealing_an_empty_draft_reports_every_missing_field(world):
    producer = world.producer
    draft = create(producer, {"emitter": {"company": {"siret": producer.siret}}})
    errors = producer.refused(SEAL, id=draft["id"])
    assert code_of(errors) == "BAD_USER_INPUT"
    issues = errors[0]["extensions"]["issues"]
    assert all(set(issue) == {"path", "code"} for issue in issues), issues
    found = {(issue["path"], issue["code"]) for issue in issues}
    for path in ("emitter.type", "emitter.company.name", "emitter.company.address",
                 "emitter.company.contact", "emitter.company.phone", "emitter.company.mail",
                 "recipient.company.siret", "recipient.company.name",
                 "recipient.processingOperation", "wasteDetails.code", "wasteDetails.name",
                 "wasteDetails.quantityType", "wasteDetails.pop"):
        assert (path, "REQUIRED") in found, (path, sorted(found))
    assert any(path == "wasteDetails.quantity" for path, _ in found), sorted(found)
    assert producer.form(draft["id"])["status"] == "DRAFT"


def test_an_overlong_custom_id_is_refused_as_input_and_nothing_is_created(world):
    producer = world.producer
    before = producer.run(FORMS_COUNT, siret=producer.siret)
    errors = producer.refused(CREATE, createFormInput={
        "customId": "c" * 4000, "emitter": {"company": {"siret": producer.siret}}})
    assert code_of(errors) == "BAD_USER_INPUT"
    assert errors[0]["extensions"]["issues"] == [{"path": "customId", "code": "TOO_LONG"}]
    after = producer.run(FORMS_COUNT, siret=producer.siret)
    assert after == before


FORMS_COUNT = gql("""query Count($siret: String!) {
  forms(siret: $siret, first: 100) { id } }""")


def input_fields(schema, type_name):
    return schema.type_map[type_name].fields


def test_issue_paths_name_fields_of_the_input_the_integrator_sent(world):
    """An integrator maps each issue back to its own payload: every segment of a path is a
    field of CreateFormInput (list indexes aside)."""
    producer = world.producer
    draft = create(producer, {"emitter": {"company": {"siret": producer.siret}}})
    issues = producer.refused(SEAL, id=draft["id"])[0]["extensions"]["issues"]
    schema = producer.client.schema
    unknown = []
    for issue in issues:
        current = schema.type_map["CreateFormInput"]
        for segment in issue["path"].split("."):
            if segment.isdigit():
                continue
            field = getattr(current, "fields", {}).get(segment)
            if field is None:
                unknown.append(issue["path"])
                break
            current = field.type
            while hasattr(current, "of_type"):
                current = current.of_type
    assert unknown == [], unknown


# The multimodal input on updateForm, the lifecycle window, the deprecations.

def test_update_form_sets_the_transporters_by_id(world):
    producer, carrier, rail, barge = world.producer, world.carrier, world.rail, world.barge
    form = create(producer, direct_form(world))
    first = form["transporters"][0]["id"]
    second = producer.run(CREATE_TRANSPORTER, input={
        "company": rail.company.input(), "mode": "RAIL"})["createFormTransporter"]["id"]
    third = producer.run(CREATE_TRANSPORTER, input={
        "company": barge.company.input(), "mode": "RIVER"})["createFormTransporter"]["id"]

    def update(ids):
        changed = producer.run(UPDATE, updateFormInput={"id": form["id"], "transporters": ids})
        return changed["updateForm"]["transporters"]
    both = update([first, second, third])
    assert [t["id"] for t in both] == [first, second, third]
    assert [t["company"]["siret"] for t in both] == [carrier.siret, rail.siret, barge.siret]
    assert [t["mode"] for t in both] == ["ROAD", "RAIL", "RIVER"]
    reordered = update([third, first])
    assert [t["id"] for t in reordered] == [third, first]
    assert [t["id"] for t in producer.form(form["id"])["transporters"]] == [third, first]
    # A transporter on this BSD is not free for another one.
    other = direct_form(world, transporters=[third])
    del other["transporter"]
    errors = producer.refused(CREATE, createFormInput=other)
    assert code_of(errors) == "BAD_USER_INPUT"
    assert "TRANSPORTER_ALREADY_USED" in str(errors[0]["extensions"])


LIFECYCLE_WINDOW = gql("""
query FormsLifeCycle($siret: String, $formId: ID, $before: String, $after: String) {
  formsLifeCycle(siret: $siret, formId: $formId, loggedBefore: $before, loggedAfter: $after) {
    count statusLogs { status loggedAt } } }""")


def test_forms_life_cycle_keeps_the_logs_strictly_inside_the_window(world):
    producer, plant = world.producer, world.plant
    form_id = sent(world, direct_form(world))["id"]
    plant.run(RECEIVE, id=form_id, receivedInfo=reception(1.0, "ACCEPTED"))
    plant.run(PROCESS, id=form_id, processedInfo=incineration())

    def window(**bounds):
        page = producer.run(LIFECYCLE_WINDOW, siret=producer.siret, formId=form_id,
                            **bounds)["formsLifeCycle"]
        assert page["count"] == len(page["statusLogs"])
        return [(log["status"], log["loggedAt"]) for log in page["statusLogs"]]
    everything = window()
    assert [status for status, _ in reversed(everything)] == [
        "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "ACCEPTED", "PROCESSED"]
    # Times are fixed-width UTC text to the microsecond: text order is time order.
    times = sorted({at for _, at in everything})
    for at in times:
        assert window(before=at) == [log for log in everything if log[1] < at]
        assert window(after=at) == [log for log in everything if log[1] > at]
    assert window(before=times[0]) == []
    assert window(after=times[0], before=times[-1]) == [
        log for log in everything if times[0] < log[1] < times[-1]]
    assert len(window(after=times[0], before=times[-1])) < len(everything)
    # Plain dates work as bounds too.
    assert window(before="2000-01-01") == [] and window(after="2000-01-01") == everything


def test_the_segment_mutations_are_deprecated_with_a_reason(world):
    fields = world.producer.run(gql("""{ __type(name: "Mutation") {
      fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }"""))
    by_name = {field["name"]: field for field in fields["__type"]["fields"]}
    for name in ("prepareSegment", "markSegmentAsReadyToTakeOver", "takeOverSegment",
                 "editSegment"):
        assert by_name[name]["isDeprecated"] is True, name
        assert len(by_name[name]["deprecationReason"] or "") > 10, name
    for name in ("createFormTransporter", "updateFormTransporter", "signTransportForm"):
        assert by_name[name]["isDeprecated"] is False, name
    listed = world.producer.run(gql("""{ __type(name: "Mutation") { fields { name } } }"""))
    assert "editSegment" not in {field["name"] for field in listed["__type"]["fields"]}


# 9. Fields integrations send for excavated soils and at the take-over.

SOIL = gql("""query Form($id: ID!) { form(id: $id) {
  status isUpcycled processingOperationDone
  wasteDetails { analysisReferences landIdentifiers }
  transporters { company { contact phone mail } } } }""")


def test_soil_and_contact_fields_are_accepted_kept_and_returned(world):
    producer, carrier, plant = world.producer, world.carrier, world.plant
    content = direct_form(world, wasteDetails=waste(
        analysisReferences=["ANA-2026-11", "ANA-2026-12"], landIdentifiers=["SIS-69-0007"]))
    form = create(producer, content)
    form_id = form["id"]
    producer.run(SEAL, id=form_id)
    producer.run(SIGN_EMISSION, id=form_id, input=emission())
    carrier.run(SIGN_TRANSPORT, id=form_id, input={
        **take_over(), "transporterCompanyContact": "Claire Route",
        "transporterCompanyPhone": "0611223344",
        "transporterCompanyMail": "claire@routes.example"})
    plant.run(RECEIVE, id=form_id, receivedInfo=reception(1.0, "ACCEPTED"))
    processed = plant.run(PROCESS, id=form_id, processedInfo={
        **energy_recovery(), "isUpcycled": True, "destinationParcelInseeCodes": ["69123"],
        "destinationParcelNumbers": ["000-AB-12"],
        "destinationParcelCoordinates": ["45.75,4.85"]})
    assert processed["markAsProcessed"]["status"] == "PROCESSED"

    for actor in (producer, carrier, plant):
        seen = actor.run(SOIL, id=form_id)["form"]
        assert seen["isUpcycled"] is True and seen["processingOperationDone"] == "R 1"
        assert seen["wasteDetails"] == {"analysisReferences": ["ANA-2026-11", "ANA-2026-12"],
                                        "landIdentifiers": ["SIS-69-0007"]}
        assert seen["transporters"][0]["company"] == {
            "contact": "Claire Route", "phone": "0611223344", "mail": "claire@routes.example"}
    # A BSD without them says nothing of upcycling and lists no references.
    plain = producer.run(SOIL, id=sent(world, direct_form(world))["id"])["form"]
    assert plain["isUpcycled"] is None
    assert plain["wasteDetails"]["analysisReferences"] == []
