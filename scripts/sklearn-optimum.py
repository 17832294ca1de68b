#!/usr/bin/env python3
"""Fits scikit-learn's LogisticRegression to each case in
src/model/sklearn-optimum/cases.json on the data in circle.csv beside it,
and writes optimum.json there: the weights, bias and cost of each optimum,
for src/engine/sklearn-optimum.test.ts to train towards.

The playground's cost is  s·Σ loss_i + (λ/2)·‖w‖²,  s = 1 (sum) or 1/N (mean),
the bias unpenalised. scikit-learn minimises  C·Σ loss_i + ½·‖w‖²  (its
intercept unpenalised with lbfgs), which is the playground's cost divided by
λ when C = s/λ; with λ = 0 it is penalty=None. The cost recorded here is the
playground's, computed in float64 from the fitted weights.

Run once, with Debian's python3-sklearn (apt-get install python3-sklearn):
    npx tsx scripts/sklearn-data.ts > src/model/sklearn-optimum/circle.csv
    /usr/bin/python3 scripts/sklearn-optimum.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

HERE = pathlib.Path(__file__).resolve().parent.parent / "src" / "model" / "sklearn-optimum"

FEATURE_MAP = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}


def playground_cost(phi, t, w, b, scale, l2):
    z = phi @ w + b
    # −[t·log σ(z) + (1−t)·log(1−σ(z))] = log(1 + e^z) − t·z, stably.
    losses = np.logaddexp(0.0, z) - t * z
    return scale * losses.sum() + 0.5 * l2 * float(w @ w)


def playground_gradient(phi, t, w, b, scale, l2):
    y = 1.0 / (1.0 + np.exp(-(phi @ w + b)))
    r = y - t
    return scale * (phi.T @ r) + l2 * w, scale * r.sum()


def main():
    spec = json.loads((HERE / "cases.json").read_text())
    data = np.loadtxt(HERE / "circle.csv", delimiter=",", skiprows=1)
    x1, x2, t = data[:, 0], data[:, 1], data[:, 2]
    phi = np.column_stack([FEATURE_MAP[f](x1, x2) for f in spec["features"]])
    n = len(t)
    results = []
    for case in spec["cases"]:
        scale = 1.0 if case["reduction"] == "sum" else 1.0 / n
        l2 = case["l2"]
        if l2 > 0:
            model = LogisticRegression(C=scale / l2, solver="lbfgs", tol=1e-14, max_iter=100_000)
        else:
            model = LogisticRegression(penalty=None, solver="lbfgs", tol=1e-14, max_iter=100_000)
        model.fit(phi, t)
        w = model.coef_[0]
        b = float(model.intercept_[0])
        gw, gb = playground_gradient(phi, t, w, b, scale, l2)
        results.append(
            {
                "name": case["name"],
                "reduction": case["reduction"],
                "l2": l2,
                "weights": [float(v) for v in w],
                "bias": b,
                "cost": playground_cost(phi, t, w, b, scale, l2),
                "gradientNorm": float(np.sqrt(gw @ gw + gb * gb)),
            }
        )
    out = {
        "madeBy": "scripts/sklearn-optimum.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "features": spec["features"],
        "samples": n,
        "cases": results,
    }
    (HERE / "optimum.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
