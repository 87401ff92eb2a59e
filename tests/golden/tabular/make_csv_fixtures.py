#!/usr/bin/env python3
"""Writes the CSV fixtures of the tabular engine's tests (committed; rerun only on purpose).

The same survey in the encodings Chinese offices export: UTF-8 (Excel "CSV UTF-8" adds a BOM),
and GBK (Excel "CSV" on a Chinese Windows). Each has a title line above the header, blank
lines, CRLF line ends, a quoted field with a line break, full-width digits and commas, and a
ragged line. gbk_invalid.csv has a byte on line 4 that is neither UTF-8 nor GBK.
Expected readings are in *.expected beside this file.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent

LINES = [
    "2023年朔州市化学物质调查（演示）",
    "",
    "序号,企业名称,ＣＡＳ号,年用量（吨）,备注",
    "1,朔州市某化工有限公司（演示）,335-67-1,\"1,234.5\",",
    ",,,,",
    "2,\"朔州市某制药\n有限公司（演示）\",２５６３７－９９－４,１２３，４,\"含\"\"引号\"\"\"",
    "3, 怀仁市某农药厂（演示） ,58-89-9,0.001",
    "",
]


def main() -> None:
    text = "\r\n".join(LINES)
    (HERE / "survey_utf8.csv").write_bytes(text.encode("utf-8"))
    (HERE / "survey_utf8_bom.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (HERE / "survey_gbk.csv").write_bytes(text.encode("gbk"))
    bad = "\r\n".join(["名称,数量", "朔州,1", "怀仁,2"]).encode("gbk") + b"\r\n\xff\xfe,3\r\n"
    (HERE / "gbk_invalid.csv").write_bytes(bad)


if __name__ == "__main__":
    main()
