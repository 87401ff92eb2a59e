#!/usr/bin/env python3
"""Baseline for bench/chem_classify_bench.sh: the plain Python RDKit loop.

For every SMILES of the input file: Chem.MolFromSmiles, then HasSubstructMatch for every SMARTS
of the rule file (rule patterns and exclusion patterns), one thread. It does less than npgov:
no composition conditions, no perfluoroalkyl sizing, no fragment choice, no reasons.

    chem_classify_py.py INPUT RULES_JSON
prints one line: molecules=N seconds=S molecules_per_second=R cpu_seconds=C
molecules_per_cpu_second=Q errors=E hits=H patterns=P rdkit=VERSION
"""
import json
import sys
import time

from rdkit import Chem, RDLogger, rdBase


def smarts_of(rules):
    out = []
    for rule in rules["rules"]:
        out += [p["smarts"] for p in rule.get("patterns", [])]
        for exclusion in rule.get("exclusions", []):
            out += [p["smarts"] for p in exclusion.get("patterns", [])]
    return out


def main():
    RDLogger.DisableLog("rdApp.*")
    with open(sys.argv[1], encoding="utf-8") as f:
        smiles = [line.split("\t", 1)[0] for line in f if line.strip()]
    with open(sys.argv[2], encoding="utf-8") as f:
        patterns = [Chem.MolFromSmarts(s) for s in smarts_of(json.load(f))]
    assert all(p is not None for p in patterns)
    errors = hits = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for s in smiles:
        mol = Chem.MolFromSmiles(s)
        if mol is None:
            errors += 1
            continue
        for p in patterns:
            if mol.HasSubstructMatch(p):
                hits += 1
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print(f"molecules={len(smiles)} seconds={seconds:.3f} molecules_per_second={len(smiles) / seconds:.0f} "
          f"cpu_seconds={cpu_seconds:.3f} molecules_per_cpu_second={len(smiles) / cpu_seconds:.0f} "
          f"errors={errors} hits={hits} patterns={len(patterns)} rdkit={rdBase.rdkitVersion}")


if __name__ == "__main__":
    main()
