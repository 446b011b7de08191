"""A running server with the companies and people of a BSD's life, for the BSDD API suites.

Everything goes through the public API over loopback: accounts with `signup` and `login`,
companies with `createCompany`, members with `inviteUserToCompany` (the invitee signs up
afterwards), personal access tokens with `createAccessToken`. Nothing is faked.
"""
import json
import re
import signal
import subprocess
import urllib.error
import urllib.request

PASSWORD = "correct horse battery staple"


def siret(seed: int) -> str:
    """A 14-digit SIRET passing the Luhn check, distinct for each seed."""
    body = f"{seed:013d}"
    for check in range(10):
        candidate = body + str(check)
        total = 0
        for index, char in enumerate(reversed(candidate)):
            digit = int(char)
            if index % 2 == 1:
                digit *= 2
                if digit > 9:
                    digit -= 9
            total += digit
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


class Server:
    """`bsd-ledger serve` on an ephemeral loopback port, stopped with SIGTERM."""

    def __init__(self, binary, folder, extra_args=()):
        self.child = subprocess.Popen(
            [str(binary), "serve", "--listen", "127.0.0.1:0", "--data", str(folder),
             "--requests-per-minute", "0", *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.child.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"no URL in {line!r}"
        self.url = f"http://127.0.0.1:{match.group(1)}/graphql"

    def stop(self):
        self.child.send_signal(signal.SIGTERM)
        self.child.wait(timeout=20)


def post(url, query, variables=None, token=None, headers=None):
    """POSTs one GraphQL request; returns (HTTP status, decoded body)."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/graphql-response+json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def codes(body):
    """The `extensions.code` of each error of a response body."""
    return [error.get("extensions", {}).get("code") for error in body.get("errors", [])]


def data(status_body):
    """The data of a successful response; fails the test with the errors otherwise."""
    status, body = status_body
    assert status == 200 and not body.get("errors"), f"{status}: {body}"
    return body["data"]


class Person:
    """One account, with a login token and a 40-character personal access token."""

    def __init__(self, url, email, name):
        self.url = url
        self.email = email
        data(post(url, "mutation($u: SignupInput!) { signup(userInfos: $u) { id } }",
                  {"u": {"email": email, "password": PASSWORD, "name": name}}))
        login = data(post(url, "mutation($e: String!, $p: String!) { login(email: $e, password: $p)"
                               " { token user { id } } }", {"e": email, "p": PASSWORD}))["login"]
        self.jwt = login["token"]
        self.id = login["user"]["id"]
        created = data(post(url, 'mutation { createAccessToken(input: {description: "ERP"}) '
                                 "{ id token } }", token=self.jwt))["createAccessToken"]
        self.token = created["token"]
        self.token_id = created["id"]

    def ask(self, query, variables=None, headers=None):
        return post(self.url, query, variables, token=self.token, headers=headers)

    def must(self, query, variables=None):
        return data(self.ask(query, variables))


class Company:
    """A registered company and the details a BSD names it with."""

    def __init__(self, admin, number, name, types, vat_number=None):
        # A foreign company is known by its VAT number alone (no SIRET).
        self.siret = None if vat_number else siret(number)
        self.vat_number = vat_number
        self.org_id = vat_number or self.siret
        self.name = name
        self.admin = admin
        identifier = {"vatNumber": vat_number} if vat_number else {"siret": self.siret}
        created = admin.must(
            "mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) "
            "{ securityCode } }",
            {"c": {**identifier, "companyName": name, "address": f"{number} rue du Port, Lyon",
                   "companyTypes": types}})
        self.security_code = int(created["createCompany"]["securityCode"])

    def add(self, url, email, name, role):
        self.admin.must("mutation($e: String!, $s: String!, $r: UserRole!) "
                        "{ inviteUserToCompany(email: $e, siret: $s, role: $r) { id } }",
                        {"e": email, "s": self.siret, "r": role})
        return Person(url, email, name)

    def input(self):
        identifier = ({"vatNumber": self.vat_number, "country": self.vat_number[:2]}
                      if self.vat_number else {"siret": self.siret})
        return {**identifier, "name": self.name, "address": "1 rue du Port, Lyon",
                "contact": "Camille", "phone": "0102030405", "mail": "contact@example.org"}

    def receipt(self):
        self.admin.must(
            "mutation($s: ID!, $r: ID) { updateCompany(id: $s, transporterReceiptId: $r) { id } }",
            {"s": self.siret, "r": self.admin.must(
                'mutation { createTransporterReceipt(input: {receiptNumber: "REC-1",'
                ' validityLimit: "2030-01-01", department: "69"}) { id } }')
                ["createTransporterReceipt"]["id"]})
