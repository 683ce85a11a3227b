package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.hipparchus.CalculusFieldElement;

/**
 * A separable sum of Huber terms plus an optional quadratic:
 *
 * <pre>f(x) = (q/2) ||x||^2 + sum_k a_k psi_{delta_k}(x_{i_k} - c_k),
 * psi_delta(r) = r^2/2 for |r| &lt;= delta,  delta |r| - delta^2/2 otherwise.</pre>
 *
 * A term has curvature a_k on its kink interval |r| &lt; delta_k and slope a_k delta_k outside it
 * (the Huber function of Drori &amp; Teboulle 2014, sec. 3, is one term with a = L). A term with
 * a_k &gt; 0 is convex; a term with a_k &lt; 0 is a concave "dip", which makes f non-convex.
 *
 * <p><b>Certificate</b>, computed in exact rational arithmetic from the stored doubles (every
 * double is a finite binary fraction), so it is the truth about the function these doubles
 * define:
 * <ul>
 *   <li>f'' is piecewise constant per coordinate: q plus the a_k of the terms whose open kink
 *       interval contains the point. L = the largest |f''| over all pieces, EXACT when that sum
 *       is a double, otherwise rounded up to the next double and marked BOUND.</li>
 *   <li>mu = the smallest f'' over all pieces (q for a convex sum: far from every kink only the
 *       quadratic remains), EXACT or rounded down (BOUND); absent when it is negative, and then
 *       convex = false with the most negative curvature in the note.</li>
 *   <li>x*: per coordinate, f' is piecewise linear; every root on every piece (and every flat
 *       zero piece) is a stationary point, and the global minimizers are those with the least
 *       exact value. They are computed in 200-digit decimal arithmetic (exact except for one
 *       division), and the certificate's x* is their rounding to double (EXACT when no rounding
 *       happened, else ROUNDED). Where minimizers are not unique (a flat bottom, or tied
 *       minima of a non-convex sum), {@link #nearestMinimizer} gives the one nearest a start.</li>
 *   <li>f* likewise: the exact minimum, EXACT or ROUNDED to double.</li>
 * </ul>
 *
 * <p>NaN or infinite arguments propagate (NaN in, NaN out). Wrong lengths throw
 * {@link IllegalArgumentException}. Immutable.
 */
public final class CenteredHuberSum implements Objective, FieldFormula.Source {

    /** Precision of the exact minimizer computation (one division per root). */
    static final MathContext MC = new MathContext(200, RoundingMode.HALF_EVEN);

    /**
     * One Huber term a psi_delta(x_i - c).
     *
     * @param coordinate i
     * @param curvature a (nonzero; negative for a dip)
     * @param kink delta &gt; 0
     * @param centre c
     */
    public record Term(int coordinate, double curvature, double kink, double centre) {
        public Term {
            if (!(kink > 0)
                    || !Double.isFinite(kink)
                    || !Double.isFinite(curvature)
                    || curvature == 0
                    || !Double.isFinite(centre)) {
                throw new IllegalArgumentException("a Huber term needs finite a != 0, delta > 0 and c, got a = "
                        + curvature + ", delta = " + kink + ", c = " + centre);
            }
        }
    }

    /** The minimizers of one coordinate: closed intervals [lo, hi] (lo = hi for a point). */
    private record Interval(BigDecimal lo, BigDecimal hi) {}

    private final int d;
    private final double q;
    private final Term[] terms;
    private final List<List<Interval>> minimizers;
    private final BigDecimal fStarExact;
    private final double minCurvature;
    private final Certificate certificate;

    /**
     * @param d dimension &gt;= 1
     * @param q the quadratic's curvature, finite and &gt;= 0
     * @param terms at least one term per coordinate when q = 0
     * @throws IllegalArgumentException on bad input, or when f is unbounded below (q = 0 and
     *     the outer slopes of some coordinate do not point up)
     */
    public CenteredHuberSum(int d, double q, List<Term> terms) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + d);
        }
        if (!(q >= 0) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("q must be finite and >= 0, got " + q);
        }
        this.d = d;
        this.q = q;
        this.terms = terms.toArray(new Term[0]);
        for (Term t : this.terms) {
            if (t.coordinate() < 0 || t.coordinate() >= d) {
                throw new IllegalArgumentException("term coordinate " + t.coordinate() + " outside 0.." + (d - 1));
            }
        }
        BigDecimal lMax = BigDecimal.ZERO;
        BigDecimal cMin = null;
        BigDecimal fs = BigDecimal.ZERO;
        List<List<Interval>> mins = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            Coordinate c = new Coordinate(i);
            lMax = lMax.max(c.maxCurvature.abs()).max(c.minCurvature.abs());
            cMin = cMin == null ? c.minCurvature : cMin.min(c.minCurvature);
            fs = fs.add(c.minValue);
            mins.add(c.minimizers);
        }
        this.minimizers = List.copyOf(mins);
        this.fStarExact = fs;
        double lD = lMax.doubleValue();
        boolean lExact = new BigDecimal(lD).compareTo(lMax) == 0;
        if (!lExact && new BigDecimal(lD).compareTo(lMax) < 0) {
            lD = Math.nextUp(lD);
        }
        Certificate cert = Certificate.none()
                .withL(
                        lD,
                        lExact ? Exactness.EXACT : Exactness.BOUND,
                        "largest |f''| over the pieces, from the stored constants");
        double mD = cMin.doubleValue();
        if (new BigDecimal(mD).compareTo(cMin) > 0) {
            mD = Math.nextDown(mD);
        }
        this.minCurvature = mD;
        boolean mExact = new BigDecimal(mD).compareTo(cMin) == 0;
        if (cMin.signum() >= 0) {
            cert = cert.withConvex(true)
                    .withMu(mD, mExact ? Exactness.EXACT : Exactness.BOUND, "smallest f'' over the pieces");
        } else {
            cert = cert.withConvex(false, "smallest f'' = " + Num.fmt(mD) + " < 0 (a dip)");
        }
        double[] xs = new double[d];
        boolean xExact = true;
        boolean unique = true;
        for (int i = 0; i < d; i++) {
            Interval first = minimizers.get(i).get(0);
            xs[i] = first.lo().doubleValue();
            xExact &= new BigDecimal(xs[i]).compareTo(first.lo()) == 0;
            unique &= minimizers.get(i).size() == 1 && first.lo().compareTo(first.hi()) == 0;
        }
        double fsD = fs.doubleValue();
        boolean fExact = new BigDecimal(fsD).compareTo(fs) == 0;
        cert = cert.withXStar(
                        xs,
                        xExact ? Exactness.EXACT : Exactness.ROUNDED,
                        unique
                                ? "exact root of f', rounded to double"
                                : "one of several minimizers; see nearestMinimizer")
                .withFStar(fsD, fExact ? Exactness.EXACT : Exactness.ROUNDED, "exact minimum rounded to double")
                .withFLow(fExact ? fsD : Math.nextDown(fsD), fExact ? Exactness.EXACT : Exactness.BOUND);
        this.certificate = cert;
    }

    /** Per-coordinate analysis: curvature range, exact minimizers and minimum. */
    private final class Coordinate {
        BigDecimal maxCurvature;
        BigDecimal minCurvature;
        List<Interval> minimizers = new ArrayList<>();
        BigDecimal minValue;

        Coordinate(int i) {
            List<Term> ts = new ArrayList<>();
            for (Term t : terms) {
                if (t.coordinate() == i) {
                    ts.add(t);
                }
            }
            BigDecimal qb = new BigDecimal(q);
            TreeSet<BigDecimal> bp = new TreeSet<>();
            for (Term t : ts) {
                BigDecimal c = new BigDecimal(t.centre());
                BigDecimal dl = new BigDecimal(t.kink());
                bp.add(c.subtract(dl));
                bp.add(c.add(dl));
            }
            List<BigDecimal> p = new ArrayList<>(bp);
            // Pieces: (-inf, p0], [p0, p1], ..., [p_last, +inf). On each, f' = S x + C.
            maxCurvature = qb;
            minCurvature = qb;
            List<BigDecimal[]> candidates = new ArrayList<>(); // {lo, hi}
            for (int j = -1; j < p.size(); j++) {
                BigDecimal lo = j < 0 ? null : p.get(j);
                BigDecimal hi = j + 1 < p.size() ? p.get(j + 1) : null;
                BigDecimal s = qb;
                BigDecimal cc = BigDecimal.ZERO;
                for (Term t : ts) {
                    BigDecimal a = new BigDecimal(t.curvature());
                    BigDecimal c = new BigDecimal(t.centre());
                    BigDecimal dl = new BigDecimal(t.kink());
                    int side = side(lo, hi, c.subtract(dl), c.add(dl));
                    if (side == 0) { // inside the kink interval: a (x - c)
                        s = s.add(a);
                        cc = cc.subtract(a.multiply(c));
                    } else { // outside: +-a delta
                        cc = cc.add(a.multiply(dl).multiply(BigDecimal.valueOf(side)));
                    }
                }
                if (lo != null && hi != null) {
                    maxCurvature = maxCurvature.max(s);
                    minCurvature = minCurvature.min(s);
                }
                if (s.signum() == 0) {
                    if (cc.signum() == 0) {
                        if (lo == null || hi == null) {
                            throw new IllegalArgumentException("coordinate " + i + ": f is flat to infinity");
                        }
                        candidates.add(new BigDecimal[] {lo, hi});
                    } else if (lo == null && cc.signum() > 0 || hi == null && cc.signum() < 0) {
                        throw new IllegalArgumentException(
                                "coordinate " + i + ": f is unbounded below (outer slope " + cc + ")");
                    }
                    continue;
                }
                if ((lo == null || hi == null) && s.signum() < 0) {
                    throw new IllegalArgumentException("coordinate " + i + ": f is unbounded below");
                }
                BigDecimal root = cc.negate().divide(s, MC);
                if ((lo == null || root.compareTo(lo) >= 0) && (hi == null || root.compareTo(hi) <= 0)) {
                    candidates.add(new BigDecimal[] {root, root});
                }
            }
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("coordinate " + i + ": no stationary point (unbounded below)");
            }
            BigDecimal best = null;
            List<Interval> found = new ArrayList<>();
            for (BigDecimal[] c : candidates) {
                BigDecimal v = exactCoordinateValue(i, c[0]);
                int cmp = best == null ? -1 : v.compareTo(best);
                if (cmp < 0) {
                    best = v;
                    found.clear();
                }
                if (cmp <= 0) {
                    found.add(new Interval(c[0], c[1]));
                }
            }
            // Merge touching pieces (a flat bottom meets the roots at its ends), in increasing order.
            found.sort((u, w) -> u.lo().compareTo(w.lo()));
            for (Interval iv : found) {
                Interval last = minimizers.isEmpty() ? null : minimizers.get(minimizers.size() - 1);
                if (last != null && iv.lo().compareTo(last.hi()) <= 0) {
                    minimizers.set(
                            minimizers.size() - 1,
                            new Interval(last.lo(), last.hi().max(iv.hi())));
                } else {
                    minimizers.add(iv);
                }
            }
            minValue = best;
        }
    }

    /** -1, 0 or +1: the piece [lo, hi] lies left of, inside, or right of [a, b]. */
    private static int side(BigDecimal lo, BigDecimal hi, BigDecimal a, BigDecimal b) {
        if (hi != null && hi.compareTo(a) <= 0) {
            return -1;
        }
        if (lo != null && lo.compareTo(b) >= 0) {
            return 1;
        }
        return 0;
    }

    private BigDecimal exactCoordinateValue(int i, BigDecimal x) {
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal v = new BigDecimal(q).multiply(x).multiply(x).multiply(half);
        for (Term t : terms) {
            if (t.coordinate() == i) {
                v = v.add(exactTerm(t, x));
            }
        }
        return v;
    }

    private static BigDecimal exactTerm(Term t, BigDecimal x) {
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal r = x.subtract(new BigDecimal(t.centre()));
        BigDecimal dl = new BigDecimal(t.kink());
        BigDecimal psi = r.abs().compareTo(dl) <= 0
                ? r.multiply(r).multiply(half)
                : dl.multiply(r.abs()).subtract(dl.multiply(dl).multiply(half));
        return new BigDecimal(t.curvature()).multiply(psi);
    }

    /** f(x) in exact (or, for a rounded x, 200-digit) decimal arithmetic. */
    public BigDecimal exactValue(BigDecimal[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected " + d);
        }
        BigDecimal v = BigDecimal.ZERO;
        for (int i = 0; i < d; i++) {
            v = v.add(exactCoordinateValue(i, x[i]));
        }
        return v;
    }

    /** grad f(x) in exact decimal arithmetic. */
    public BigDecimal[] exactGradient(BigDecimal[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected " + d);
        }
        BigDecimal[] g = new BigDecimal[d];
        BigDecimal qb = new BigDecimal(q);
        for (int i = 0; i < d; i++) {
            g[i] = qb.multiply(x[i]);
        }
        for (Term t : terms) {
            BigDecimal r = x[t.coordinate()].subtract(new BigDecimal(t.centre()));
            BigDecimal dl = new BigDecimal(t.kink());
            BigDecimal clamped = r.compareTo(dl) > 0 ? dl : r.compareTo(dl.negate()) < 0 ? dl.negate() : r;
            g[t.coordinate()] = g[t.coordinate()].add(new BigDecimal(t.curvature()).multiply(clamped));
        }
        return g;
    }

    /** The exact minimum f*. */
    public BigDecimal exactFStar() {
        return fStarExact;
    }

    /** The global minimizer nearest {@code x0} (per coordinate, since f is separable), exact. */
    public BigDecimal[] exactNearestMinimizer(double[] x0) {
        Vectors.requireLength(x0, d, "x0");
        BigDecimal[] out = new BigDecimal[d];
        for (int i = 0; i < d; i++) {
            BigDecimal x = new BigDecimal(x0[i]);
            BigDecimal best = null;
            BigDecimal bestDist = null;
            for (Interval iv : minimizers.get(i)) {
                BigDecimal p = x.compareTo(iv.lo()) < 0 ? iv.lo() : x.compareTo(iv.hi()) > 0 ? iv.hi() : x;
                BigDecimal dist = p.subtract(x).abs();
                if (bestDist == null || dist.compareTo(bestDist) < 0) {
                    best = p;
                    bestDist = dist;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The global minimizer nearest {@code x0}, rounded to double. */
    public double[] nearestMinimizer(double[] x0) {
        BigDecimal[] e = exactNearestMinimizer(x0);
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            out[i] = e[i].doubleValue();
        }
        return out;
    }

    /** A reference minimizer per coordinate (the midpoint of the first minimizing interval). */
    public double[] referenceMinimizer() {
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            Interval iv = minimizers.get(i).get(0);
            out[i] = iv.lo().add(iv.hi()).multiply(new BigDecimal("0.5")).doubleValue();
        }
        return out;
    }

    /** The smallest f'' over all pieces, rounded down (negative for a non-convex sum). */
    public double minCurvature() {
        return minCurvature;
    }

    /** The quadratic's curvature q. */
    public double q() {
        return q;
    }

    /** The terms, in order. */
    public List<Term> terms() {
        return List.of(terms);
    }

    public Certificate certificate() {
        return certificate;
    }

    /** This objective as a problem of family {@code "centered-huber-sum"}. */
    public Problem problem() {
        return new Problem("centered-huber-sum", this, certificate);
    }

    /**
     * The sum of the magnitudes of the terms f(x) adds up (the rounding scale of evaluating f):
     * f(x) itself for a convex sum, larger where dips cancel positive terms.
     */
    public double valueScale(double[] x) {
        Vectors.requireLength(x, d, "x");
        double s = 0;
        for (double xi : x) {
            s += 0.5 * q * xi * xi;
        }
        for (Term t : terms) {
            s += Math.abs(t.curvature() * psi(x[t.coordinate()] - t.centre(), t.kink()));
        }
        return s;
    }

    private static double psi(double r, double delta) {
        double a = Math.abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, d, "x");
        double s = 0;
        for (double xi : x) {
            s += 0.5 * q * xi * xi;
        }
        for (Term t : terms) {
            s += t.curvature() * psi(x[t.coordinate()] - t.centre(), t.kink());
        }
        return s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, d, "x");
        Vectors.requireLength(out, d, "out");
        for (int i = 0; i < d; i++) {
            out[i] = q * x[i];
        }
        for (Term t : terms) {
            double r = x[t.coordinate()] - t.centre();
            double dl = t.kink();
            // NaN r falls through to r itself, so NaN propagates.
            double clamped = r > dl ? dl : r < -dl ? -dl : r;
            out[t.coordinate()] += t.curvature() * clamped;
        }
    }

    /** The terms of each gradient component in absolute value: they cancel at the minimizer. */
    @Override
    public double gradientScale(double[] x) {
        Vectors.requireLength(x, d, "x");
        double[] a = new double[d];
        for (int i = 0; i < d; i++) {
            a[i] = Math.abs(q * x[i]);
        }
        for (Term t : terms) {
            double r = x[t.coordinate()] - t.centre();
            double dl = t.kink();
            double clamped = r > dl ? dl : r < -dl ? -dl : r;
            a[t.coordinate()] += Math.abs(t.curvature() * clamped);
        }
        return Vectors.norm(a);
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, d, "x");
        double[][] h = new double[d][d];
        for (int i = 0; i < d; i++) {
            h[i][i] = q;
        }
        for (Term t : terms) {
            // At a kink exactly, the quadratic side (as in the formula below).
            if (Math.abs(x[t.coordinate()] - t.centre()) <= t.kink()) {
                h[t.coordinate()][t.coordinate()] += t.curvature();
            }
        }
        return h;
    }

    @Override
    public FieldFormula fieldFormula() {
        return this::valueOf;
    }

    /** f in any field (derivative structures for {@link #formula()}, Dfp for the recheck). */
    private <T extends CalculusFieldElement<T>> T valueOf(T[] x) {
        T s = x[0].getField().getZero();
        for (T xi : x) {
            s = s.add(xi.multiply(xi).multiply(0.5 * q));
        }
        for (Term t : terms) {
            T r = x[t.coordinate()].subtract(t.centre());
            double dl = t.kink();
            T psi = Math.abs(r.getReal()) <= dl
                    ? r.multiply(r).multiply(0.5)
                    : r.abs().multiply(dl).subtract(0.5 * dl * dl);
            s = s.add(psi.multiply(t.curvature()));
        }
        return s;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (q != 0) {
            sb.append(Num.fmt(q)).append("/2 ||x||^2");
        }
        for (Term t : terms) {
            if (sb.length() > 0) {
                sb.append(t.curvature() < 0 ? " - " : " + ");
            } else if (t.curvature() < 0) {
                sb.append("-");
            }
            String xi = d == 1 ? "x" : "x" + (t.coordinate() + 1);
            sb.append(Num.fmt(Math.abs(t.curvature())))
                    .append(" huber_")
                    .append(Num.fmt(t.kink()))
                    .append("(")
                    .append(xi)
                    .append(t.centre() < 0 ? " + " : " - ")
                    .append(Num.fmt(Math.abs(t.centre())))
                    .append(")");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CenteredHuberSum h
                && d == h.d
                && Double.compare(q, h.q) == 0
                && Arrays.equals(terms, h.terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(d, q, Arrays.hashCode(terms));
    }
}
