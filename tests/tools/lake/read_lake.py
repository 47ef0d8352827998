#!/usr/bin/python3
"""An independent reader of a lake-sink directory (Debian python3-avro, gzip, json).

Usage: read_lake.py ROOT [--timestamps c1,c2] [--decimals c1,c2]
                        [--time-column C --dir-format STRFTIME]

Lists ROOT recursively as a data-lake reader does (names starting with '.' are skipped, files
and directories alike), reads every visible *.avro file with avro.datafile and every *.jsonl.gz
file with gzip + json, and prints one JSON object per row:
  {"file": relative path, "dir": its directory, "row": {...}, "expected_dir": ...}
Values are normalised so both formats compare equal: DECIMAL as its exact text, TIMESTAMP as
epoch milliseconds (JSON text in --timestamps columns is parsed), BYTES as base64. JSON numbers
are read exactly; in --decimals columns they are DECIMAL (their text), elsewhere DOUBLE/INT.
expected_dir is the event time of --time-column formatted with --dir-format in UTC (Python's
strftime: an oracle for the partition directory independent of the runtime).
The last line is {"files": N, "codecs": [...]}. Any unreadable file is an error (exit 1).
"""
import base64
import datetime
import decimal
import gzip
import json
import os
import sys

import avro.datafile
import avro.io

UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)


def norm(v, is_ts=False, is_dec=False):
    if v is None:
        return None
    if isinstance(v, decimal.Decimal) and not is_dec:
        return float(v)
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=UTC)
        d = v - EPOCH
        return (d.days * 86400 + d.seconds) * 1000 + d.microseconds // 1000
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, bytes):
        return base64.b64encode(v).decode("ascii")
    if is_ts and isinstance(v, str):
        t = datetime.datetime.strptime(v, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
        return norm(t)
    return v


def rows_of(path):
    if path.endswith(".avro"):
        with open(path, "rb") as f:
            r = avro.datafile.DataFileReader(f, avro.io.DatumReader())
            codec = r.meta.get("avro.codec", b"null").decode()
            out = list(r)
            r.close()
            return out, "avro/" + codec
    if path.endswith(".jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            text = f.read()
        if text and not text.endswith("\n"):
            raise ValueError("last line without newline")
        return [json.loads(l, parse_float=decimal.Decimal) for l in text.splitlines()], "gzip"
    raise ValueError("unexpected file")


def main():
    args = sys.argv[1:]
    root = args[0]
    opts = dict(zip(args[1::2], args[2::2]))
    ts_cols = set(filter(None, opts.get("--timestamps", "").split(",")))
    dec_cols = set(filter(None, opts.get("--decimals", "").split(",")))
    time_col = opts.get("--time-column")
    dir_format = opts.get("--dir-format")
    files = 0
    codecs = set()
    for d, dirs, names in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = os.path.join(d, name)
            rel = os.path.relpath(path, root)
            try:
                rows, codec = rows_of(path)
            except Exception as e:  # noqa: BLE001 - report which file is broken
                print(json.dumps({"error": rel + ": " + repr(e)}))
                sys.exit(1)
            files += 1
            codecs.add(codec)
            for row in rows:
                out = {}
                for k, v in row.items():
                    # Avro decimals are Decimal by their logical type whatever the option says.
                    is_dec = k in dec_cols or (isinstance(v, decimal.Decimal) and rel.endswith(".avro"))
                    out[k] = norm(v, k in ts_cols, is_dec)
                rec = {"file": rel, "dir": os.path.dirname(rel), "row": out}
                if time_col and dir_format:
                    t = EPOCH + datetime.timedelta(milliseconds=out[time_col])
                    rec["expected_dir"] = t.strftime(dir_format)
                print(json.dumps(rec, sort_keys=True))
    print(json.dumps({"files": files, "codecs": sorted(codecs)}))


if __name__ == "__main__":
    main()
