/**
 * The Leontief inverse (I − A)⁻¹ of a matrix of non-negative coefficients.
 *
 * Method: Leontief (1936/1986) input–output analysis; Miller & Blair (2009), "Input–Output Analysis:
 * Foundations and Extensions", 2nd ed., Cambridge University Press, §2.3–2.4: with A ≥ 0 the inverse
 * equals the power series I + A + A² + … exactly when the spectral radius ρ(A) < 1, and is then ≥ 0.
 *
 * Computation: Gauss–Jordan elimination with partial pivoting on I − A. The result is accepted only
 * with a certificate that ρ(A) < 1, the Collatz–Wielandt bound (Berman & Plemmons 1994, "Nonnegative
 * Matrices in the Mathematical Sciences", Ch. 2): for any x > 0, ρ(A) ≤ max_i (Ax)_i / x_i. Taking
 * x = (I − A)⁻¹·1 (which is ≥ 1 when the inverse is genuine) gives (Ax)_i / x_i = 1 − 1/x_i < 1. The
 * check recomputes Ax from A itself, so a singular or near-singular I − A (ρ ≥ 1, or within rounding
 * of 1), whose computed "inverse" has negative or meaningless entries, fails it and yields
 * NOT_CONVERGENT instead of numbers. Tiny negative entries left by rounding (the exact inverse is ≥ 0)
 * are set to 0.
 *
 * Negative coefficients are rejected (INVALID_INPUT): they have no input–output meaning and would void
 * the non-negativity argument above.
 */
import { checkMatrix } from "./matrix";
import { engineError, isEngineError, type EngineError } from "./result";

/**
 * Computes (I − A)⁻¹.
 *
 * @param a - square matrix of non-negative coefficients (a[i][j] = input from i per unit of j's output,
 *   or the share of j's outflow that goes to i)
 * @returns the inverse as a new matrix; INVALID_INPUT for bad shapes or values; NOT_CONVERGENT when
 *   the spectral radius of `a` is 1 or more (the series I + A + A² + … diverges)
 * @example
 * leontiefInverse([[0.5]])            // => [[2]]
 * leontiefInverse([[0, 1], [1, 0]])   // => NOT_CONVERGENT (spectral radius 1)
 */
export function leontiefInverse(a: readonly (readonly number[])[]): number[][] | EngineError {
  const A = checkMatrix("a", a, { square: true, nonNegative: true });
  if (isEngineError(A)) return A;
  const n = A.length;
  if (n === 0) return [];

  // Augmented [I − A | I], reduced in place to [I | X].
  const m: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) row[j] = (i === j ? 1 : 0) - A[i][j];
    row[n + i] = 1;
    m.push(row);
  }
  const notConvergent = engineError(
    "NOT_CONVERGENT",
    "leontiefInverse: the spectral radius of a is 1 or more, so (I − A) has no non-negative inverse",
  );
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (!(Math.abs(m[piv][c]) > 1e-300)) return notConvergent;
    if (piv !== c) [m[piv], m[c]] = [m[c], m[piv]];
    const pr = m[c];
    const inv = 1 / pr[c];
    // Columns left of c are already zero in every row but their own pivot's: start at c.
    for (let k = c; k < 2 * n; k++) pr[k] *= inv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r];
      const f = row[c];
      if (f === 0) continue;
      for (let k = c; k < 2 * n; k++) row[k] -= f * pr[k];
    }
  }

  const X: number[][] = [];
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const row = Array.from(m[i].subarray(n));
    for (const x of row) {
      if (!Number.isFinite(x)) return notConvergent;
      largest = Math.max(largest, Math.abs(x));
    }
    X.push(row);
  }
  // Rounding noise on entries whose exact value is 0 is tiny relative to the largest entry.
  const noise = 1e-9 * largest;
  for (const row of X) {
    for (let j = 0; j < n; j++) {
      if (row[j] < -noise) return notConvergent;
      if (row[j] < 0) row[j] = 0;
    }
  }

  // Collatz–Wielandt certificate with x = X·1.
  const x = X.map((row) => row.reduce((s, v) => s + v, 0));
  for (let i = 0; i < n; i++) {
    if (!(x[i] > 0)) return notConvergent;
    let ax = 0;
    for (let j = 0; j < n; j++) ax += A[i][j] * x[j];
    if (!(ax / x[i] < 1)) return notConvergent;
  }
  return X.map((row) => row.map((v) => (v === 0 ? 0 : v)));
}
