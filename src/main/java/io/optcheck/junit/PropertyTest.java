package io.optcheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a method that builds a {@link io.optcheck.prop.Property}; the extension runs it as a
 * test beside ordinary {@code @Test} methods, in Maven (Surefire) and in IDEs.
 *
 * <pre>{@code
 * @PropertyTest(tries = 500)
 * Property<Case> stepDoesNotIncreaseF() {
 *   return Property.forAll("gd step does not increase f", CASES, (c, trial) -> ...);
 * }
 * }</pre>
 *
 * <p>Each such method shows up as a node with one test under it, named after the property.
 * (Jupiter accepts a non-void test method only as a {@link TestFactory}; the extension turns the
 * returned property into that one test.)
 *
 * <p><b>Settings, weakest first:</b> what the property itself sets ({@code Property.tries(..)}),
 * then this annotation, then the configuration parameters or system properties
 * {@code -Doptcheck.tries=N} and {@code -Doptcheck.seed=S}, which apply to every property of the
 * run.
 *
 * <p><b>Replay.</b> {@code -Doptcheck.replay=TOKEN} reruns exactly the shrunk case a failure
 * report printed, with no search and no shrinking. The token carries a fingerprint of the
 * generator that made it; a property whose generator fingerprint matches replays it, and every
 * other {@code @PropertyTest} of the run is skipped (aborted, with the reason), since a replay
 * run is about one case. Add {@code -Doptcheck.replay.property=NAME} to name the property: then
 * a token that does not fit that property fails its test with the reason (for example "the
 * generator changed since the token was made") instead of skipping it. A damaged token fails
 * every property test of the run.
 *
 * <p>A failure throws an {@code org.opentest4j.AssertionFailedError} whose message is
 * {@link io.optcheck.prop.FailureReport#message} (labelled lines: property, seed, tries, found
 * by, original and shrunk case, failure, notes, statistics, best score, replay token and the
 * replay command) and whose cause is the exception the shrunk case threw. An engine error (a
 * filter that rejects everything) and an unmet coverage requirement fail the test too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestFactory
@ExtendWith(PropertyExtension.class)
public @interface PropertyTest {

    /** Value of {@link #seed()} that means "keep the property's own seed". */
    long KEEP_SEED = Long.MIN_VALUE;

    /** Total tries; 0 (the default) keeps the property's own setting (1000 unless it set one). */
    int tries() default 0;

    /** The seed; {@link #KEEP_SEED} (the default) keeps the property's own seed (42 unless set). */
    long seed() default KEEP_SEED;

    /**
     * {@code false} switches the edge-case phase off; {@code true} (the default) keeps the
     * property's own setting.
     */
    boolean edgeCases() default true;
}
