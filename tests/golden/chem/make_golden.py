#!/usr/bin/env python3
"""Reference identifiers for npgov's chemistry engine, computed with Python RDKit.

Reads structures.csv (copied from shared/reference, sources kept) and extra_structures.csv
beside this script and writes, for every row with a SMILES:
- identifiers_golden.csv: RDKit canonical isomeric SMILES, Hill formula (CalcMolFormula),
  average molecular weight (Descriptors.MolWt), Wildman-Crippen logP (Crippen.MolLogP) and the
  number of fragments; checked by src/engines/chem/molecule_test.cpp;
- smarts_golden.csv: for every SMARTS of data/rules/structure_classes.json (rule and exclusion
  patterns, file order; listed in its header), the number of unique matches
  (GetSubstructMatches, maxMatches 1000); checked by src/engines/chem/smarts_test.cpp.

    make_golden.py           rewrite both files (on purpose only)
    make_golden.py --check   recompute and compare with the committed files; exit 1 on a
                             difference, 77 (skip) if RDKit is not importable
"""
import csv
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "..", "..", "data", "rules", "structure_classes.json")
GOLDEN = os.path.join(HERE, "identifiers_golden.csv")
SMARTS_GOLDEN = os.path.join(HERE, "smarts_golden.csv")
COLUMNS = ["input", "key", "smiles", "canonical_smiles", "formula", "molecular_weight",
           "crippen_logp", "components"]


def rows():
    with open(os.path.join(HERE, "structures.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["smiles"]:
                yield "structures.csv", r["cas"], r["smiles"]
    with open(os.path.join(HERE, "extra_structures.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            yield "extra_structures.csv", r["name"], r["smiles"]


def rule_smarts():
    import json
    with open(RULES, encoding="utf-8") as f:
        rules = json.load(f)
    out = []
    for rule in rules["rules"]:
        out += [p["smarts"] for p in rule.get("patterns", [])]
        for exclusion in rule.get("exclusions", []):
            out += [p["smarts"] for p in exclusion.get("patterns", [])]
    return out


def render_smarts():
    from rdkit import Chem, RDLogger
    RDLogger.DisableLog("rdApp.*")
    smarts = rule_smarts()
    patterns = [Chem.MolFromSmarts(s) for s in smarts]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["key", "smiles"] + smarts)
    for _, key, smiles in rows():
        mol = Chem.MolFromSmiles(smiles)
        writer.writerow([key, smiles] + [len(mol.GetSubstructMatches(p, maxMatches=1000)) for p in patterns])
    return out.getvalue()


def render():
    from rdkit import Chem, RDLogger
    from rdkit.Chem import Crippen, Descriptors, rdMolDescriptors
    RDLogger.DisableLog("rdApp.*")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for source, key, smiles in rows():
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            raise SystemExit(f"{source}: {key}: RDKit cannot parse {smiles}")
        writer.writerow([source, key, smiles, Chem.MolToSmiles(mol),
                         rdMolDescriptors.CalcMolFormula(mol),
                         f"{Descriptors.MolWt(mol):.4f}", f"{Crippen.MolLogP(mol):.4f}",
                         len(Chem.GetMolFrags(mol))])
    return out.getvalue()


def main():
    check = "--check" in sys.argv[1:]
    try:
        import rdkit  # noqa: F401
    except ImportError:
        print("make_golden: RDKit for Python is not installed (Debian python3-rdkit); skipped")
        return 77 if check else 1
    status = 0
    for path, text in ((GOLDEN, render()), (SMARTS_GOLDEN, render_smarts())):
        if not check:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            print(f"make_golden: wrote {path}")
            continue
        with open(path, encoding="utf-8", newline="") as f:
            committed = f.read()
        if committed == text:
            print(f"make_golden: {path} matches Python RDKit {rdkit.__version__}")
            continue
        status = 1
        for number, (a, b) in enumerate(zip(committed.splitlines(), text.splitlines()), 1):
            if a != b:
                print(f"make_golden: {path} line {number} differs\n  committed: {a}\n  computed:  {b}")
                break
        else:
            print(f"make_golden: {path}: the files differ in length")
    return status


if __name__ == "__main__":
    sys.exit(main())
