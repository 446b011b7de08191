#!/usr/bin/env python3
"""Setup and check of the mutation mix of `tools/bench http` (standard library only).

    mutation_mix.py setup URL CONFIG.lua
        signs a user up, logs in, creates a producer, a transporter (with its receipt) and a
        recipient, the user being ADMIN of all three, and writes the config block that
        tools/bench.d/mutation-mix.lua expects (token and request bodies), pacing left to the
        caller. Prints the producer's SIRET.
    mutation_mix.py check URL TOKEN SIRET SLACK CREATED SEALED SIGNED_EMISSION SIGNED_TRANSPORT
        counts the producer's BSDs in each status by paging `forms`, and checks the BSDs that
        went through each step (created: all; sealed: SEALED and beyond; and so on) against
        the successful mutations wrk counted, every run added up. A mutation still in flight
        when a wrk run stops may have committed without its answer being counted, so each step
        may have up to SLACK more (the connections times the runs), never fewer. Prints the
        counts; exits 1 on a mismatch or when nothing was SENT.
"""
import json
import sys
import urllib.request

PASSWORD = "bench passphrase, long enough"
EMAIL = "mix@bench.example"


def luhn_siret(seed):
    """Thirteen digits from `seed` and the check digit that makes the Luhn sum a multiple of 10."""
    digits = [int(c) for c in f"{seed:013d}"]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        # Once the check digit is appended, these digits sit at odd places from the right.
        if position % 2 == 0:
            digit = digit * 2 - 9 if digit >= 5 else digit * 2
        total += digit
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def ask(url, query, variables=None, token=None):
    """POSTs one GraphQL request and returns its data; exits with the body on any error."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=60) as answer:
        decoded = json.loads(answer.read())
    if decoded.get("errors") or "data" not in decoded:
        sys.exit(f"bench: GraphQL errors during the mix setup or check: {decoded}")
    return decoded["data"]


def company(url, token, seed, name, types):
    """Creates one company through createCompany and returns its BSD input."""
    siret = luhn_siret(seed)
    ask(url, "mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { id } }",
        {"c": {"siret": siret, "companyName": name, "address": f"{seed} quai du Banc, Nantes",
               "companyTypes": types}}, token)
    return {"siret": siret, "name": name, "address": f"{seed} quai du Banc, Nantes",
            "contact": "Bench", "phone": "0240000000", "mail": "mix@bench.example"}


def lua_string(text):
    """`text` as a Lua long string that cannot close early."""
    level = "=" * 4
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def setup(url, config_path):
    """Prepares the world and writes the Lua config block."""
    ask(url, "mutation($u: SignupInput!) { signup(userInfos: $u) { id } }",
        {"u": {"email": EMAIL, "password": PASSWORD, "name": "Mix Bench"}})
    token = ask(url, "mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
                "{ token } }", {"e": EMAIL, "p": PASSWORD})["login"]["token"]
    producer = company(url, token, 7_001, "Bench Producteur", ["PRODUCER"])
    transporter = company(url, token, 7_002, "Bench Transports", ["TRANSPORTER"])
    recipient = company(url, token, 7_003, "Bench Traitement", ["WASTEPROCESSOR"])
    receipt = ask(url, 'mutation { createTransporterReceipt(input: {receiptNumber: "BENCH-1", '
                  'validityLimit: "2031-01-01", department: "44"}) { id } }',
                  token=token)["createTransporterReceipt"]["id"]
    ask(url, "mutation($s: ID!, $r: ID) { updateCompany(id: $s, transporterReceiptId: $r) "
        "{ id } }", {"s": transporter["siret"], "r": receipt}, token)
    content = {
        "customId": "mix",
        "emitter": {"type": "PRODUCER", "company": producer},
        "recipient": {"company": recipient, "processingOperation": "R 1", "cap": "CAP-MIX"},
        "transporter": {"company": transporter, "numberPlate": "GH-456-JK", "mode": "ROAD"},
        "wasteDetails": {
            "code": "13 02 05*", "name": "Huiles moteur usagées", "pop": False,
            "isSubjectToADR": True, "onuCode": "UN 1202, 3, III", "quantity": 0.8,
            "quantityType": "ESTIMATED", "consistence": ["LIQUID"],
            "packagingInfos": [{"type": "FUT", "quantity": 4}]},
    }
    steps = {
        "markAsSealed": ("mutation($id: ID!) { markAsSealed(id: $id) { id status } }", {}),
        "signEmissionForm": (
            "mutation($id: ID!, $i: SignEmissionFormInput!) "
            "{ signEmissionForm(id: $id, input: $i) { id status } }",
            {"i": {"emittedAt": "2026-04-02T07:30:00Z", "emittedBy": "Mix Bench",
                   "quantity": 0.8}}),
        "signTransportForm": (
            "mutation($id: ID!, $i: SignTransportFormInput!) "
            "{ signTransportForm(id: $id, input: $i) { id status } }",
            {"i": {"takenOverAt": "2026-04-02T08:15:00Z", "takenOverBy": "Mix Bench",
                   "transporterNumberPlate": "GH-456-JK"}}),
    }
    create = json.dumps({
        "query": "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) "
                 "{ id status } }",
        "variables": {"i": content}}, separators=(",", ":"))
    lines = [f"token = {lua_string(token)}", "bodies = {", f"    createForm = {lua_string(create)},"]
    for field, (query, variables) in steps.items():
        marker = "@@ID@@"
        text = json.dumps({"query": query, "variables": {"id": marker, **variables}},
                          separators=(",", ":"))
        before, after = text.split(marker)
        lines.append(f"    {field} = {{ {lua_string(before)}, {lua_string(after)} }},")
    lines.append("}")
    with open(config_path, "w") as config:
        config.write("\n".join(lines) + "\n")
    print(producer["siret"], token)


def count(url, token, siret, status):
    """The producer's BSDs in `status`, paging `forms` 100 at a time."""
    total, cursor = 0, None
    while True:
        page = ask(url, "query($s: String, $t: [FormStatus!], $c: ID) { forms(siret: $s, "
                   "status: $t, first: 100, cursorAfter: $c) { id } }",
                   {"s": siret, "t": [status], "c": cursor}, token)["forms"]
        total += len(page)
        if len(page) < 100:
            return total
        cursor = page[-1]["id"]


def check(url, token, siret, slack, counted):
    """Compares the BSDs past each step with wrk's counts; exits 1 on a mismatch."""
    statuses = ["DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT"]
    found = [count(url, token, siret, status) for status in statuses]
    print(" ".join(f"{status}={number}" for status, number in zip(statuses, found)))
    steps = ["created", "sealed", "signed emission", "signed transport"]
    for index, step in enumerate(steps):
        past = sum(found[index:])
        if not counted[index] <= past <= counted[index] + slack:
            sys.exit(f"bench: {past} BSDs {step} in the projection, wrk counted "
                     f"{counted[index]} (at most {slack} more may have been in flight)")
    if found[-1] == 0:
        sys.exit("bench: no BSD reached SENT")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "setup":
        setup(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 10 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]),
              [int(number) for number in sys.argv[6:]])
    else:
        sys.exit(__doc__)
