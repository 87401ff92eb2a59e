#!/usr/bin/env python3
"""Writes the lab-file fixtures of the monitoring module's tests (committed; rerun only on purpose).

Lab result files as Chinese laboratories send them: a title line above the header, Chinese or
English column names, CRLF line ends, UTF-8 or GBK, and every way of writing a non-detect
("<0.5", "ND", "未检出", "0.3L", "<LOQ", "DNQ", a qualifier column). The sites they name are
registered by the tests (result_importer_test.cpp): SZ-R01 river section (140602), SZ-R02
reservoir (140621), SZ-W01 treatment-plant effluent (140681), SZ-S01 soil (140603). The tests
run with the clock at 2026-11-29. bad_*.csv each hold one kind of bad input beside good rows;
the errors the importer must report are in bad_*.expected (rewritten by the test only with
NPGOV_UPDATE_GOLDEN=1, and then reviewed by hand).
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAB = "朔州市生态环境监测站（测试）"

ZH_HEADER = "点位编码,采样日期,采样时间,介质,CAS号,物质名称,检测结果,单位,检出限,定量限,分析方法,检测单位,空白,加标回收率(%),平行样相对偏差(%)"

ZH_ROWS = [
    f"SZ-R01,2024-03-12,09:30,地表水,335-67-1,全氟辛酸,12.6,ng/L,0.5,1.5,EPA 1633,{LAB},0.1,96,4.2",
    f"SZ-R01,2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,<0.5,ng/L,0.5,1.5,EPA 1633,{LAB},,,",
    f"SZ-R01,2024-03-12,09:30,地表水,723-46-6,磺胺甲噁唑,ND,ng/L,1.0,3.0,LC-MS/MS,{LAB},,102%,",
    f"SZ-R01,2024-03-12,09:30,地表水,80-05-7,双酚A,未检出,μg/L,0.005,0.015,HPLC-FLD,{LAB},,,",
    f"SZ-R01,2024-03-12,09:30,沉积物,335-67-1,全氟辛酸,0.82,μg/kg,0.05,0.15,EPA 1633,{LAB},,88,",
    f"SZ-R02,2024-03-13,10:00,水,298-46-4,卡马西平,<LOQ,ng/L,0.3,1.0,,{LAB},,,",
    f"SZ-R02,2024-03-13,10:00,水,85721-33-1,环丙沙星,DNQ,ng/L,2,6,LC-MS/MS,{LAB},,,",
    f"SZ-W01,2024-03-14,,废水,335-67-1,全氟辛酸,45.3,ng/L,0.5,1.5,EPA 1633,{LAB},,,",
    f'SZ-W01,2024-03-14,,废水,85721-33-1,环丙沙星,"1,250",ng/L,2,6,LC-MS/MS,{LAB},,,',
    f"SZ-S01,2024-03-15,,土壤,335-67-1,全氟辛酸,0.3L,μg/kg,0.3,1.0,EPA 1633,{LAB},,,",
    f"SZ-S01,2024-03-15,,土壤,1763-23-1,全氟辛烷磺酸,1.8,ng/g,0.3,1.0,EPA 1633,{LAB},,,",
    f"SZ-R01,2024-06-11,09:45,地表水,335-67-1,全氟辛酸,15.1,ng/L,0.5,1.5,EPA 1633,{LAB},,,",
]

EN_HEADER = "Site Code,Sampling Date,Medium,CAS No.,Analyte,Result,Qualifier,Units,MDL,LOQ,Method,Laboratory"
EN_ROWS = [
    "sz-r01,2024/9/10,water,335-67-1,PFOA,9.8,,ng/L,0.5,1.5,EPA 1633,Test Lab (synthetic)",
    "SZ-R01,2024/9/10,water,1763-23-1,PFOS,n.d.,,ng/L,0.5,1.5,EPA 1633,Test Lab (synthetic)",
    "SZ-R01,2024/9/10,water,80-05-7,Bisphenol A,0.9,J,ng/L,0.5,1.5,,Test Lab (synthetic)",
    "SZ-R01,2024/9/10,water,298-46-4,Carbamazepine,0.3,U,ng/L,0.3,1.0,,Test Lab (synthetic)",
]


def csv(header, rows, title=None):
    lines = ([title, ""] if title else []) + [header] + rows + [""]
    return "\r\n".join(lines)


def write_bad(name, rows, encoding="utf-8"):
    (HERE / name).write_bytes(csv(ZH_HEADER, rows).encode(encoding))


def main() -> None:
    text = csv(ZH_HEADER, ZH_ROWS, title="朔州市新污染物环境监测结果（2024 年，测试数据）")
    (HERE / "lab_results_utf8.csv").write_bytes(text.encode("utf-8"))
    (HERE / "lab_results_gbk.csv").write_bytes(text.encode("gbk"))
    (HERE / "lab_results_en.csv").write_bytes(csv(EN_HEADER, EN_ROWS).encode("utf-8"))
    good = ZH_ROWS[0]
    write_bad("bad_unit_medium.csv", [
        good,
        f"SZ-R01,2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,3.2,mg/kg,0.5,1.5,,{LAB},,,",
        f"SZ-S01,2024-03-15,,土壤,335-67-1,全氟辛酸,2.1,ng/L,0.3,1.0,,{LAB},,,",
        f"SZ-W01,2024-03-14,,废水,80-05-7,双酚A,5,kg,1,3,,{LAB},,,",
    ])
    write_bad("bad_detected_below_lod.csv", [
        good,
        f"SZ-R01,2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,0.2,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-S01,2024-03-15,,土壤,335-67-1,全氟辛酸,0.1,μg/kg,0.3,1.0,,{LAB},,,",
    ])
    write_bad("bad_negative.csv", [
        good,
        f"SZ-R01,2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,-0.3,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R02,2024-03-13,10:00,水,298-46-4,卡马西平,ND,ng/L,-0.3,1.0,,{LAB},,,",
        f"SZ-R02,2024-03-13,10:00,水,85721-33-1,环丙沙星,12,ng/L,2,6,,{LAB},,-5,",
    ])
    write_bad("bad_future_date.csv", [
        good,
        f"SZ-R01,2026-11-30,09:30,地表水,1763-23-1,全氟辛烷磺酸,3.1,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R02,2027-02-01,10:00,水,298-46-4,卡马西平,4.4,ng/L,0.3,1.0,,{LAB},,,",
    ])
    write_bad("bad_unknown_site.csv", [
        good,
        f"SZ-X99,2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,3.1,ng/L,0.5,1.5,,{LAB},,,",
        f",2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,3.1,ng/L,0.5,1.5,,{LAB},,,",
    ])
    write_bad("bad_cas.csv", [
        good,
        f"SZ-R01,2024-03-12,09:30,地表水,335-67-2,全氟辛酸,3.1,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R01,2024-03-12,09:30,地表水,PFOS,全氟辛烷磺酸,3.1,ng/L,0.5,1.5,,{LAB},,,",
    ])
    write_bad("bad_duplicates.csv", [
        good,
        f"SZ-R02,2024-03-13,10:00,水,298-46-4,卡马西平,4.4,ng/L,0.3,1.0,,{LAB},,,",
        f"sz-r01,2024/3/12,09:30,地表水,335-67-1,PFOA,12.9,ng/L,0.5,1.5,,{LAB},,,",
    ])
    # Everything at once, in GBK: every row's problems are listed together.
    write_bad("bad_all_gbk.csv", [
        good,
        f"SZ-R01,2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,3.2,mg/kg,0.5,1.5,,{LAB},,,",
        f"SZ-R01,2024-03-12,09:30,地表水,80-05-7,双酚A,0.2,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R01,2024-03-12,09:30,地表水,723-46-6,磺胺甲噁唑,-1,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R02,2027-02-01,10:00,水,298-46-4,卡马西平,4.4,ng/L,0.3,1.0,,{LAB},,,",
        f"SZ-X99,2024-03-12,09:30,地表水,1763-23-1,全氟辛烷磺酸,3.1,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R01,2024-03-12,09:30,地表水,335-67-2,全氟辛酸,3.1,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R01,2024-03-12,09:30,地表水,335-67-1,全氟辛酸,12.9,ng/L,0.5,1.5,,{LAB},,,",
        f"SZ-R02,2024-03-13,10:00,水,85721-33-1,环丙沙星,abc,ng/L,2,6,,{LAB},,,",
        f"SZ-R02,2024-03-13,10:00,水,80-05-7,双酚A,ND,ng/L,,,,{LAB},,,",
    ], encoding="gbk")


if __name__ == "__main__":
    main()
