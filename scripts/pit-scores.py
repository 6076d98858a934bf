#!/usr/bin/env python3
"""Per-class mutation scores from a PIT mutations.xml (default: spf-core/target/pit-reports/).

Killed counts KILLED and TIMED_OUT (and MEMORY_ERROR), as PIT does. With a second file, prints
both side by side (before, after). Usage: scripts/pit-scores.py [AFTER.xml] or BEFORE.xml AFTER.xml
"""
import collections
import os
import sys
import xml.etree.ElementTree as ET  # noqa: N817

KILLED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR"}


def parse(path):
    """The report's root; a report PIT is still writing is read up to its last whole mutation."""
    text = open(path, encoding="utf-8").read()
    try:
        return ET.fromstring(text)
    except ET.ParseError:
        end = text.rfind("</mutation>")
        start = text.find("<mutations")
        if start < 0:
            return ET.fromstring("<mutations/>")
        return ET.fromstring(text[start:end + len("</mutation>")] + "</mutations>" if end > 0
                             else "<mutations/>")


def scores(path):
    table = collections.defaultdict(collections.Counter)
    for mutation in parse(path).iter("mutation"):
        cls = mutation.findtext("mutatedClass").split("$")[0]
        status = mutation.get("status")
        row = table[cls]
        row["total"] += 1
        row["killed"] += status in KILLED
        row[status] += 1
    return table


def cell(row):
    if not row:
        return "-"
    return f"{row['killed']} / {row['total']} = {100 * row['killed'] // row['total']}%"


def main(args):
    paths = args or ["spf-core/target/pit-reports/mutations.xml"]
    missing = [p for p in paths if not os.path.isfile(p)]
    if missing:
        sys.exit("no PIT report at " + ", ".join(missing) + " (run the mutation profile first)")
    tables = [scores(p) for p in paths]
    classes = sorted(set().union(*tables), key=lambda c: (c.rsplit(".", 1)[0], c))
    header = "| class | " + " | ".join(paths) + " | survived | no coverage | timed out |"
    print(header)
    print("|---|" + "---:|" * (len(paths) + 3))
    for cls in classes:
        last = tables[-1].get(cls, collections.Counter())
        cells = " | ".join(cell(t.get(cls)) for t in tables)
        print(f"| `{cls.rsplit('.', 1)[1]}` | {cells} | {last['SURVIVED']} | "
              f"{last['NO_COVERAGE']} | {last['TIMED_OUT']} |")
    totals = []
    for t in tables:
        total = collections.Counter()
        for row in t.values():
            total.update(row)
        totals.append(total)
    print(f"| **all** | " + " | ".join(cell(t) for t in totals) + f" | {totals[-1]['SURVIVED']} | "
          f"{totals[-1]['NO_COVERAGE']} | {totals[-1]['TIMED_OUT']} |")
    if totals[-1]["total"]:
        print(f"\nscore {100 * totals[-1]['killed'] / totals[-1]['total']:.2f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
