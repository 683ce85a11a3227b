package io.optcheck.theory.stat;

/**
 * Deterministic seeds for the R runs behind an "in expectation" check. Run r of an instance uses
 * {@code Seeds.of(key, salt, r)}, where the key is a hash of the instance's defining numbers
 * ({@link #key(double...)}), so a replayed instance reruns exactly the same R runs, and a
 * different salt gives an independent set of runs on the same instance (the fresh-seed recheck
 * of the best instance found by targeted search). The mixing function is SplitMix64
 * (Steele, Lea &amp; Flood 2014), which spreads consecutive inputs over all 64 bits.
 */
public final class Seeds {

    /** The salt of the runs a check makes during the search. */
    public static final long SEARCH = 0;

    /** The salt of the fresh-seed recheck of the best instance (independent of {@link #SEARCH}). */
    public static final long FRESH = 0x5EED_F2E5_0000_0001L;

    private Seeds() {}

    /**
     * A key of an instance from the numbers that define it (bit patterns, so -0.0 and 0.0 differ
     * and NaN is hashed like any other value). Order matters.
     */
    public static long key(double... values) {
        long h = 0x9E37_79B9_7F4A_7C15L;
        for (double v : values) {
            h = mix(h ^ Double.doubleToRawLongBits(v));
        }
        return h;
    }

    /** The key extended by more numbers (e.g. a key of the objective, then the start point). */
    public static long key(long prefix, double... values) {
        long h = mix(prefix);
        for (double v : values) {
            h = mix(h ^ Double.doubleToRawLongBits(v));
        }
        return h;
    }

    /** The seed of run {@code run} of the instance with key {@code key} under {@code salt}. */
    public static long of(long key, long salt, int run) {
        return mix(mix(key ^ salt) + 0x9E37_79B9_7F4A_7C15L * (run + 1L));
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
