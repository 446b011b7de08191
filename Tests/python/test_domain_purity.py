"""The Domain module does no I/O: its only import is our CanonicalJSON module, and it
names none of the clock, file or process APIs that would let it reach outside."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "Sources" / "Domain").rglob("*.swift"))
FORBIDDEN = re.compile(
    r"\b(fopen|fread|fwrite|open\(|Date\(\)|clock_gettime|gettimeofday|FileManager|"
    r"ProcessInfo|getenv|URLSession|DispatchQueue|Thread\.)")


def test_domain_has_sources():
    assert len(SOURCES) > 40


def test_domain_imports_only_canonical_json():
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("import ") or line.startswith("@preconcurrency import "):
                assert line.split()[-1] == "CanonicalJSON", f"{path.name}: {line}"


def test_domain_calls_no_io_api():
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        match = FORBIDDEN.search(text)
        assert match is None, f"{path.name} uses {match.group(0)}"
