#!/usr/bin/env python3
"""Independent reference for npgov's Level III fugacity engine (src/engines/fate).

Written from the model equations (Mackay 2001, Multimedia Environmental Models, 2nd ed., ch. 5
and 7; the EQC model of Mackay, Di Guardo, Paterson & Cowan 1996, Environ. Toxicol. Chem.
15:1627), not from the C++ code: Z values per phase, D values per process, then the 4 x 4 mass
balance assembled as a matrix and solved with numpy.linalg.solve (LU), where the engine uses
Mackay's elimination. Writes one row per (case, environment, quantity).

usage: level3_reference.py CASES_JSON ENV_JSON [ENV_JSON ...] OUT_CSV
"""
import csv
import json
import math
import sys

import numpy as np

R = 8.314          # Pa m3 / (mol K), as in Mackay (2001)
KOC_PER_KOW = 0.41 # Karickhoff (1981), EQC
AEROSOL_K = 6e6    # K_QA = 6e6 / P_L (Pa), Mackay (2001) ch. 5
DSF_R = 6.79       # Walden's rule, entropy of fusion / R
MEDIA = ["air", "water", "soil", "sediment"]


def env_values(path):
    doc = json.load(open(path, encoding="utf-8"))
    return doc["id"], {k: v["value"] for k, v in doc["parameters"].items()}


def van_t_hoff(dh_kj, t, t0):
    return math.exp(-(dh_kj * 1000.0 / R) * (1.0 / t - 1.0 / t0))


def solve(chem, emis, env):
    t = env["temperature_c"] + 273.15
    t0 = chem.get("data_temperature_c", 25.0) + 273.15
    m = chem["molar_mass_g_mol"]
    h = chem.get("henry_pa_m3_mol") or chem["vapour_pressure_pa"] * m / chem["water_solubility_g_m3"]
    kow = 10.0 ** chem["log_kow"]
    if abs(t - t0) > 1e-9:
        if chem.get("enthalpy_air_water_kj_mol") is not None:
            h *= van_t_hoff(chem["enthalpy_air_water_kj_mol"], t, t0)
        if chem.get("enthalpy_octanol_water_kj_mol") is not None:
            kow *= van_t_hoff(chem["enthalpy_octanol_water_kj_mol"], t, t0)
    koc = 10.0 ** chem["log_koc"] if chem.get("log_koc") is not None else KOC_PER_KOW * kow
    tm = chem.get("melting_point_c")
    fr = math.exp(DSF_R * (1.0 - (tm + 273.15) / t0)) if tm is not None and tm + 273.15 > t0 else 1.0
    p_liquid = chem["vapour_pressure_pa"] / fr

    z = {}
    z["air"] = 1.0 / (R * t)
    z["water"] = 1.0 / h
    z["aerosol"] = AEROSOL_K / p_liquid * z["air"]
    z["particles"] = koc * env["suspended_particles_organic_carbon_fraction"] * env["suspended_particles_density_kg_m3"] / 1000.0 * z["water"]
    z["fish"] = env["fish_lipid_fraction"] * kow * env["fish_density_kg_m3"] / 1000.0 * z["water"]
    z["soil_solids"] = koc * env["soil_organic_carbon_fraction"] * env["soil_solids_density_kg_m3"] / 1000.0 * z["water"]
    z["sediment_solids"] = koc * env["sediment_organic_carbon_fraction"] * env["sediment_solids_density_kg_m3"] / 1000.0 * z["water"]

    vq, vp, vf = env["aerosol_volume_fraction"], env["suspended_particles_volume_fraction"], env["fish_volume_fraction"]
    sa, sw = env["soil_air_volume_fraction"], env["soil_water_volume_fraction"]
    por = env["sediment_porosity"]
    zb = np.array([
        (1 - vq) * z["air"] + vq * z["aerosol"],
        (1 - vp - vf) * z["water"] + vp * z["particles"] + vf * z["fish"],
        sa * z["air"] + sw * z["water"] + (1 - sa - sw) * z["soil_solids"],
        por * z["water"] + (1 - por) * z["sediment_solids"],
    ])

    a_tot = env["total_area_m2"]
    a_w = a_tot * env["water_area_fraction"]
    a_s = a_tot - a_w
    vol = np.array([a_tot * env["air_height_m"], a_w * env["water_depth_m"], a_s * env["soil_depth_m"], a_w * env["sediment_depth_m"]])

    hl = chem["half_lives_h"]
    k = np.array([0.0 if hl[c] is None else math.log(2.0) / hl[c] for c in MEDIA])
    if abs(t - t0) > 1e-9 and chem.get("activation_energy_kj_mol") is not None:
        k = k * van_t_hoff(chem["activation_energy_kj_mol"], t, t0)
    d_react = k * vol * zb
    d_adv = np.array([vol[0] / env["air_residence_time_h"] * zb[0], vol[1] / env["water_residence_time_h"] * zb[1], 0.0,
                      env["sediment_burial_m_h"] * a_w * z["sediment_solids"]])

    def series(x, y):
        return 1.0 / (1.0 / x + 1.0 / y) if x > 0 and y > 0 else 0.0

    rain, q, uq = env["rain_rate_m_h"], env["scavenging_ratio"], env["aerosol_dry_deposition_velocity_m_h"]
    proc = {}  # (from, to) -> {process: D}
    d_vw = series(env["air_side_mtc_m_h"] * a_w * z["air"], env["water_side_mtc_m_h"] * a_w * z["water"])
    proc[("air", "water")] = {"diffusion": d_vw, "rain": rain * a_w * z["water"], "aerosol": (rain * q + uq) * a_w * vq * z["aerosol"]}
    proc[("water", "air")] = {"diffusion": d_vw}
    d_vs = series(env["soil_air_boundary_layer_mtc_m_h"] * a_s * z["air"],
                  env["soil_air_diffusion_mtc_m_h"] * a_s * z["air"] + env["soil_water_diffusion_mtc_m_h"] * a_s * z["water"])
    proc[("air", "soil")] = {"diffusion": d_vs, "rain": rain * a_s * z["water"], "aerosol": (rain * q + uq) * a_s * vq * z["aerosol"]}
    proc[("soil", "air")] = {"diffusion": d_vs}
    proc[("soil", "water")] = {"runoff": env["soil_water_runoff_m_h"] * a_s * z["water"],
                               "erosion": env["soil_solids_runoff_m_h"] * a_s * z["soil_solids"]}
    d_y = env["sediment_water_mtc_m_h"] * a_w * z["water"]
    proc[("water", "sediment")] = {"diffusion": d_y, "deposition": env["sediment_deposition_m_h"] * a_w * z["particles"]}
    proc[("sediment", "water")] = {"diffusion": d_y, "resuspension": env["sediment_resuspension_m_h"] * a_w * z["sediment_solids"]}
    d_tr = np.zeros((4, 4))
    for (src, dst), parts in proc.items():
        d_tr[MEDIA.index(src), MEDIA.index(dst)] = sum(parts.values())

    # Mass balance: outflow of i (reaction + advection + all transfers out) minus inflows from j.
    a = np.zeros((4, 4))
    for i in range(4):
        a[i, i] = d_react[i] + d_adv[i] + d_tr[i, :].sum()
        for j in range(4):
            if j != i:
                a[i, j] -= d_tr[j, i]
    mol_per_kg = 1000.0 / m
    e = np.array([emis.get("air", 0.0), emis.get("water", 0.0), emis.get("soil", 0.0), 0.0]) * mol_per_kg
    f = np.linalg.solve(a, e)

    out = {}
    kg = 1.0 / mol_per_kg
    amounts = f * zb * vol * kg
    total = amounts.sum()
    conc_g = f * zb * m
    soil_solids_kg_m3 = (1 - sa - sw) * env["soil_solids_density_kg_m3"]
    sed_solids_kg_m3 = (1 - por) * env["sediment_solids_density_kg_m3"]
    pec = [conc_g[0] * 1e9, conc_g[1] * 1e6, conc_g[2] / soil_solids_kg_m3 * 1e6, conc_g[3] / sed_solids_kg_m3 * 1e6]
    for i, c in enumerate(MEDIA):
        out["f_" + c] = f[i]
        out["z_bulk_" + c] = zb[i]
        out["amount_kg_" + c] = amounts[i]
        out["percent_" + c] = 100.0 * amounts[i] / total
        out["conc_g_m3_" + c] = conc_g[i]
        out["pec_" + c] = pec[i]
        out["reaction_kg_h_" + c] = d_react[i] * f[i] * kg
        out["advection_kg_h_" + c] = d_adv[i] * f[i] * kg
    for (src, dst), parts in proc.items():
        out["transfer_kg_h_%s_%s" % (src, dst)] = sum(parts.values()) * f[MEDIA.index(src)] * kg
    react = (d_react * f).sum() * kg
    adv = (d_adv * f).sum() * kg
    out["total_amount_kg"] = total
    out["residence_time_h"] = total / (e.sum() * kg)
    out["reaction_persistence_h"] = total / react
    out["advection_persistence_h"] = total / adv
    for name in ["air", "water", "aerosol", "particles", "fish", "soil_solids", "sediment_solids"]:
        out["z_" + name] = z[name]
    out["henry_pa_m3_mol"] = h
    out["koc_l_kg"] = koc
    out["fugacity_ratio"] = fr
    out["fraction_in_aerosol"] = vq * z["aerosol"] / zb[0]
    out["dissolved_ng_l"] = f[1] * z["water"] * m * 1e6
    out["particles_ug_kg"] = f[1] * z["particles"] * m / env["suspended_particles_density_kg_m3"] * 1e6
    out["fish_ug_kg"] = f[1] * z["fish"] * m / env["fish_density_kg_m3"] * 1e6
    out["sorbed_soil_ug_kg"] = f[2] * z["soil_solids"] * m / env["soil_solids_density_kg_m3"] * 1e6
    out["sorbed_sediment_ug_kg"] = f[3] * z["sediment_solids"] * m / env["sediment_solids_density_kg_m3"] * 1e6
    return out


def main(argv):
    cases = json.load(open(argv[1], encoding="utf-8"))["cases"]
    envs = [env_values(p) for p in argv[2:-1]]
    with open(argv[-1], "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["case", "environment", "quantity", "value"])
        for case in cases:
            for env_id, env in envs:
                values = solve(case["input"]["chemical"], case["input"]["emissions_kg_h"], env)
                for name in sorted(values):
                    w.writerow([case["id"], env_id, name, repr(float(values[name]))])


if __name__ == "__main__":
    main(sys.argv)
