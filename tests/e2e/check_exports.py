"""Reads the CSV and JSON files the export test downloaded, as a Quality Section clerk's tools
would: Python's csv module (encoding utf-8-sig) and LibreOffice Calc headless (xlsx and back).

Usage: python3 check_exports.py FILES.json  — FILES.json maps "events", "roster", "summary",
"report" to downloaded paths and "workdir" to a scratch folder. Prints one JSON report.
"""

import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

# LibreOffice's CSV import options: comma, double quote, UTF-8, from line 1, and every column
# (up to 60) as Text so nothing is reinterpreted (dates, times, long numbers) on the way.
ALL_TEXT = "CSV:44,34,76,1," + "/".join(f"{n}/2" for n in range(1, 61))
# What a double-click import does: UTF-8, but types detected and formulas evaluated.
DEFAULT_IMPORT = "CSV:44,34,76"


def read_csv(path, encoding):
    with open(path, newline="", encoding=encoding) as handle:
        return list(csv.reader(handle))


def column(rows, name):
    index = rows[0].index(name)
    return [row[index] for row in rows[1:]]


def soffice(args, workdir):
    os.makedirs(workdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=workdir)
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def libreoffice_round_trip(path, workdir):
    """CSV -> xlsx -> CSV through LibreOffice; the rows before and after, and the xlsx path."""
    name = os.path.splitext(os.path.basename(path))[0]
    xlsx_dir = os.path.join(workdir, "xlsx")
    back_dir = os.path.join(workdir, "back")
    soffice([f"--infilter={ALL_TEXT}", "--convert-to", "xlsx", "--outdir", xlsx_dir, path], workdir)
    xlsx = os.path.join(xlsx_dir, name + ".xlsx")
    if not os.path.exists(xlsx):
        raise SystemExit(f"LibreOffice wrote no {xlsx}")
    soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", back_dir, xlsx], workdir)
    back = os.path.join(back_dir, name + ".csv")
    if not os.path.exists(back):
        raise SystemExit(f"LibreOffice wrote no {back}")
    original = read_csv(path, "utf-8-sig")
    returned = read_csv(back, "utf-8")
    differences = [
        {"row": r, "col": c, "before": a, "after": b}
        for r, (row_a, row_b) in enumerate(zip(original, returned))
        for c, (a, b) in enumerate(zip(row_a, row_b))
        if a != b
    ] + [
        {"row": r, "cells_before": len(row_a), "cells_after": len(row_b)}
        for r, (row_a, row_b) in enumerate(zip(original, returned))
        if len(row_a) != len(row_b)
    ]
    return {
        "rows_before": len(original),
        "rows_after": len(returned),
        "first_header_cell": returned[0][0],
        "differences": differences,
    }


def default_import(path, workdir):
    """How a plain double-click import stores the cells: formulas found, and the HYPERLINK text."""
    out = os.path.join(workdir, "default")
    soffice([f"--infilter={DEFAULT_IMPORT}", "--convert-to", "xlsx", "--outdir", out, path], workdir)
    xlsx = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".xlsx")
    with zipfile.ZipFile(xlsx) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    texts = [re.sub(r"&(quot|apos|amp);", lambda m: {"quot": '"', "apos": "'", "amp": "&"}[m.group(1)], t)
             for t in re.findall(r"<t[^>]*>([^<]*)</t>", strings)]
    return {
        "formulas": len(re.findall(r"<f[ >]", sheet)),
        "hyperlink_texts": [t for t in texts if "HYPERLINK" in t],
    }


def raw_facts(path):
    data = open(path, "rb").read()
    return {
        "bom": data.startswith(b"\xef\xbb\xbf"),
        "crlf_only": data.count(b"\n") == data.count(b"\r\n") and data.endswith(b"\r\n"),
    }


def main():
    files = json.load(open(sys.argv[1]))
    workdir = files["workdir"]
    report = {}

    events = read_csv(files["events"], "utf-8-sig")
    report["events"] = {
        **raw_facts(files["events"]),
        "header": events[0],
        "rows": len(events) - 1,
        "person_times": sum(int(v) for v in column(events, "参加活动人次")),
        "publicity_minutes": sum(int(v) for v in column(events, "宣传时长（分钟）")),
        "publicity_reports": sum(int(v) for v in column(events, "宣传报道数量")),
        "activities": column(events, "活动"),
        "places": column(events, "地点或平台"),
        "start_dates": column(events, "开始日期"),
    }

    roster = read_csv(files["roster"], "utf-8-sig")
    report["roster"] = {
        **raw_facts(files["roster"]),
        "header": roster[0],
        "names": column(roster, "姓名"),
        "phones": column(roster, "联系电话"),
        "event_ids": column(roster, "记录编号"),
    }

    summary = read_csv(files["summary"], "utf-8-sig")
    total = next(row for row in summary[1:] if row[0] == "合计")
    by_activity = [row for row in summary[1:] if row[0] == "按活动"]
    by_unit = [row for row in summary[1:] if row[0] == "按单位"]
    figures = lambda row: [int(v) for v in row[3:7]]
    report["summary"] = {
        **raw_facts(files["summary"]),
        "total": figures(total),
        "activity_rows": len(by_activity),
        "activity_sum": [sum(col) for col in zip(*(figures(r) for r in by_activity))],
        "unit_sum": [sum(col) for col in zip(*(figures(r) for r in by_unit))],
        "first_activity": by_activity[0][:3],
    }

    report["libreoffice"] = {
        table: libreoffice_round_trip(files[table], os.path.join(workdir, table))
        for table in ("events", "roster", "summary")
    }
    report["default_import"] = default_import(files["events"], os.path.join(workdir, "events"))
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
