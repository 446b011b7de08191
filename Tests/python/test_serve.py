"""The `serve` command as an operator runs it: a real process on loopback, stopped by SIGTERM."""
import http.client
import json
import re
import signal
import subprocess
import urllib.request
from urllib.parse import urlsplit


def start(binary, folder):
    child = subprocess.Popen([str(binary), "serve", "--listen", "127.0.0.1:0", "--data", str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, f"no URL in {line!r}"
    return child, f"http://127.0.0.1:{match.group(1)}"


def test_serve_answers_health_and_stops_cleanly_on_sigterm(ledger_binary, tmp_path):
    child, url = start(ledger_binary, tmp_path)
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=10) as response:
            assert response.status == 200
            assert json.load(response)["ledger"]["position"] == 0
        with urllib.request.urlopen(url + "/metrics", timeout=10) as response:
            assert b"bsd_ledger_head_position 0" in response.read()
    finally:
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=20)
    assert child.returncode == 0
    logs = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    messages = [entry["message"] for entry in logs]
    assert "Ledger opened" in messages and "Ledger closed" in messages
    assert messages.index("Ledger closed") > messages.index("Shutting down")
    assert all(entry["level"] in {"info", "debug", "warning", "error", "trace"} for entry in logs)
    verify = subprocess.run([str(ledger_binary), "verify", "--data", str(tmp_path)], capture_output=True)
    assert verify.returncode == 0


def test_serve_refuses_a_bad_listen_address(ledger_binary, tmp_path):
    result = subprocess.run([str(ledger_binary), "serve", "--listen", "nowhere", "--data", str(tmp_path)],
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 2
    assert "HOST:PORT" in result.stderr


def login_from(url, source, email, password):
    """A login mutation sent from loopback address `source`; returns the error codes, [] on success."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10,
                                            source_address=(source, 0))
    body = json.dumps({"query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
                       "variables": {"e": email, "p": password}})
    connection.request("POST", "/graphql", body, {"Content-Type": "application/json"})
    answer = json.loads(connection.getresponse().read())
    connection.close()
    return [error["extensions"]["code"] for error in answer.get("errors", [])]


def test_failing_logins_from_one_address_do_not_lock_the_owner_out_from_another(ledger_binary, tmp_path):
    child, url = start(ledger_binary, tmp_path)
    try:
        password = "a long passphrase, really"
        signup = json.dumps({"query": "mutation($u: SignupInput!) { signup(userInfos: $u) { id } }",
                             "variables": {"u": {"email": "owner@example.org", "password": password,
                                                 "name": "Owner"}}}).encode()
        request = urllib.request.Request(url + "/graphql", data=signup, method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert "errors" not in json.load(response)
        codes = [login_from(url, "127.0.0.1", "owner@example.org", "a wrong guess!!") for _ in range(11)]
        assert codes[:10] == [["UNAUTHENTICATED"]] * 10
        assert codes[10] == ["TOO_MANY_REQUESTS"]
        assert login_from(url, "127.0.0.1", "owner@example.org", password) == ["TOO_MANY_REQUESTS"]
        assert login_from(url, "127.0.0.2", "owner@example.org", password) == []
    finally:
        child.send_signal(signal.SIGTERM)
        child.communicate(timeout=20)
