package io.optcheck.theory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The assumption vocabulary: every assumption id used in specs, code, JSON and reports, in
 * kebab case, with its statement. An id that is not here is an error wherever it appears.
 */
public final class Assumptions {

    private Assumptions() {}

    public static final String L_SMOOTH = "l-smooth";
    public static final String STEP_LE_1_OVER_L = "step-le-1-over-l";
    public static final String STEP_LT_2_OVER_L = "step-lt-2-over-l";
    public static final String STEP_LE_2_OVER_L = "step-le-2-over-l";
    public static final String STEP_EQ_2_OVER_L = "step-eq-2-over-l";
    public static final String STEP_2_OVER_MU_PLUS_L = "step-2-over-mu-plus-l";
    public static final String QUADRATIC = "quadratic";
    public static final String MU_STRONGLY_CONVEX = "mu-strongly-convex";
    public static final String CONVEX = "convex";
    public static final String DIAGONAL = "diagonal";
    public static final String DIFFERENTIABLE = "differentiable";
    public static final String NONZERO_GRADIENT = "nonzero-gradient";
    public static final String DIRECTION_NEG_GRADIENT = "direction-neg-gradient";
    public static final String DESCENT_DIRECTION = "descent-direction";
    public static final String STRICTLY_CONVEX_QUADRATIC = "strictly-convex-quadratic";
    public static final String BOUNDED_BELOW = "bounded-below";
    public static final String ARMIJO_C_IN_0_1 = "armijo-c-in-0-1";
    public static final String BACKTRACKING_BETA_IN_0_1 = "backtracking-beta-in-0-1";
    public static final String CONTINUOUSLY_DIFFERENTIABLE = "continuously-differentiable";
    public static final String WOLFE_C1_LT_C2 = "wolfe-c1-lt-c2";
    public static final String WOLFE_C1_EQ_C2 = "wolfe-c1-eq-c2";
    public static final String WOLFE_CURVATURE = "wolfe-curvature";
    public static final String PL = "pl";
    public static final String UNBIASED_NOISE = "unbiased-noise";
    public static final String NOISE_BELOW_CLIP = "noise-below-clip";
    public static final String HEAVY_BALL_QUADRATIC_TUNING = "heavy-ball-quadratic-tuning";
    public static final String HEAVY_BALL_GHADIMI_TUNING = "heavy-ball-ghadimi-tuning";
    public static final String STEP_EQ_1_OVER_L = "step-eq-1-over-l";
    public static final String STEP_H_IN_STATIONARITY_RANGE = "step-h-in-stationarity-range";
    public static final String STEP_LE_SQRT3_OVER_L = "step-le-sqrt3-over-l";
    public static final String STEP_LE_3_OVER_2L = "step-le-3-over-2l";
    public static final String NESTEROV_STRONGLY_CONVEX_TUNING = "nesterov-strongly-convex-tuning";
    public static final String L_SMOOTH_ON_REGION = "l-smooth-on-region";
    public static final String STRICT_SADDLES = "strict-saddles";
    public static final String STEP_LT_1_OVER_L = "step-lt-1-over-l";
    public static final String EXACT_UPDATE = "exact-update";
    public static final String EXACT_SUMMATION = "exact-summation";
    public static final String EPS_ABOVE_ULP = "eps-above-ulp";
    public static final String INIT_HAS_DENSITY = "init-has-density";
    public static final String POWER_P_GT_2 = "power-p-gt-2";
    public static final String PERMUTATION_INVARIANT = "permutation-invariant";
    public static final String SYMMETRIC_INIT = "symmetric-init";
    public static final String RELU_NETWORK = "relu-network";
    public static final String CRITICAL_POINT = "critical-point";
    public static final String THIRD_DERIVATIVE_BOUNDED = "third-derivative-bounded";
    public static final String HESSIAN_POSITIVE_DEFINITE = "hessian-positive-definite";
    public static final String HESSIAN_NEGATIVE_EIGENVALUE = "hessian-negative-eigenvalue";
    public static final String HESSIAN_PSD_SINGULAR = "hessian-psd-singular";
    public static final String EIGENVALUES_MU_AND_L = "eigenvalues-mu-and-l";
    public static final String START_ON_MU_EIGENVECTOR = "start-on-mu-eigenvector";
    public static final String LEAST_SQUARES = "least-squares";
    public static final String W0_IN_ROW_SPACE = "w0-in-row-space";
    public static final String LOGISTIC_HOMOGENEOUS = "logistic-homogeneous";
    public static final String LINEARLY_SEPARABLE = "linearly-separable";
    public static final String SVM_NON_DEGENERATE = "svm-non-degenerate";
    public static final String SHARPNESS_LT_2_OVER_ETA = "sharpness-lt-2-over-eta";
    public static final String SHARPNESS_GT_2_OVER_ETA = "sharpness-gt-2-over-eta";
    public static final String NO_WEIGHT_DECAY = "no-weight-decay";
    public static final String DECLARED_ADAM_CONVENTIONS = "declared-adam-conventions";
    public static final String ZERO_GRADIENT = "zero-gradient";
    public static final String EPS_ZERO = "eps-zero";
    public static final String REDDI_ONLINE_PROBLEM = "reddi-online-problem";
    public static final String GRADIENT_SCALED_BY_POSITIVE_VECTOR = "gradient-scaled-by-positive-vector";
    public static final String NORMALIZED_UPDATE = "normalized-update";
    public static final String DECLARED_KIND = "declared-kind";
    public static final String DECLARED_HYPERPARAMETER_RANGE = "declared-hyperparameter-range";
    public static final String FIXED_INPUTS = "fixed-inputs";
    public static final String COPYABLE_STATE = "copyable-state";
    public static final String TRANSLATED_PROBLEM = "translated-problem";
    public static final String ROTATED_PROBLEM = "rotated-problem";
    public static final String GRADIENT_LINEAR_UPDATE = "gradient-linear-update";
    public static final String DECLARED_CONVENTIONS = "declared-conventions";

    public static final String UNIFORM_BATCH = "uniform-batch";
    public static final String UNCLIPPED_GRADIENTS = "unclipped-gradients";
    public static final String FRESH_GRADIENTS = "fresh-gradients";
    public static final String EQUAL_SHARDS = "equal-shards";
    public static final String WITH_REPLACEMENT = "with-replacement";
    public static final String WITHOUT_REPLACEMENT = "without-replacement";
    public static final String NORMALISED_BY_TOTAL = "normalised-by-total";
    public static final String IMPORTANCE_REWEIGHTED = "importance-reweighted";
    public static final String UNBIASED_GRADIENT = "unbiased-gradient";
    public static final String BOUNDED_NOISE_VARIANCE = "bounded-noise-variance";
    public static final String BCN_DIMINISHING_SCHEDULE = "bcn-diminishing-schedule";
    public static final String BETA_MU_GT_1 = "beta-mu-gt-1";
    public static final String STEPS_LE_2_OVER_MU_PLUS_L = "steps-le-2-over-mu-plus-l";
    public static final String SUM_STEPS_INFINITE = "sum-steps-infinite";
    public static final String SUM_STEPS_SQUARED_FINITE = "sum-steps-squared-finite";
    public static final String BOUNDED_NOISE = "bounded-noise";
    public static final String BOUNDED_SECOND_MOMENT = "bounded-second-moment";
    public static final String START_WITHIN_R = "start-within-r";
    public static final String COMPONENTS_MU_STRONGLY_CONVEX = "components-mu-strongly-convex";
    public static final String COMPONENTS_CONVEX = "components-convex";
    public static final String COMPONENTS_L_SMOOTH = "components-l-smooth";
    public static final String UNIFORM_INDEX = "uniform-index";
    public static final String COMMON_MINIMIZER = "common-minimizer";
    public static final String SAGA_STEP = "saga-step";
    public static final String SAGA_TABLE_UPDATED = "saga-table-updated";
    public static final String SVRG_STEP_LT_1_OVER_4L = "svrg-step-lt-1-over-4l";
    public static final String SVRG_RATE_LT_1 = "svrg-rate-lt-1";
    public static final String SVRG_OPTION_II = "svrg-option-ii";
    public static final String SVRG_SNAPSHOT_REFRESHED = "svrg-snapshot-refreshed";
    public static final String QUADRATIC_CLIENTS = "quadratic-clients";
    public static final String LOCAL_STEP_LE_1_OVER_L = "local-step-le-1-over-l";
    public static final String ONE_LOCAL_STEP = "one-local-step";
    public static final String IDENTICAL_CLIENTS = "identical-clients";
    public static final String SHARED_CURVATURE = "shared-curvature";
    public static final String DIFFERENT_CURVATURES = "different-curvatures";
    public static final String COORDINATEWISE_SMOOTH = "coordinatewise-smooth";
    public static final String FULL_GRADIENT = "full-gradient";
    public static final String ONLINE_CONVEX = "online-convex";
    public static final String ADAGRAD_EPS_ZERO_DENOMINATOR = "adagrad-diagonal";
    public static final String AMSGRAD_B1_ZERO = "amsgrad-b1-zero";
    public static final String NON_DECREASING_DENOMINATOR = "non-decreasing-denominator";
    public static final String RMSPROP_V0_ZERO = "rmsprop-v0-zero";

    private static final Map<String, String> ALL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(L_SMOOTH, "f is L-smooth: grad f is L-Lipschitz, with the L the method is given");
        m.put(STEP_LE_1_OVER_L, "the step satisfies 0 < eta <= 1/L");
        m.put(STEP_LT_2_OVER_L, "the step satisfies 0 < eta < 2/L");
        m.put(STEP_LE_2_OVER_L, "the step satisfies 0 < eta <= 2/L");
        m.put(STEP_EQ_2_OVER_L, "the step is exactly eta = 2/L (exactly representable)");
        m.put(STEP_2_OVER_MU_PLUS_L, "the step is eta = 2/(mu + L)");
        m.put(QUADRATIC, "f = 1/2 x^T H x - b^T x with H symmetric, L = lambda_max(H) exactly");
        m.put(MU_STRONGLY_CONVEX, "f is mu-strongly convex, mu > 0");
        m.put(CONVEX, "f is convex");
        m.put(DIAGONAL, "H is diagonal, so its eigenbasis is exact");
        m.put(DIFFERENTIABLE, "f is differentiable");
        m.put(NONZERO_GRADIENT, "grad f(x) != 0 at the points considered");
        m.put(DIRECTION_NEG_GRADIENT, "the search direction is d = -grad f(x)");
        m.put(DESCENT_DIRECTION, "the search direction p satisfies grad f(x)^T p < 0");
        m.put(STRICTLY_CONVEX_QUADRATIC, "f = 1/2 x^T H x - b^T x with H symmetric positive definite");
        m.put(
                BOUNDED_BELOW,
                "f is bounded below: f >= f_low everywhere (for line searches: along every search ray), with the f_low used");
        m.put(ARMIJO_C_IN_0_1, "the Armijo constant satisfies 0 < c < 1");
        m.put(BACKTRACKING_BETA_IN_0_1, "backtracking shrinks the step by a factor beta in (0, 1)");
        m.put(CONTINUOUSLY_DIFFERENTIABLE, "f is continuously differentiable");
        m.put(WOLFE_C1_LT_C2, "the Wolfe constants satisfy 0 < c1 < c2 < 1");
        m.put(WOLFE_C1_EQ_C2, "the Wolfe constants satisfy 0 < c1 = c2 < 1");
        m.put(WOLFE_CURVATURE, "every step satisfies the (strong) Wolfe curvature condition with c2");
        m.put(
                PL,
                "f satisfies the Polyak-Lojasiewicz inequality (1/2)||grad f(x)||^2 >= mu (f(x) - f*) for every x, with the mu used");

        m.put(
                UNBIASED_NOISE,
                "the oracle returns grad f(x) + xi, xi uniform over a finite symmetric set (E xi = 0 exactly)");
        m.put(NOISE_BELOW_CLIP, "||grad f(x)|| + max ||xi|| <= c, so no noisy gradient is clipped");
        m.put(
                HEAVY_BALL_QUADRATIC_TUNING,
                "heavy ball with a = 4/(sqrt L + sqrt mu)^2, "
                        + "b = ((sqrt kappa - 1)/(sqrt kappa + 1))^2 and x_{-1} = x_0");
        m.put(
                HEAVY_BALL_GHADIMI_TUNING,
                "heavy ball with a in (0, 1/L], b = sqrt((1 - a mu)(1 - a L)) " + "and x_{-1} = x_0");
        m.put(STEP_EQ_1_OVER_L, "the step is exactly eta = 1/L");
        m.put(
                STEP_H_IN_STATIONARITY_RANGE,
                "eta = h/L with h in [2 - sqrt 2, h*], h* = 1.675131 the root of h^3 - 4h + 2 " + "(where c(h) >= 1)");
        m.put(STEP_LE_SQRT3_OVER_L, "the step satisfies 0 < eta <= sqrt(3)/L");
        m.put(STEP_LE_3_OVER_2L, "the step satisfies 0 < eta <= 3/(2L)");
        m.put(
                NESTEROV_STRONGLY_CONVEX_TUNING,
                "step 1/L, momentum (sqrt L - sqrt mu)/(sqrt L + sqrt mu) " + "with the mu of the bound, x_{-1} = x_0");
        m.put(L_SMOOTH_ON_REGION, "f is L-smooth on a region that contains every iterate (a box where L is known)");
        m.put(STRICT_SADDLES, "every saddle point of f is strict: the Hessian there has a negative eigenvalue");
        m.put(STEP_LT_1_OVER_L, "the step satisfies 0 < eta < 1/L");
        m.put(
                EPS_ABOVE_ULP,
                "eps >= 8 ulp(|g_1|) in the format the method computes in: eps survives the sum sqrt(v^) + eps");
        m.put(
                EXACT_UPDATE,
                "the update is computed in real (or float64) arithmetic: the iterate is not rounded to a"
                        + " low-precision format after each operation");
        m.put(
                EXACT_SUMMATION,
                "the batch sum and mean are computed in real (or float64) arithmetic: not rounded to a"
                        + " low-precision format after each addition");
        m.put(INIT_HAS_DENSITY, "x0 is drawn from a distribution with a density (no mass on a lower-dimensional set)");
        m.put(POWER_P_GT_2, "f = |x|^p with p > 2: no strong convexity, no PL inequality");
        m.put(PERMUTATION_INVARIANT, "f(P x) = f(x) for a permutation P of the parameters (swapping two hidden units)");
        m.put(SYMMETRIC_INIT, "x0 = P x0: the swapped hidden units start identical");
        m.put(RELU_NETWORK, "f(W1, w2) = loss(w2^T relu(W1 x)) for a two-layer ReLU network without biases");
        m.put(CRITICAL_POINT, "grad f(x*) = 0");
        m.put(THIRD_DERIVATIVE_BOUNDED, "f is three times differentiable with |D^3 f[u, u, u]| <= M3 ||u||^3 near x*");
        m.put(HESSIAN_POSITIVE_DEFINITE, "hess f(x*) is positive definite");
        m.put(HESSIAN_NEGATIVE_EIGENVALUE, "hess f(x*) has a negative eigenvalue");
        m.put(HESSIAN_PSD_SINGULAR, "hess f(x*) is positive semidefinite and singular");
        m.put(EIGENVALUES_MU_AND_L, "every eigenvalue of H is mu or L (kappa = L/mu)");
        m.put(START_ON_MU_EIGENVECTOR, "x0 - x* lies on an eigenvector of the eigenvalue mu");
        m.put(LEAST_SQUARES, "f(w) = (1/2n)||Xw - y||^2 with L = lambda_max(X^T X)/n (from the SVD of X)");
        m.put(W0_IN_ROW_SPACE, "the start w0 lies in the row space of X (w0 = 0)");
        m.put(
                LOGISTIC_HOMOGENEOUS,
                "f(w) = (1/n) sum_i log(1 + exp(-y_i x_i^T w)), no intercept, " + "L = ||X||_2^2/(4n)");
        m.put(LINEARLY_SEPARABLE, "the data are linearly separable: some w has y_i x_i^T w > 0 for every i");
        m.put(
                SVM_NON_DEGENERATE,
                "the hard-margin SVM's support vectors span the data space and have "
                        + "positive dual variables (Soudry et al.'s 'almost every dataset')");
        m.put(SHARPNESS_LT_2_OVER_ETA, "the sharpness lambda_max(hess f) is below 2/eta");
        m.put(SHARPNESS_GT_2_OVER_ETA, "the sharpness lambda_max(hess f) is above 2/eta");
        m.put(
                DECLARED_ADAM_CONVENTIONS,
                "the method declares Kingma & Ba's conventions: t from 1, bias "
                        + "correction, eps outside sqrt(v^), weight decay decoupled as lr * wd * x");
        m.put(NO_WEIGHT_DECAY, "the method applies no weight decay (wd = 0)");
        m.put(ZERO_GRADIENT, "every gradient the method sees is exactly 0");
        m.put(EPS_ZERO, "the denominator constant eps is exactly 0");
        m.put(
                REDDI_ONLINE_PROBLEM,
                "the online problem on [-1, 1] of Reddi, Kale & Kumar 2018 Thm 1: "
                        + "f_t(x) = C x if t mod 3 = 1 else -x, C > 2, lr_t = alpha/sqrt(t) with alpha < sqrt(1 - b2), "
                        + "eps = 0, b1 = 0, b2 = 1/(1 + C^2), projection onto [-1, 1]");
        m.put(
                GRADIENT_SCALED_BY_POSITIVE_VECTOR,
                "every gradient is multiplied coordinate-wise by one fixed vector d > 0");
        m.put(
                NORMALIZED_UPDATE,
                "the update divides each gradient coordinate by a running magnitude of "
                        + "that coordinate (Adam with eps = 0) or takes its sign");
        m.put(
                DECLARED_KIND,
                "the method declares a method kind (GD, heavy ball, Nesterov, SGD, Adam, ...) and is checked as one");
        m.put(
                DECLARED_HYPERPARAMETER_RANGE,
                "hyperparameters are drawn from the ranges the method declares (optcheck's defaults where it declares none)");
        m.put(FIXED_INPUTS, "two runs get the same hyperparameters, start point and exact gradients");
        m.put(COPYABLE_STATE, "the method can copy its state (PluggableOptimizer: supportsCopy() is true)");
        m.put(TRANSLATED_PROBLEM, "the second run minimizes f(x - c) from x0 + c for a fixed vector c");
        m.put(ROTATED_PROBLEM, "the second run minimizes f(Q^T y) from Q x0 for a fixed orthogonal matrix Q");
        m.put(
                GRADIENT_LINEAR_UPDATE,
                "the update is a linear combination of current and past gradients and iterates with "
                        + "scalar coefficients (GD, heavy ball, Nesterov, SGD)");
        m.put(
                DECLARED_CONVENTIONS,
                "the method declares its conventions (eps placement, bias correction, weight decay, Nesterov form); "
                        + "the reference implementation follows the same ones");
        m.put(
                UNIFORM_BATCH,
                "the batch is drawn uniformly: every example (or every subset) equally likely, with or without replacement");
        m.put(
                UNCLIPPED_GRADIENTS,
                "the estimator averages the per-example gradients as computed, without clipping them");
        m.put(
                FRESH_GRADIENTS,
                "every per-example gradient is evaluated at the current point x, not at an older iterate");
        m.put(
                EQUAL_SHARDS,
                "the examples are split into K shards of equal size, so the unweighted average of shard means is the full mean");
        m.put(
                WITH_REPLACEMENT,
                "the B examples of a batch are drawn independently and uniformly (i.i.d., repeats allowed)");
        m.put(WITHOUT_REPLACEMENT, "the batch is a uniformly random subset of B distinct examples");
        m.put(
                NORMALISED_BY_TOTAL,
                "accumulated micro-batch gradients are summed and divided by the total number of examples");
        m.put(
                IMPORTANCE_REWEIGHTED,
                "examples drawn with probabilities p_i > 0 are reweighted by 1/(n p_i), so each enters with expected weight 1/n");
        m.put(UNBIASED_GRADIENT, "the stochastic gradient is unbiased: E[g_t | x_t] = grad f(x_t)");
        m.put(
                BOUNDED_NOISE_VARIANCE,
                "the gradient noise has E||g - grad f(x)||^2 <= sigma^2 at every x, with the sigma^2 used "
                        + "(Gaussian noise of scale s per coordinate: sigma^2 = d s^2)");
        m.put(
                BCN_DIMINISHING_SCHEDULE,
                "the steps are eta_k = beta/(gamma + k), k = 1 for the first step, with gamma > 0 "
                        + "and eta_1 = beta/(gamma + 1) <= 1/L (Bottou, Curtis & Nocedal eq. 4.20)");
        m.put(BETA_MU_GT_1, "the schedule's numerator satisfies beta > 1/mu");
        m.put(STEPS_LE_2_OVER_MU_PLUS_L, "every step satisfies 0 < eta_t <= 2/(mu + L)");
        m.put(
                SUM_STEPS_INFINITE,
                "the steps are not summable: sum_t eta_t = infinity (eta_t = a/(t + b)^p with p <= 1)");
        m.put(SUM_STEPS_SQUARED_FINITE, "the squared steps are summable: sum_t eta_t^2 < infinity (p > 1/2)");
        m.put(
                BOUNDED_NOISE,
                "the noise is bounded and independent of the past: xi uniform on [-s, s] per coordinate, "
                        + "so ||xi|| <= s sqrt(d) and E||xi||^2 = d s^2/3 exactly");
        m.put(
                BOUNDED_SECOND_MOMENT,
                "the stochastic gradients have E||g_t||^2 <= G^2 along the run, with the G used "
                        + "(certified: sup ||grad f||^2 plus the noise variance)");
        m.put(START_WITHIN_R, "the start is within R of a minimizer: ||x0 - x*|| <= R, with the R used");
        m.put(
                COMPONENTS_MU_STRONGLY_CONVEX,
                "every component f_i of f = (1/n) sum_i f_i is mu-strongly convex (not only the average)");
        m.put(COMPONENTS_CONVEX, "every component f_i of f = (1/n) sum_i f_i is convex (not only the average)");
        m.put(COMPONENTS_L_SMOOTH, "every component f_i of f = (1/n) sum_i f_i is L-smooth");
        m.put(UNIFORM_INDEX, "the method's index i (or j) is drawn uniformly from {1, ..., n}");
        m.put(
                COMMON_MINIMIZER,
                "every component has the same minimizer x* (over-parametrized: v = 0, grad f_i(x*) = 0 for all i)");
        m.put(SAGA_STEP, "SAGA's step is eta = 1/(2(mu n + L))");
        m.put(SAGA_TABLE_UPDATED, "SAGA stores grad f_j(x) in its table after every step (phi_j = x)");
        m.put(SVRG_STEP_LT_1_OVER_4L, "SVRG's step satisfies 0 < eta < 1/(4L)");
        m.put(SVRG_RATE_LT_1, "a = 1/(mu eta (1 - 2 L eta) m) + 2 L eta/(1 - 2 L eta) < 1");
        m.put(SVRG_OPTION_II, "SVRG Option II: the new snapshot is x_t for t uniform in {0, ..., m-1}");
        m.put(SVRG_SNAPSHOT_REFRESHED, "SVRG replaces its snapshot x~ and full gradient grad f(x~) after every epoch");
        m.put(
                QUADRATIC_CLIENTS,
                "client k has f_k(x) = (1/2)(x - c_k)^T H_k (x - c_k) with H_k positive definite (diagonal here)");
        m.put(LOCAL_STEP_LE_1_OVER_L, "the local step satisfies 0 < eta <= 1/L_k for every client");
        m.put(ONE_LOCAL_STEP, "E = 1 local step per round");
        m.put(IDENTICAL_CLIENTS, "every client has the same objective (H_k and c_k equal)");
        m.put(SHARED_CURVATURE, "every client has the same curvature H_k = H (centers may differ)");
        m.put(DIFFERENT_CURVATURES, "E > 1 local steps and the clients' curvatures differ (as do their centers)");
        m.put(
                COORDINATEWISE_SMOOTH,
                "f(y) <= f(x) + grad f(x)^T (y - x) + (1/2) sum_j L_j (y_j - x_j)^2 with the vector L used "
                        + "(exact for a separable quadratic with L_j its curvature)");
        m.put(FULL_GRADIENT, "the method is given the full gradient grad f(x_k) (no sampling noise, sigma = 0)");
        m.put(
                ONLINE_CONVEX,
                "every loss f_t is convex, so f_t(x_t) - f_t(x*) <= <g_t, x_t - x*>; for an arbitrary gradient "
                        + "sequence the linearised regret sum_t <g_t, x_t - x*> is the quantity bounded");
        m.put(
                ADAGRAD_EPS_ZERO_DENOMINATOR,
                "diagonal AdaGrad x_t+1 = x_t - eta g_t/(sqrt(v_0 + sum_s<=t g_s^2) + eps) per coordinate, "
                        + "with the v_0 and eps the method declares (Duchi's delta = 0 when both are 0)");
        m.put(
                AMSGRAD_B1_ZERO,
                "AMSGrad with beta1 = 0 (Reddi, Kale & Kumar Alg. 2 for the verdict), constant alpha, no projection");
        m.put(
                NON_DECREASING_DENOMINATOR,
                "the per-coordinate denominator of the step (sqrt(vhat_t) + eps, or the corrected one) "
                        + "never decreases: the maximum is taken over the quantity that divides the step");
        m.put(
                RMSPROP_V0_ZERO,
                "RMSProp v_0 = 0, v_t = rho v_t-1 + (1 - rho) g_t^2, step lr g_t/(sqrt(v_t) + eps), eps >= 0 outside the root");
        ALL = Collections.unmodifiableMap(m);
    }

    /**
     * The hyperparameter an assumption fixes, with its value: {@code eps-zero} fixes eps = 0 and
     * {@code no-weight-decay} wd = 0. A regime with such an assumption does not apply to a method
     * whose declared range excludes the value (see {@link DeclaredRanges#regimeExcludes}).
     */
    public static Optional<Map.Entry<String, Double>> pinned(String id) {
        return switch (id) {
            case EPS_ZERO -> Optional.of(Map.entry("eps", 0.0));
            case NO_WEIGHT_DECAY -> Optional.of(Map.entry("wd", 0.0));
            default -> Optional.empty();
        };
    }

    /** Every known id. */
    public static Set<String> ids() {
        return ALL.keySet();
    }

    /** True when the id is in the vocabulary. */
    public static boolean known(String id) {
        return ALL.containsKey(id);
    }

    /**
     * The statement of an assumption.
     *
     * @throws IllegalArgumentException naming the id and listing the known ones
     */
    public static String statement(String id) {
        String s = ALL.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown assumption id '" + id + "'; known ids: " + ids());
        }
        return s;
    }
}
