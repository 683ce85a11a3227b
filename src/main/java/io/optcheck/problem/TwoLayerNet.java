package io.optcheck.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * The training loss of a two-layer network without biases on a fixed data set,
 * f(theta) = (1/2n) sum_i (w2^T sigma(W1 x_i) - y_i)^2, with m hidden units, k inputs and
 * theta = (W1 row-major (m x k), w2 (m)), d = m k + m parameters. sigma is tanh or ReLU
 * (relu'(0) taken as 0, as in the formula's branch).
 *
 * <p>Symmetries: swapping two hidden units (rows u, v of W1 and entries u, v of w2) leaves f
 * unchanged ({@link #swapUnits}); for ReLU, scaling W1 by alpha &gt; 0 and w2 by 1/alpha also
 * does ({@link #rescaleLayers}), since relu(alpha z) = alpha relu(z) (Dinh et al. 2017).
 *
 * <p>Value, gradient and the Hessian-vector product are hand-written (the product by the
 * directional derivative of the gradient, Pearlmutter 1994) and cross-checked against the
 * DerivativeStructure formula in the tests; the Hessian is assembled from d products with unit
 * vectors. For ReLU the Hessian is that of the linear piece the point lies in (exact where no
 * pre-activation is 0). The per-unit arithmetic is the same for every unit, so identical units
 * get bit-identical gradients. Certificate: f* &gt;= 0 (f_low = 0, EXACT); non-convex.
 *
 * <p>NaN/infinite arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class TwoLayerNet implements Objective, HasFormula {

    /** The hidden activation. */
    public enum Activation {
        TANH,
        RELU
    }

    private final Activation act;
    private final int m;
    private final int k;
    private final double[][] xs;
    private final double[] ys;
    private final int n;

    /**
     * @param act the activation
     * @param hidden m &gt;= 1 hidden units
     * @param inputs the data, n x k (copied; finite, rectangular, non-empty)
     * @param targets y, length n (copied, finite)
     */
    public TwoLayerNet(Activation act, int hidden, double[][] inputs, double[] targets) {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden units must be >= 1, got " + hidden);
        }
        this.act = Objects.requireNonNull(act, "activation");
        this.xs = Vectors.copyRectangular(inputs, "inputs");
        Vectors.requireFiniteNonEmpty(targets, "targets");
        Vectors.requireLength(targets, xs.length, "targets");
        this.ys = targets.clone();
        this.m = hidden;
        this.k = xs[0].length;
        this.n = xs.length;
    }

    public Activation activation() {
        return act;
    }

    public int hidden() {
        return m;
    }

    public int inputs() {
        return k;
    }

    public int examples() {
        return n;
    }

    /** Index of W1[u][j] in theta. */
    public int w1(int u, int j) {
        return u * k + j;
    }

    /** Index of w2[u] in theta. */
    public int w2(int u) {
        return m * k + u;
    }

    public Certificate certificate() {
        return Certificate.none()
                .withConvex(false, "hidden units can be swapped")
                .withFLow(0, Exactness.EXACT, "a mean of squares");
    }

    /** This objective as a problem of family "two-layer-" + activation. */
    public Problem problem() {
        return new Problem("two-layer-" + act.name().toLowerCase(Locale.ROOT), this, certificate());
    }

    /** theta with hidden units u and v swapped: the permutation P of the symmetry. */
    public double[] swapUnits(double[] theta, int u, int v) {
        Vectors.requireLength(theta, dimension(), "theta");
        double[] t = theta.clone();
        for (int j = 0; j < k; j++) {
            t[w1(u, j)] = theta[w1(v, j)];
            t[w1(v, j)] = theta[w1(u, j)];
        }
        t[w2(u)] = theta[w2(v)];
        t[w2(v)] = theta[w2(u)];
        return t;
    }

    /** (alpha W1, w2 / alpha). */
    public double[] rescaleLayers(double[] theta, double alpha) {
        Vectors.requireLength(theta, dimension(), "theta");
        double[] t = theta.clone();
        for (int i = 0; i < m * k; i++) {
            t[i] = theta[i] * alpha;
        }
        for (int u = 0; u < m; u++) {
            t[w2(u)] = theta[w2(u)] / alpha;
        }
        return t;
    }

    private double sigma(double z) {
        return act == Activation.TANH ? Math.tanh(z) : (z > 0 ? z : 0);
    }

    private double sigma1(double z) {
        if (act == Activation.TANH) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
        return z > 0 ? 1 : 0;
    }

    private double sigma2(double z) {
        if (act == Activation.TANH) {
            double t = Math.tanh(z);
            return -2 * t * (1 - t * t);
        }
        return 0;
    }

    private double pre(double[] theta, int u, double[] x) {
        double s = 0;
        int o = u * k;
        for (int j = 0; j < k; j++) {
            s += theta[o + j] * x[j];
        }
        return s;
    }

    /**
     * f at the point (1 - a) x + a y, with the point and the loss computed in {@code digits}-digit
     * Dfp arithmetic (tanh as (e^(2z) - 1)/(e^(2z) + 1)): the high-precision recheck of a
     * marginal comparison. Accurate to far below the double rounding of {@link #value}.
     */
    public Dfp valueOnSegment(double[] x, double[] y, double a, int digits) {
        Vectors.requireLength(x, dimension(), "x");
        Vectors.requireLength(y, dimension(), "y");
        DfpField field = new DfpField(digits);
        Dfp one = field.getOne();
        Dfp aa = field.newDfp(a);
        Dfp[] t = new Dfp[dimension()];
        for (int i = 0; i < t.length; i++) {
            t[i] = one.subtract(aa).multiply(field.newDfp(x[i])).add(aa.multiply(field.newDfp(y[i])));
        }
        return valueAt(t);
    }

    /**
     * f at the real-number rescaling (alpha W1, w2 / alpha) of theta, in {@code digits}-digit Dfp
     * arithmetic: the point {@link #rescaleLayers} rounds, unrounded.
     */
    public Dfp valueRescaled(double[] theta, double alpha, int digits) {
        Vectors.requireLength(theta, dimension(), "theta");
        DfpField field = new DfpField(digits);
        Dfp a = field.newDfp(alpha);
        Dfp[] t = new Dfp[dimension()];
        for (int i = 0; i < t.length; i++) {
            t[i] = field.newDfp(theta[i]);
        }
        for (int i = 0; i < m * k; i++) {
            t[i] = t[i].multiply(a);
        }
        for (int u = 0; u < m; u++) {
            t[w2(u)] = t[w2(u)].divide(a);
        }
        return valueAt(t);
    }

    /** f at Dfp parameters, in their field's arithmetic (tanh as (e^(2z) - 1)/(e^(2z) + 1)). */
    public Dfp valueAt(Dfp[] t) {
        if (t.length != dimension()) {
            throw new IllegalArgumentException("theta must have length " + dimension() + ", got " + t.length);
        }
        DfpField field = t[0].getField();
        Dfp one = field.getOne();
        Dfp loss = field.getZero();
        for (int i = 0; i < n; i++) {
            Dfp out = field.getZero();
            for (int u = 0; u < m; u++) {
                Dfp pre = field.getZero();
                for (int j = 0; j < k; j++) {
                    pre = pre.add(t[w1(u, j)].multiply(field.newDfp(xs[i][j])));
                }
                Dfp sg;
                if (act == Activation.TANH) {
                    Dfp e = DfpMath.exp(pre.multiply(2));
                    sg = e.subtract(one).divide(e.add(one));
                } else {
                    sg = pre.greaterThan(field.getZero()) ? pre : field.getZero();
                }
                out = out.add(t[w2(u)].multiply(sg));
            }
            Dfp r = out.subtract(field.newDfp(ys[i]));
            loss = loss.add(r.multiply(r));
        }
        return loss.divide(2 * n);
    }

    /** min over examples and units of |W1_u . x_i|: 0 when a ReLU sits on its kink. */
    public double minAbsPreactivation(double[] theta) {
        Vectors.requireLength(theta, dimension(), "theta");
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < this.m; u++) {
                m = Math.min(m, Math.abs(pre(theta, u, xs[i])));
            }
        }
        return m;
    }

    /**
     * Per example, |y_i| + sum_u |w2_u| sum_j |W1_uj x_ij|: the magnitudes the output and the
     * residual combine (for the tolerance model).
     */
    public double[] outputMagnitudes(double[] theta) {
        Vectors.requireLength(theta, dimension(), "theta");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.abs(ys[i]);
            for (int u = 0; u < m; u++) {
                double a = 0;
                for (int j = 0; j < k; j++) {
                    a += Math.abs(theta[w1(u, j)] * xs[i][j]);
                }
                s += Math.abs(theta[w2(u)]) * a;
            }
            out[i] = s;
        }
        return out;
    }

    /** The network's outputs w2^T sigma(W1 x_i), i = 1..n. */
    public double[] outputs(double[] theta) {
        Vectors.requireLength(theta, dimension(), "theta");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int u = 0; u < m; u++) {
                s += theta[w2(u)] * sigma(pre(theta, u, xs[i]));
            }
            out[i] = s;
        }
        return out;
    }

    @Override
    public int dimension() {
        return m * k + m;
    }

    @Override
    public double value(double[] theta) {
        double[] o = outputs(theta);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = o[i] - ys[i];
            s += r * r;
        }
        return s / (2 * n);
    }

    @Override
    public void gradient(double[] theta, double[] out) {
        Vectors.requireLength(out, dimension(), "out");
        double[] o = outputs(theta);
        Arrays.fill(out, 0);
        for (int i = 0; i < n; i++) {
            double r = (o[i] - ys[i]) / n;
            for (int u = 0; u < m; u++) {
                double a = pre(theta, u, xs[i]);
                out[w2(u)] += r * sigma(a);
                double c = r * theta[w2(u)] * sigma1(a);
                for (int j = 0; j < k; j++) {
                    out[w1(u, j)] += c * xs[i][j];
                }
            }
        }
    }

    /**
     * Per parameter, (1/n) sum_i (|r_i| + A_i) |d yhat_i / d theta|, with A_i = |y_i| + sum_u
     * |w2_u sigma(a_iu)| the magnitudes summed into the residual r_i: the scale of the rounding
     * error of a gradient component (for the tolerance model).
     */
    public double[] gradientMagnitudes(double[] theta) {
        double[] o = outputs(theta);
        double[] out = new double[dimension()];
        for (int i = 0; i < n; i++) {
            double ai = Math.abs(ys[i]);
            for (int u = 0; u < m; u++) {
                ai += Math.abs(theta[w2(u)] * sigma(pre(theta, u, xs[i])));
            }
            double w = (Math.abs(o[i] - ys[i]) + ai) / n;
            for (int u = 0; u < m; u++) {
                double a = pre(theta, u, xs[i]);
                out[w2(u)] += w * Math.abs(sigma(a));
                for (int j = 0; j < k; j++) {
                    out[w1(u, j)] += w * Math.abs(theta[w2(u)] * sigma1(a) * xs[i][j]);
                }
            }
        }
        return out;
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
        int d = dimension();
        Vectors.requireLength(v, d, "v");
        Vectors.requireLength(out, d, "out");
        double[] o = outputs(theta);
        Arrays.fill(out, 0);
        double[] a = new double[m];
        double[] dv = new double[m];
        for (int i = 0; i < n; i++) {
            double r = o[i] - ys[i];
            double jv = 0;
            for (int u = 0; u < m; u++) {
                a[u] = pre(theta, u, xs[i]);
                dv[u] = pre(v, u, xs[i]);
                jv += v[w2(u)] * sigma(a[u]) + theta[w2(u)] * sigma1(a[u]) * dv[u];
            }
            for (int u = 0; u < m; u++) {
                double s = sigma(a[u]);
                double s1 = sigma1(a[u]);
                double s2 = sigma2(a[u]);
                out[w2(u)] += (jv * s + r * s1 * dv[u]) / n;
                double c = (jv * theta[w2(u)] * s1 + r * v[w2(u)] * s1 + r * theta[w2(u)] * s2 * dv[u]) / n;
                for (int j = 0; j < k; j++) {
                    out[w1(u, j)] += c * xs[i][j];
                }
            }
        }
    }

    @Override
    public double[][] hessian(double[] theta) {
        int d = dimension();
        double[][] h = new double[d][d];
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            hessianVector(theta, e, col);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                h[i][j] = col[i];
            }
        }
        // Symmetrize: the two halves differ only by rounding.
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    @Override
    public Formula formula() {
        final Activation ac = act;
        final double[][] xx = xs;
        final double[] yy = ys;
        final int mm = m;
        final int kk = k;
        return th -> {
            DerivativeStructure zero = th[0].getField().getZero();
            DerivativeStructure loss = zero;
            for (int i = 0; i < xx.length; i++) {
                DerivativeStructure out = zero;
                for (int u = 0; u < mm; u++) {
                    DerivativeStructure a = zero;
                    for (int j = 0; j < kk; j++) {
                        a = a.add(th[u * kk + j].multiply(xx[i][j]));
                    }
                    DerivativeStructure s = ac == Activation.TANH ? a.tanh() : (a.getValue() > 0 ? a : zero);
                    out = out.add(th[mm * kk + u].multiply(s));
                }
                DerivativeStructure r = out.subtract(yy[i]);
                loss = loss.add(r.multiply(r));
            }
            return loss.divide(2.0 * xx.length);
        };
    }

    @Override
    public String describe() {
        return "two-layer " + act.name().toLowerCase(Locale.ROOT) + " network, m = " + m + " hidden, k = " + k
                + " inputs, n = " + n + " examples, loss (1/2n) sum (w2^T sigma(W1 x_i) - y_i)^2";
    }

    @Override
    public String toString() {
        return describe();
    }
}
