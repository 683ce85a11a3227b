package io.optcheck.theory;

import java.util.Map;

/** An instance that describes itself for people: the fields of a counterexample. */
public interface Described {

    /** Human-readable fields, in a stable order. */
    Map<String, Object> describe();
}
