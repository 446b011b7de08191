#!/usr/bin/env python3
"""Writes the event catalogue: events/<Type>/v<version>.schema.json (JSON Schema 2020-12),
one per event type and schema version, each with an example.

The shared definitions below mirror the Swift payload types in Sources/Domain; rerun this
script after changing a payload and add a new version instead of editing a published one.
"""
import base64
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "events")

STATUSES = [
    "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "RECEIVED", "ACCEPTED", "PROCESSED",
    "FOLLOWED_WITH_PNTTD", "AWAITING_GROUP", "GROUPED", "NO_TRACEABILITY", "REFUSED",
    "TEMP_STORED", "TEMP_STORER_ACCEPTED", "RESEALED", "SIGNED_BY_TEMP_STORER", "RESENT",
    "CANCELED",
]


def obj(properties, required=()):
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


def array(items):
    return {"type": "array", "items": items, "minItems": 1}


STRING = {"type": "string"}
# The companies that may read a draft: sorted org ids, possibly none.
ORG_IDS = {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
TRUE = {"const": True}
BOOL = {"type": "boolean"}
INT = {"type": "integer"}

DEFS = {
    "instant": {"type": "integer", "description": "Microseconds since 1970-01-01T00:00:00Z."},
    "sealed": {
        **obj({"sealed": {"type": "string", "contentEncoding": "base64",
                          "description": "24-byte nonce then XSalsa20-Poly1305 ciphertext "
                                         "(crypto_secretbox_easy), standard base64."},
               "keyId": {"type": "string", "pattern": "^[0-9a-f]{16}$",
                         "description": "Id of the instance key (webhook-secrets.key)."}},
              ["sealed", "keyId"]),
        "description": "A webhook credential sealed under the instance's key."},
    "grams": {"type": "integer", "description": "A mass in grams (tonnes × 10⁶)."},
    "status": {"enum": STATUSES},
    "actor": obj({"userId": STRING, "companyOrgId": STRING}, ["userId"]),
    "company": obj({k: STRING for k in [
        "name", "siret", "vatNumber", "address", "contact", "phone", "mail", "country",
        "omiNumber", "extraEuropeanId"]}),
    "workSite": obj({k: STRING for k in ["name", "address", "city", "postalCode", "infos"]}),
    "emitter": obj({
        "type": {"enum": ["PRODUCER", "OTHER", "APPENDIX1", "APPENDIX1_PRODUCER", "APPENDIX2"]},
        "company": ref("company"), "workSite": ref("workSite"), "pickupSite": STRING,
        "isPrivateIndividual": TRUE, "isForeignShip": TRUE,
    }),
    "recipient": obj({
        "cap": STRING, "processingOperation": STRING, "company": ref("company"),
        "isTempStorage": TRUE,
    }),
    "transporter": obj({
        "id": {"type": "string", "minLength": 1,
               "description": "The transporter's own id, when it was created as an entity."},
        "readyToTakeOver": {"const": False,
                            "description": "Present only when the transporter is not ready "
                                           "to take the waste over; absent means ready."},
        "company": ref("company"), "isExemptedOfReceipt": TRUE, "receipt": STRING,
        "department": STRING, "validityLimit": ref("instant"),
        "numberPlates": array(STRING),
        "mode": {"enum": ["ROAD", "RAIL", "AIR", "RIVER", "SEA", "OTHER"]}, "customInfo": STRING,
    }),
    "packaging": obj({
        "type": {"enum": ["FUT", "GRV", "CITERNE", "BENNE", "AUTRE", "PIPELINE"]},
        "other": STRING, "quantity": INT, "volume": INT,
        "identificationNumbers": array(STRING),
    }, ["type", "quantity"]),
    "wasteDetails": obj({
        "code": STRING, "name": STRING, "isDangerous": BOOL, "pop": BOOL,
        "isSubjectToADR": BOOL, "onuCode": STRING, "nonRoadRegulationMention": STRING,
        "quantity": ref("grams"), "quantityType": {"enum": ["REAL", "ESTIMATED"]},
        "consistences": array({"enum": ["SOLID", "LIQUID", "GASEOUS", "DOUGHY"]}),
        "packagings": array(ref("packaging")), "sampleNumber": STRING,
        "analysisReferences": array(STRING), "landIdentifiers": array(STRING),
    }),
    "tradingParty": obj({
        "company": ref("company"), "receipt": STRING, "department": STRING,
        "validityLimit": ref("instant"),
    }),
    "ecoOrganisme": obj({"name": STRING, "siret": STRING}),
    "groupingFraction": obj({"formId": STRING, "quantity": ref("grams")}, ["formId"]),
    "content": obj({
        "customId": STRING, "emitter": ref("emitter"), "recipient": ref("recipient"),
        "transporters": array(ref("transporter")), "wasteDetails": ref("wasteDetails"),
        "trader": ref("tradingParty"), "broker": ref("tradingParty"),
        "ecoOrganisme": ref("ecoOrganisme"), "intermediaries": array(ref("company")),
        "isDirectSupply": TRUE, "temporaryStorageDestination": ref("recipient"),
        "grouping": array(ref("groupingFraction")),
    }),
    "fieldChange": obj({"path": STRING, "from": {}, "to": {}}, ["path"]),
    "emissionSignature": obj({
        "emittedAt": ref("instant"), "emittedBy": STRING, "byEcoOrganisme": TRUE,
        "isAutomatic": TRUE,
    }, ["emittedAt", "emittedBy"]),
    "transportSignature": obj({
        "number": {"type": "integer", "minimum": 1, "maximum": 5},
        "takenOverAt": ref("instant"), "takenOverBy": STRING,
    }, ["number", "takenOverAt", "takenOverBy"]),
    "reception": obj({
        "receivedAt": ref("instant"), "receivedBy": STRING, "signedAt": ref("instant"),
        "signedBy": STRING,
        "acceptationStatus": {"enum": ["ACCEPTED", "REFUSED", "PARTIALLY_REFUSED"]},
        "refusalReason": STRING, "quantityReceived": ref("grams"),
        "quantityRefused": ref("grams"), "quantityType": {"enum": ["REAL", "ESTIMATED"]},
        "hasCiterneBeenWashedOut": BOOL,
        "citerneNotWashedOutReason": {"enum": [
            "EXEMPTED", "INCOMPATIBLE", "UNAVAILABLE", "NOT_BY_DRIVER"]},
        "emptyReturnADR": STRING,
    }),
    "nextDestination": obj({
        "processingOperation": STRING, "company": ref("company"), "notificationNumber": STRING,
    }),
    "processing": obj({
        "operationDone": STRING,
        "operationMode": {"enum": [
            "REUTILISATION", "RECYCLAGE", "VALORISATION_ENERGETIQUE", "AUTRES_VALORISATIONS",
            "ELIMINATION"]},
        "description": STRING, "processedBy": STRING, "processedAt": ref("instant"),
        "nextDestination": ref("nextDestination"), "noTraceability": TRUE,
        "isUpcycled": BOOL, "destinationParcelInseeCodes": array(STRING),
        "destinationParcelNumbers": array(STRING), "destinationParcelCoordinates": array(STRING),
    }, ["operationDone", "processedBy", "processedAt"]),
}

HEADER = {"formId": STRING, "at": ref("instant"), "actor": ref("actor")}
HEADER_REQUIRED = ["formId", "at", "actor"]


def webhook_created(credential):
    """The shape of WebhookSettingCreated with its token and secret as `credential`."""
    return ({"settingId": STRING, "orgId": STRING, "endpointUri": STRING,
             "token": credential, "secret": credential, "activated": BOOL,
             "payload": {"enum": ["THIN", "ENVELOPE"]}, "createdBy": STRING,
             "at": ref("instant")},
            ["settingId", "orgId", "endpointUri", "token", "secret", "activated", "payload",
             "createdBy", "at"])


def webhook_updated(credential):
    """The shape of WebhookSettingUpdated with a new token as `credential`."""
    changes = obj({"endpointUri": STRING, "token": credential, "activated": BOOL,
                   "payload": {"enum": ["THIN", "ENVELOPE"]}})
    return ({"settingId": STRING, "changes": changes, "updatedBy": STRING,
             "at": ref("instant")}, ["settingId", "changes", "updatedBy", "at"])


def with_header(properties, required):
    return {**HEADER, **properties}, HEADER_REQUIRED + required


STATUS_CHANGED = with_header({"status": ref("status"), "reason": STRING}, ["status"])
RECEPTION = with_header(
    {"reception": ref("reception"), "status": ref("status"), "cascadedFrom": STRING},
    ["reception", "status"])
EMISSION = with_header(
    {"signature": ref("emissionSignature"), "changes": array(ref("fieldChange")),
     "status": ref("status")}, ["signature", "status"])
LINKED = with_header(
    {"otherFormId": STRING, "quantity": ref("grams"), "status": ref("status")},
    ["otherFormId"])

EVENTS = {
    "ReadableIdReserved": (
        "A number of the yearly readable-id counter went to a new BSD "
        "(stream readable-id-<year>).",
        ({"year": INT, "number": {"type": "integer", "minimum": 1}, "formId": STRING,
          "readableId": {"type": "string", "pattern": "^TD-[0-9]{2}-[A-Z]{3}[0-9]{5}$"}},
         ["year", "number", "readableId", "formId"])),
    "FormCreated": (
        "A draft BSD was created, or duplicated from another one.",
        with_header({"readableId": STRING, "content": ref("content"), "isDuplicateOf": STRING,
                     "draftReaderOrgIds": ORG_IDS, "status": {"const": "DRAFT"}},
                    ["readableId", "content", "status"])),
    "FormUpdated": (
        "Content fields changed; one entry per changed leaf, by dotted path. draftReaderOrgIds:"
        " a draft's new readers, when the change changed them.",
        with_header({"changes": array(ref("fieldChange")), "draftReaderOrgIds": ORG_IDS},
                    ["changes"])),
    "FormDeleted": ("The BSD was soft-deleted; status is unchanged.", STATUS_CHANGED),
    "FormSealed": ("The BSD passed full validation and was sealed.", STATUS_CHANGED),
    "EmissionSigned": ("The emitter (or eco-organisme, or the platform) signed.", EMISSION),
    "TransportSigned": (
        "A transporter took the waste over.",
        with_header({"signature": ref("transportSignature"),
                     "leg": {"enum": ["INITIAL", "ONWARD"]},
                     "changes": array(ref("fieldChange")), "status": ref("status"),
                     "cascadedFrom": STRING}, ["signature", "leg", "status"])),
    "FormReceived": ("The destination received the waste.", RECEPTION),
    "FormAccepted": ("The destination signed acceptance.", RECEPTION),
    "FormTempStored": ("The temporary storer received the waste.", RECEPTION),
    "FormTempStorerAccepted": ("The temporary storer signed acceptance.", RECEPTION),
    "FormProcessed": (
        "The treatment was signed.",
        with_header({"processing": ref("processing"), "status": ref("status"),
                     "cascadedFrom": STRING}, ["processing", "status"])),
    "FormResealed": (
        "The onward journey after temporary storage was filled in.",
        with_header({"destination": ref("recipient"), "transporter": ref("transporter"),
                     "wasteDetails": ref("wasteDetails"), "status": ref("status")},
                    ["destination", "status"])),
    "TempStorerEmissionSigned": (
        "The temporary storer signed as emitter of the onward journey.", EMISSION),
    "FormResent": ("The waste left the temporary storage.", STATUS_CHANGED),
    "FormGrouped": ("An initial BSD was grouped into a sealed regroupement BSD.", LINKED),
    "GroupedFormProcessed": (
        "Every regroupement holding this BSD was treated; it is processed.", LINKED),
    "FormUngrouped": (
        "A refused regroupement released this BSD, which awaits grouping again.", LINKED),
    "FormAttachedToAppendix1": ("An annexe-1 item was attached to its container.", LINKED),
    "FormImportedFromPaper": (
        "A paper BSD was recorded with all its boxes.",
        with_header({"readableId": STRING, "content": ref("content"),
                     "emission": ref("emissionSignature"),
                     "transport": ref("transportSignature"), "reception": ref("reception"),
                     "processing": ref("processing"), "status": ref("status")},
                    ["content", "emission", "transport", "reception", "processing", "status"])),
    "FormCanceled": ("The BSD was cancelled after an approved revision.", STATUS_CHANGED),
    "FormTransporterCreated": (
        "A transporter was created on its own, before a BSD names it "
        "(stream bsdd-transporter-<id>).",
        ({"transporterId": STRING, "transporter": ref("transporter"),
          "createdBy": ref("actor"), "at": ref("instant")},
         ["transporterId", "transporter", "createdBy", "at"])),
    "FormTransporterUpdated": (
        "A standalone transporter's fields were replaced (all of them are given).",
        ({"transporterId": STRING, "transporter": ref("transporter"),
          "updatedBy": ref("actor"), "at": ref("instant")},
         ["transporterId", "transporter", "updatedBy", "at"])),
    "FormTransporterDeleted": (
        "A standalone transporter was deleted.",
        ({"transporterId": STRING, "deletedBy": ref("actor"), "at": ref("instant")},
         ["transporterId", "deletedBy", "at"])),
    "PdfAccessTokenCreated": (
        "A road-control link to a BSD's PDF was made (stream pdf-access-token-<SHA-256 of the "
        "token, hex>; the token itself is never written).",
        ({"tokenId": STRING, "formId": STRING, "readableId": STRING, "userId": STRING,
          "issuedAt": ref("instant"), "expiresAt": ref("instant")},
         ["tokenId", "formId", "readableId", "userId", "issuedAt", "expiresAt"])),
    "PdfAccessTokenUsed": (
        "A road-control link served the BSD's PDF to the client at address.",
        ({"tokenId": STRING, "formId": STRING, "at": ref("instant"), "address": STRING},
         ["tokenId", "formId", "at", "address"])),
    # Inspection (Sources/Inspection): stream `inspectors`, and `controls-<orgId>`.
    "InspectorGranted": (
        "A user may inspect from the networks listed, for the companies listed or all "
        "(no orgIds); a later grant replaces it.",
        ({"userId": STRING, "email": STRING, "name": STRING, "networks": {
            "type": "array", "items": STRING, "description": "CIDR networks, canonical."},
          "orgIds": {"type": "array", "items": STRING}, "at": ref("instant")},
         ["userId", "email", "name", "networks", "at"])),
    "InspectorRevoked": (
        "A user is no longer an inspector.",
        ({"userId": STRING, "at": ref("instant")}, ["userId", "at"])),
    "ControlRecorded": (
        "An inspector read data of the company orgId (one event per company concerned, "
        "sharing controlId).",
        ({"controlId": STRING, "orgId": STRING, "inspectorId": STRING,
          "inspectorEmail": STRING, "operation": STRING, "formId": STRING,
          "readableId": STRING, "from": ref("instant"), "to": ref("instant"),
          "remoteAddress": STRING, "requestId": STRING, "at": ref("instant")},
         ["controlId", "orgId", "inspectorId", "inspectorEmail", "operation",
          "remoteAddress", "requestId", "at"])),
    # Webhooks (Sources/Webhooks): streams `webhook-setting-<id>` and `webhook-directory`.
    "WebhookSettingCreated": (
        "A webhook setting was created (version 1: token and secret in clear, read only).",
        webhook_created(STRING)),
    "WebhookSettingUpdated": (
        "Some fields of a webhook setting changed (version 1: a new token in clear, read "
        "only).",
        webhook_updated(STRING)),
    "WebhookSettingDeleted": (
        "A webhook setting was deleted.",
        ({"settingId": STRING, "deletedBy": STRING, "at": ref("instant")},
         ["settingId", "deletedBy", "at"])),
    "WebhookEndpointDeactivated": (
        "The dispatcher turned an endpoint off for the delivery of the event at position.",
        ({"settingId": STRING, "reason": {"enum": ["GONE", "RETRIES_EXHAUSTED"]},
          "position": INT, "status": {"type": ["integer", "null"]}, "at": ref("instant")},
         ["settingId", "reason", "position", "status", "at"])),
    "WebhookSettingListed": (
        "The directory lists a webhook setting of company orgId.",
        ({"settingId": STRING, "orgId": STRING, "endpointUri": STRING},
         ["settingId", "orgId", "endpointUri"])),
    "WebhookSettingUnlisted": (
        "The directory no longer lists a webhook setting.",
        ({"settingId": STRING, "orgId": STRING}, ["settingId", "orgId"])),
}

# Later versions: (type, version) -> (description, shape). Never edit a published one.
LATER_EVENTS = {
    ("WebhookSettingCreated", 2): (
        "A webhook setting was created; its bearer token and whsec_ secret are sealed under "
        "the instance's key.",
        webhook_created(ref("sealed"))),
    ("WebhookSettingUpdated", 2): (
        "Some fields of a webhook setting changed; a new token is sealed under the "
        "instance's key.",
        webhook_updated(ref("sealed"))),
}

AT = 1772323200000000
SETTING = "019ae8f0-6b2a-7c41-9d3e-5f7a8b9c0d1e"


def sealed_example(seed, length):
    """A sealed credential's stored form: nonce (24) + tag (16) + `length` bytes, made up."""
    box = bytes((seed * 37 + i * 11) % 256 for i in range(24 + 16 + length))
    return {"sealed": base64.b64encode(box).decode("ascii"), "keyId": "5c2e9a0f13b7d468"}


ACTOR = {"userId": "user-1", "companyOrgId": "12345678000014"}
H = {"formId": "f1", "at": AT, "actor": ACTOR}
COMPANY = {"siret": "12345678000014", "name": "Producteur", "address": "1 rue A",
           "contact": "Jo", "phone": "0102030405", "mail": "jo@example.fr"}
CONTENT = {
    "emitter": {"type": "PRODUCER", "company": COMPANY},
    "recipient": {"company": {**COMPANY, "siret": "98765432100015"},
                  "processingOperation": "R 1", "cap": "CAP-1"},
    "transporters": [{"company": {**COMPANY, "siret": "55555555000014"}, "mode": "ROAD",
                      "numberPlates": ["AB-123-CD"]}],
    "wasteDetails": {"code": "16 01 07*", "name": "Filtres", "pop": False,
                     "isSubjectToADR": True, "onuCode": "UN 3175", "quantity": 1500000,
                     "quantityType": "REAL", "consistences": ["SOLID"],
                     "packagings": [{"type": "FUT", "quantity": 2}]},
}
RECEPTION_EX = {"receivedAt": AT, "receivedBy": "R", "signedAt": AT, "signedBy": "R",
                "acceptationStatus": "ACCEPTED", "quantityReceived": 1500000,
                "quantityRefused": 0}
PROCESSING_EX = {"operationDone": "R 1", "operationMode": "VALORISATION_ENERGETIQUE",
                 "processedBy": "O", "processedAt": AT}
EXAMPLES = {
    "ReadableIdReserved": {"year": 2026, "number": 1, "readableId": "TD-26-AAA00001",
                           "formId": "f1"},
    "FormCreated": {**H, "readableId": "TD-26-AAA00001", "content": CONTENT,
                    "draftReaderOrgIds": ["12345678000014"], "status": "DRAFT"},
    "FormUpdated": {**H, "changes": [{"path": "customId", "to": "INT-42"},
                                     {"path": "wasteDetails.quantity", "from": 1500000,
                                      "to": 2000000}]},
    "FormDeleted": {**H, "status": "DRAFT"},
    "FormSealed": {**H, "status": "SEALED"},
    "EmissionSigned": {**H, "signature": {"emittedAt": AT, "emittedBy": "E"},
                       "status": "SIGNED_BY_PRODUCER"},
    "TransportSigned": {**H, "signature": {"number": 1, "takenOverAt": AT, "takenOverBy": "T"},
                        "leg": "INITIAL", "status": "SENT"},
    "FormReceived": {**H, "reception": {"receivedAt": AT, "receivedBy": "R"},
                     "status": "RECEIVED"},
    "FormAccepted": {**H, "reception": RECEPTION_EX, "status": "ACCEPTED"},
    "FormTempStored": {**H, "reception": {"receivedAt": AT, "receivedBy": "R"},
                       "status": "TEMP_STORED"},
    "FormTempStorerAccepted": {**H, "reception": RECEPTION_EX, "status": "TEMP_STORER_ACCEPTED"},
    "FormProcessed": {**H, "processing": PROCESSING_EX, "status": "PROCESSED"},
    "FormResealed": {**H, "destination": {"company": COMPANY, "processingOperation": "R 1"},
                     "status": "RESEALED"},
    "TempStorerEmissionSigned": {**H, "signature": {"emittedAt": AT, "emittedBy": "S"},
                                 "status": "SIGNED_BY_TEMP_STORER"},
    "FormResent": {**H, "status": "RESENT"},
    "FormGrouped": {**H, "otherFormId": "f9", "quantity": 1500000, "status": "GROUPED"},
    "GroupedFormProcessed": {**H, "otherFormId": "f9", "status": "PROCESSED"},
    "FormUngrouped": {**H, "otherFormId": "f9", "quantity": 1500000,
                      "status": "AWAITING_GROUP"},
    "FormAttachedToAppendix1": {**H, "otherFormId": "f9"},
    "FormImportedFromPaper": {
        **H, "readableId": "TD-26-AAA00002", "content": CONTENT,
        "emission": {"emittedAt": AT, "emittedBy": "E"},
        "transport": {"number": 1, "takenOverAt": AT, "takenOverBy": "T"},
        "reception": RECEPTION_EX, "processing": PROCESSING_EX, "status": "PROCESSED"},
    "FormCanceled": {**H, "status": "CANCELED", "reason": "Revision approved"},
    "FormTransporterCreated": {
        "transporterId": "t1", "createdBy": ACTOR, "at": AT,
        "transporter": {"company": {**COMPANY, "siret": "55555555000014"}, "mode": "RAIL",
                        "readyToTakeOver": False}},
    "FormTransporterUpdated": {
        "transporterId": "t1", "updatedBy": ACTOR, "at": AT,
        "transporter": {"company": {**COMPANY, "siret": "55555555000014"}, "mode": "ROAD",
                        "numberPlates": ["AB-123-CD"]}},
    "FormTransporterDeleted": {"transporterId": "t1", "deletedBy": ACTOR, "at": AT},
    "PdfAccessTokenCreated": {
        "tokenId": "019ae8f0-6b2a-7c41-9d3e-5f7a8b9c0d1e", "formId": "f1",
        "readableId": "TD-26-AAA00001", "userId": "user-1", "issuedAt": AT,
        "expiresAt": AT + 1800000000},
    "PdfAccessTokenUsed": {
        "tokenId": "019ae8f0-6b2a-7c41-9d3e-5f7a8b9c0d1e", "formId": "f1",
        "at": AT + 60000000, "address": "192.0.2.10"},
    "InspectorGranted": {"userId": "user-9", "email": "ines@dreal.example", "name": "Inès",
                         "networks": ["10.0.0.0/8"], "orgIds": ["12345678000014"], "at": AT},
    "InspectorRevoked": {"userId": "user-9", "at": AT},
    "ControlRecorded": {
        "controlId": "c1", "orgId": "12345678000014", "inspectorId": "user-9",
        "inspectorEmail": "ines@dreal.example", "operation": "form", "formId": "f1",
        "readableId": "BSD-20261204-AAAAAAAAA", "remoteAddress": "10.1.2.3",
        "requestId": "r1", "at": AT},
    "WebhookSettingCreated": {
        "settingId": SETTING, "orgId": "12345678000014",
        "endpointUri": "https://hooks.example.fr/bsd", "token": "integrator-bearer-token-01",
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "activated": True,
        "payload": "THIN", "createdBy": "user-1", "at": AT},
    "WebhookSettingUpdated": {
        "settingId": SETTING, "changes": {"token": "integrator-bearer-token-02",
                                          "activated": False},
        "updatedBy": "user-1", "at": AT},
    "WebhookSettingDeleted": {"settingId": SETTING, "deletedBy": "user-1", "at": AT},
    "WebhookEndpointDeactivated": {"settingId": SETTING, "reason": "GONE", "position": 42,
                                   "status": 410, "at": AT},
    "WebhookSettingListed": {"settingId": SETTING, "orgId": "12345678000014",
                             "endpointUri": "https://hooks.example.fr/bsd"},
    "WebhookSettingUnlisted": {"settingId": SETTING, "orgId": "12345678000014"},
}

LATER_EXAMPLES = {
    ("WebhookSettingCreated", 2): {
        **EXAMPLES["WebhookSettingCreated"],
        "token": sealed_example(1, 26), "secret": sealed_example(2, 50)},
    ("WebhookSettingUpdated", 2): {
        **EXAMPLES["WebhookSettingUpdated"],
        "changes": {"token": sealed_example(3, 26), "activated": False}},
}


def reachable(node, found=None):
    """The names of the shared definitions `node` refers to, directly or not."""
    found = set() if found is None else found
    if isinstance(node, dict):
        target = node.get("$ref", "")
        if target.startswith("#/$defs/"):
            name = target[len("#/$defs/"):]
            if name not in found:
                found.add(name)
                reachable(DEFS[name], found)
        for value in node.values():
            reachable(value, found)
    elif isinstance(node, list):
        for value in node:
            reachable(value, found)
    return found


def write(name, version, description, shape, example):
    properties, required = shape
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://bsd-ledger.invalid/events/{name}/v{version}.schema.json",
        "title": f"{name} v{version}",
        "description": description,
        **obj(properties, required),
        "examples": [example],
        "$defs": {name: DEFS[name] for name in sorted(reachable(properties))},
    }
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"v{version}.schema.json"), "w", encoding="utf-8") as f:
        json.dump(schema, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    for name, (description, shape) in EVENTS.items():
        write(name, 1, description, shape, EXAMPLES[name])
    for (name, version), (description, shape) in LATER_EVENTS.items():
        write(name, version, description, shape, LATER_EXAMPLES[(name, version)])


if __name__ == "__main__":
    main()
