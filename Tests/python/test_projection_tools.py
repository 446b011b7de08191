"""Runs the projection tools of `bsd-ledger` as an operator would: generate a workload,
rebuild the projection (plain progress lines when not on a terminal), and print a BSD's
history."""
import re
import subprocess


def run(binary, *arguments):
    return subprocess.run([str(binary), *arguments], check=True, capture_output=True, text=True)


def test_rebuild_reports_progress_and_history_prints_every_event(ledger_binary, tmp_path):
    data = str(tmp_path / "data")
    run(ledger_binary, "generate", "--data", data, "--seed", "4", "--commands", "300",
        "--companies", "10", "--durability", "noSync")

    rebuilt = run(ledger_binary, "rebuild", "--data", data)
    progress = [line for line in rebuilt.stderr.splitlines() if line.startswith("rebuild forms:")]
    assert progress, rebuilt.stderr
    assert re.search(r"\d+/\d+ events, \d+ events/s, ETA \S+", progress[-1])
    assert "Projection rebuilt" in rebuilt.stderr
    events = int(re.search(r"rebuilt forms: (\d+) events", rebuilt.stdout).group(1))
    assert events > 300

    verified = run(ledger_binary, "rebuild", "--data", data, "--verify").stdout
    lines = [line for line in verified.splitlines() if line.startswith("verify ")]
    names = {line.split()[1].rstrip(":") for line in lines}
    assert names == {"state", "readable", "company", "status", "waste", "custom", "role",
                     "nextstep", "lifecycle", "register", "transporter"}
    assert all(line.endswith(" 0 differing") for line in lines)

    history = run(ledger_binary, "history", "TD-26-AAA00001", "--data", data).stdout.splitlines()
    assert history[0].startswith("TD-26-AAA00001  id ")
    count = int(history[1].split()[0])
    entries = [line for line in history if line.startswith("#")]
    assert len(entries) == count
    assert "FormCreated" in entries[0] or "FormImportedFromPaper" in entries[0]
    positions = [int(line.split()[0][1:]) for line in entries]
    assert positions == sorted(positions)

    unknown = subprocess.run([str(ledger_binary), "history", "TD-26-ZZZ99999", "--data", data],
                             capture_output=True, text=True)
    assert unknown.returncode == 1

    bad = subprocess.run([str(ledger_binary), "rebuild", "--data", data, "--projection", "nope"],
                         capture_output=True, text=True)
    assert bad.returncode == 2
