package io.optcheck.theory;

import java.util.List;

/**
 * A theorem's spec: the YAML front matter of {@code specs/<family>/<name>.md} and its Markdown
 * body (derivation and what is measured).
 *
 * @param id the theorem id, {@code family.name}
 * @param title a short title
 * @param method the method id
 * @param assumptions assumption ids of the theorem
 * @param conclusions conclusion ids with their LaTeX statements
 * @param regimes regime ids with conclusion and expected outcome
 * @param ciTries tries per regime in {@code mvn test} and the CI profile
 * @param fullTries tries per regime in the main command
 * @param source the reference (book, paper, theorem number)
 * @param body the Markdown below the front matter
 * @param file the path the spec was read from, for messages
 */
public record Spec(String id, String title, String method, List<String> assumptions,
                   List<Conclusion> conclusions, List<RegimeSpec> regimes, int ciTries, int fullTries,
                   String source, String body, String file) {

  /** A conclusion: id and statement in LaTeX. */
  public record Conclusion(String id, String latex) {
  }

  /** A regime as the spec states it. */
  public record RegimeSpec(String id, String conclusion, String expected) {
  }
}
