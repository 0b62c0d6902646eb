"""scipy.sparse on a sparse `ebm-lens analyze` file, for the side-by-side timing
of docs/benchmarks.md (development only; not part of the tests).

    python3 bench/sparse_file_peer.py FILE.json

Reads {"states": n, "transitions": [[i, j, p], ...]} with json.load, builds
the CSR kernel (duplicates summed), then: the stationary law as the Perron
vector of P^T (ARPACK eigs, tol 1e-12) with max |mu P - mu|; the detailed
balance defect max |mu_i P_ij - mu_j P_ji|; lambda2 of the symmetrized kernel
(S + S^T) / 2, S = D^{1/2} P D^{-1/2}, by eigsh (k = 2, 'LA', tol 1e-10, as the
W6 reference), and its smallest eigenvalue (k = 1, 'SA', tol 1e-8), the
quantities and tolerances of `ebm-lens analyze`. Prints one JSON line; "seconds" covers everything after the
interpreter started (imports, reading and parsing the file included), as
`ebm-lens analyze FILE` is timed from the shell.
"""
import sys, time
t0 = time.perf_counter()
import json
import numpy as np, scipy.sparse as sp
from scipy.sparse.linalg import eigs, eigsh

with open(sys.argv[1]) as f:
    model = json.load(f)
n = model["states"]
T = np.array(model["transitions"], dtype=float)
del model
P = sp.coo_matrix((T[:, 2], (T[:, 0].astype(np.int64), T[:, 1].astype(np.int64))), shape=(n, n)).tocsr()
P.sum_duplicates()
del T
t_read = time.perf_counter() - t0
vals, vecs = eigs(P.T, k=1, which="LR", tol=1e-12)
mu = np.abs(vecs[:, 0].real)
mu /= mu.sum()
residual = float(np.abs(mu @ P - mu).max())
F = sp.diags(mu) @ P
defect = float(abs(F - F.T).max())
r = np.sqrt(mu)
S = sp.diags(r) @ P @ sp.diags(1 / r)
S = (S + S.T) / 2
lam = sorted(eigsh(S, k=2, which="LA", tol=1e-10, return_eigenvectors=False))
lam_min = float(eigsh(S, k=1, which="SA", tol=1e-8, return_eigenvectors=False)[0])
print(json.dumps({"n": n, "nnz": int(P.nnz), "lambda2": float(lam[0]), "gap": float(1 - lam[0]), "lambdaMin": lam_min, "residual": residual,
                  "balanceDefect": defect, "readSeconds": t_read, "seconds": time.perf_counter() - t0}))
