#!/usr/bin/env python3
"""Converts the conversion sheet of a UNSD HS correlation workbook into a concordance CSV.

Usage: convert.py WORKBOOK.xlsx OUTPUT.csv

UNSD's "...ConversionAndCorrelationTables.xlsx" workbooks have two sheets: a conversion sheet
(two columns, a code of the newer HS edition and the one code of the older edition UNSD converts
it to) and a correlation sheet (every pair of codes whose scopes overlap, with the relationship
1:1, n:1, 1:n or n:n). The conversion sheet maps each newer code to exactly one older code, so
every CSV row gets weight 1; a workbook where a code appears twice is refused rather than split
by a guess. The summary printed names how many codes the correlation sheet shows as split over
several older codes, for which the conversion is UNSD's approximation.

Only the Python standard library is used (an xlsx file is a zip of XML parts), so the script runs
wherever Python 3 does.
"""

import csv
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
HS6 = re.compile(r"\d{6}")


def shared_strings(book):
    root = ET.fromstring(book.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(MAIN + "t")) for si in root.findall(MAIN + "si")]


def sheet_parts(book):
    """Maps each sheet's name to its part in the zip, in workbook order."""
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    sheets = ET.fromstring(book.read("xl/workbook.xml")).find(MAIN + "sheets")
    return {s.get("name"): "xl/" + targets[s.get(REL + "id")] for s in sheets}


def cell_text(cell, strings):
    value = cell.find(MAIN + "v")
    if cell.get("t") == "s":
        return strings[int(value.text)]
    if cell.get("t") == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(MAIN + "t"))
    return value.text if value is not None else ""


def read_sheet(book, part, strings):
    """The sheet's rows as (row number, [cell texts of columns A, B, C, ...])."""
    rows = []
    for row in ET.fromstring(book.read(part)).iter(MAIN + "row"):
        cells = {}
        for cell in row.findall(MAIN + "c"):
            column = re.match(r"[A-Z]+", cell.get("r")).group()
            cells[column] = (cell_text(cell, strings) or "").strip()
        width = max((ord(c) - ord("A") + 1 for c in cells if len(c) == 1), default=0)
        rows.append((int(row.get("r")), [cells.get(chr(ord("A") + i), "") for i in range(width)]))
    return rows


def find_sheet(parts, word):
    names = [name for name in parts if word in name]
    if len(names) != 1:
        sys.exit(f"expected one sheet whose name has '{word}', found {names or 'none'}")
    return names[0]


def conversions(rows, sheet):
    """The (newer code, older code) pairs under the header row, checked."""
    header, data = rows[0], rows[1:]
    if len(header[1]) < 2 or not all(text.startswith(("From HS", "To HS")) for text in header[1][:2]):
        sys.exit(f"{sheet} row {header[0]}: unexpected header {header[1]}")
    pairs, seen = [], set()
    for number, cells in data:
        if len(cells) != 2 or not all(HS6.fullmatch(code) for code in cells):
            sys.exit(f"{sheet} row {number}: expected two 6-digit codes, found {cells}")
        if cells[0] in seen:
            sys.exit(f"{sheet} row {number}: {cells[0]} appears twice; the sheet gives no weights")
        seen.add(cells[0])
        pairs.append((cells[0], cells[1]))
    return pairs


def split_codes(rows):
    """The newer codes the correlation sheet pairs with more than one older code."""
    targets = {}
    for _, cells in rows:
        if len(cells) >= 3 and HS6.fullmatch(cells[0]) and HS6.fullmatch(cells[1]):
            targets.setdefault(cells[0], set()).add(cells[1])
    return {code for code, older in targets.items() if len(older) > 1}


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    with zipfile.ZipFile(argv[1]) as book:
        strings, parts = shared_strings(book), sheet_parts(book)
        conversion_sheet = find_sheet(parts, "Conversion")
        pairs = conversions(read_sheet(book, parts[conversion_sheet], strings), conversion_sheet)
        split = split_codes(read_sheet(book, parts[find_sheet(parts, "Correlation")], strings))
    with open(argv[2], "w", newline="", encoding="ascii") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["product_code", "group_code", "weight"])
        writer.writerows((newer, older, "1") for newer, older in pairs)
    approximate = sum(1 for newer, _ in pairs if newer in split)
    print(f"{argv[2]}: {len(pairs)} rows from sheet '{conversion_sheet}'; {approximate} codes "
          "are split over several older codes in the correlation sheet (approximate conversion)")


if __name__ == "__main__":
    main(sys.argv)
