package io.optcheck.result;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Defensive, deep copies of the free-form values that results carry ({@code Map<String,Object>}).
 *
 * <p>Values are normalized to what a JSON round trip gives back, so that a report read from disk
 * equals the report that was written: integral numbers become {@link Integer} (or {@link Long} when
 * they do not fit), floating-point numbers become {@link Double}, arrays and collections become
 * unmodifiable {@link List}s, maps become unmodifiable insertion-ordered maps. Strings, booleans and
 * null stay as they are. Anything else is rejected, so nothing silently turns into a
 * {@code toString()}.
 */
public final class Values {
    private Values() {}

    /** An unmodifiable, insertion-ordered deep copy; {@code null} becomes an empty map. */
    static Map<String, Object> freeMap(Map<String, ?> in, String what) {
        if (in == null) {
            return Map.of();
        }
        return copyMap(in, what);
    }

    /** Like {@link #freeMap} but keeps {@code null} as {@code null}. */
    static Map<String, Object> freeMapOrNull(Map<String, ?> in, String what) {
        return in == null ? null : copyMap(in, what);
    }

    private static Map<String, Object> copyMap(Map<?, ?> in, String what) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(what + ": map keys must be strings, got " + e.getKey());
            }
            out.put(key, value(e.getValue(), what + "." + key));
        }
        return Collections.unmodifiableMap(out);
    }

    static Object value(Object v, String what) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Double) {
            return v;
        }
        if (v instanceof Long l) {
            // Not a conditional expression: that would promote the Integer back to Long.
            if (l == l.intValue()) {
                return Integer.valueOf(l.intValue());
            }
            return l;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            return copyMap(m, what);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            int i = 0;
            for (Object o : c) {
                out.add(value(o, what + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(value(Array.get(v, i), what + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(what + ": unsupported value type "
                + v.getClass().getName() + " (use String, Boolean, a number, a List/array or a Map<String, ?>)");
    }

    /** An unmodifiable, insertion-ordered copy of named curves with cloned arrays. */
    static Map<String, double[]> curves(Map<String, double[]> in, String what) {
        if (in == null) {
            return Map.of();
        }
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : in.entrySet()) {
            Objects.requireNonNull(e.getKey(), what + ": curve name");
            Objects.requireNonNull(e.getValue(), what + "." + e.getKey());
            out.put(e.getKey(), e.getValue().clone());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Content equality for curve maps (order-sensitive, NaN equals NaN as in {@link Arrays#equals(double[], double[])}). */
    static boolean curvesEqual(Map<String, double[]> a, Map<String, double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        var ia = a.entrySet().iterator();
        var ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            var ea = ia.next();
            var eb = ib.next();
            if (!ea.getKey().equals(eb.getKey()) || !Arrays.equals(ea.getValue(), eb.getValue())) {
                return false;
            }
        }
        return true;
    }

    static int curvesHash(Map<String, double[]> m) {
        int h = 1;
        for (Map.Entry<String, double[]> e : m.entrySet()) {
            h = 31 * h + e.getKey().hashCode();
            h = 31 * h + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    static String curvesToString(Map<String, double[]> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, double[]> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append('=').append(Arrays.toString(e.getValue()));
        }
        return sb.append('}').toString();
    }

    public static String requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return s;
    }

    public static Map<String, String> stringMap(Map<String, String> in, String what) {
        if (in == null) {
            return Map.of();
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        in.forEach(
                (k, v) -> out.put(Objects.requireNonNull(k, what + " key"), Objects.requireNonNull(v, what + "." + k)));
        return Collections.unmodifiableMap(out);
    }
}
