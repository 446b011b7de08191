"""Reads registers written by `bsd-ledger register` back with standard tools: Python's csv
module and openpyxl, and checks the reference's formatting rules on every cell."""
import csv
import datetime
import re
import subprocess

import openpyxl

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TONNES = re.compile(r"^\d+\.\d{3}$")


def generate(binary, folder):
    out = subprocess.run(
        [str(binary), "generate", "--data", str(folder), "--seed", "21", "--commands", "600",
         "--companies", "25", "--durability", "noSync"],
        check=True, capture_output=True, text=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("companies: "))
    sirets = line[len("companies: "):].split(",")
    per_kind = len(sirets) // 5
    return sirets[2 * per_kind:3 * per_kind]  # the treatment plants


def export(binary, folder, siret, fmt, out):
    subprocess.run(
        [str(binary), "register", "--data", str(folder), "--siret", siret, "--type", "INCOMING",
         "--from", "2026-01-01", "--to", "2027-01-01", "--format", fmt, "--out", str(out)],
        check=True, capture_output=True)


def test_csv_and_xlsx_registers_hold_the_same_formatted_rows(ledger_binary, tmp_path):
    plants = generate(ledger_binary, tmp_path / "data")
    siret = plants[0]
    export(ledger_binary, tmp_path / "data", siret, "csv", tmp_path / "r.csv")
    export(ledger_binary, tmp_path / "data", siret, "xlsx", tmp_path / "r.xlsx")

    with open(tmp_path / "r.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert len(body) > 0
    column = {name: index for index, name in enumerate(header)}
    for row in body:
        assert len(row) == len(header)
        assert siret in row  # the destination, or the final one after temporary storage
        assert DATE.match(row[column["Date"]])
        assert row[column["Déchet dangereux"]] in ("O", "N")
        assert TONNES.match(row[column["Quantité (t)"]])
        for name in ("Code d'opération prévu", "Code d'opération réalisé"):
            assert " " not in row[column[name]]
        assert row[column["Transporteur mode"]] in ("Route", "Ferroviaire")
    dates = [row[column["Date"]] for row in body]
    assert dates == sorted(dates)

    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    cells = list(sheet.iter_rows(values_only=True))
    assert [str(value) for value in cells[0]] == header
    assert len(cells) - 1 == len(body)
    date_column = column["Date"] + 1
    quantity_column = column["Quantité (t)"] + 1
    for index, (csv_row, xlsx_row) in enumerate(zip(body, cells[1:]), start=2):
        date = xlsx_row[column["Date"]]
        assert isinstance(date, datetime.datetime)
        assert date.strftime("%Y-%m-%d") == csv_row[column["Date"]]
        assert sheet.cell(index, date_column).number_format == "yyyy-mm-dd"
        quantity = xlsx_row[column["Quantité (t)"]]
        assert f"{quantity:.3f}" == csv_row[column["Quantité (t)"]]
        assert sheet.cell(index, quantity_column).number_format == "0.000"
        for name in ("N° de bordereau", "Déchet dangereux", "Code d'opération prévu"):
            assert (xlsx_row[column[name]] or "") == csv_row[column[name]]
