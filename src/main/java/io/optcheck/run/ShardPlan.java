package io.optcheck.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits a run's work list into {@code n} shards of about equal measured cost. Deterministic: it
 * depends only on the work list (keys and costs, in order) and {@code n}, so every shard of a CI
 * matrix computes the same plan on its own. Greedy longest-processing-time: items by cost, longest
 * first (ties by key), each to the shard with the least cost so far (ties to the lowest index),
 * which is within 4/3 of the best possible longest shard (Graham 1969).
 */
public final class ShardPlan {

    /** One unit of work: its key (unique in the list) and its estimated cost. */
    public record Item(String key, double cost) {}

    /**
     * A shard of a run: {@code index} of {@code count}, 1-based.
     *
     * @param index 1 ..= count
     * @param count &gt;= 1
     */
    public record Shard(int index, int count) {
        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, got " + index + "/" + count);
            }
        }

        /**
         * Parses "i/n".
         *
         * @throws IllegalArgumentException saying what is expected
         */
        public static Shard parse(String text) {
            String s = text.trim();
            int slash = s.indexOf('/');
            try {
                if (slash <= 0) {
                    throw new NumberFormatException();
                }
                return new Shard(Integer.parseInt(s.substring(0, slash)), Integer.parseInt(s.substring(slash + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "expected i/n with whole numbers 1 <= i <= n, e.g. 2/3, got '" + text + "'");
            }
        }
    }

    private ShardPlan() {}

    /** The shard (1-based) of each item, in the items' order. */
    public static int[] assign(List<Item> items, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one shard, got " + n);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -items.get(i).cost())
                .thenComparing(i -> items.get(i).key()));
        double[] load = new double[n];
        int[] shard = new int[items.size()];
        for (int i : order) {
            int best = 0;
            for (int s = 1; s < n; s++) {
                if (load[s] < load[best]) {
                    best = s;
                }
            }
            load[best] += items.get(i).cost();
            shard[i] = best + 1;
        }
        return shard;
    }

    /** The estimated cost of each shard (index 0 is shard 1). */
    public static double[] loads(List<Item> items, int n) {
        int[] a = assign(items, n);
        double[] load = new double[n];
        for (int i = 0; i < a.length; i++) {
            load[a[i] - 1] += items.get(i).cost();
        }
        return load;
    }

    /** A fingerprint of the work list: SHA-256 over the keys and their descriptions, in order, hex. */
    public static String fingerprint(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
