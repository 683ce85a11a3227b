package io.optcheck.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command that reruns exactly one shrunk case: {@code ./optcheck run [OPTIONS] --replay
 * THEOREM/REGIME/TOKEN}. Built, extended with a plug-in's options, parsed and rendered only here;
 * a counterexample stores its {@link #commandLine()}.
 *
 * @param options the run options before {@code --replay} (a plug-in's class and classpath), in order
 * @param theorem the theorem id
 * @param regime the regime id
 * @param token the engine's replay token
 */
public record Replay(List<String> options, String theorem, String regime, String token) {

    /** The form {@link #parse} accepts, for messages. */
    public static final String FORMAT = "<theoremId>/<regimeId>/<token>, e.g. gd.descent-lemma/eta-gt-2-over-l/oc1-...";

    private static final String COMMAND = "./optcheck run";
    private static final String OPTION = "--replay";

    public Replay {
        options = List.copyOf(options);
        for (String part : List.of(theorem, regime, token)) {
            if (part == null || part.isBlank() || part.contains("/") || part.contains(" ")) {
                throw new IllegalArgumentException(
                        "bad replay target '" + theorem + "/" + regime + "/" + token + "': expected " + FORMAT);
            }
        }
    }

    /** The replay of a built-in run: no options. */
    public static Replay of(String theorem, String regime, String token) {
        return new Replay(List.of(), theorem, regime, token);
    }

    /** The same replay with {@code more} options after the present ones. */
    public Replay withOptions(String... more) {
        List<String> o = new ArrayList<>(options);
        o.addAll(Arrays.asList(more));
        return new Replay(o, theorem, regime, token);
    }

    /** {@code THEOREM/REGIME/TOKEN}, the value of {@code --replay}. */
    public String target() {
        return theorem + "/" + regime + "/" + token;
    }

    /** The command line people copy. */
    public String commandLine() {
        StringBuilder sb = new StringBuilder(COMMAND);
        for (String o : options) {
            sb.append(' ').append(o);
        }
        return sb.append(' ').append(OPTION).append(' ').append(target()).toString();
    }

    /**
     * Parses {@code THEOREM/REGIME/TOKEN}, or a whole printed command line (its options are kept).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static Replay parse(String text) {
        String s = text == null ? "" : text.trim();
        List<String> options = List.of();
        int p = s.lastIndexOf(OPTION + " ");
        if (p >= 0) {
            String head = s.substring(0, p).trim();
            if (head.startsWith(COMMAND)) {
                head = head.substring(COMMAND.length()).trim();
            }
            options = head.isEmpty() ? List.of() : List.of(head.split("\\s+"));
            s = s.substring(p + OPTION.length() + 1).trim();
        }
        String[] parts = s.split("/", -1);
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("bad replay token '" + abbreviate(text) + "': expected " + FORMAT
                    + ". Copy the replay line of the counterexample whole.");
        }
        return new Replay(options, parts[0], parts[1], parts[2]);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
