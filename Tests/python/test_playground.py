"""The playground a person opens in a browser at `/`."""
import re
import signal
import subprocess
import urllib.request


def test_playground_is_one_self_contained_page(ledger_binary, tmp_path):
    child = subprocess.Popen([str(ledger_binary), "serve", "--listen", "127.0.0.1:0", "--data", str(tmp_path)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = re.search(r":(\d+)/", child.stdout.readline()).group(1)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Accept": "text/html"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/html")
            page = response.read().decode()
        for element in ('id="query"', 'id="variables"', 'id="token"', 'id="run"', 'id="schema"'):
            assert element in page
        assert "__schema" in page and '"/graphql"' in page
        # Nothing fetched from elsewhere: no absolute URL, no external script or stylesheet.
        assert not re.search(r"(src|href)=\"?(https?:)?//", page)
        assert "https://" not in page and "http://" not in page
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=20)
