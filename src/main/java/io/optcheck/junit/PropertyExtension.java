package io.optcheck.junit;

import io.optcheck.prop.FailureReport;
import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import io.optcheck.prop.ReplayToken;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the {@link Property} a {@link PropertyTest} method returns. Registered by the annotation;
 * there is no need to name it in {@code @ExtendWith}.
 *
 * <p>Settings are read as JUnit configuration parameters, which fall back to system properties,
 * so {@code mvn test -Doptcheck.seed=7} and a {@code junit-platform.properties} entry both work.
 */
public final class PropertyExtension implements InvocationInterceptor {

    /** Configuration parameter / system property: total tries for every property of the run. */
    public static final String TRIES = "optcheck.tries";
    /** Configuration parameter / system property: the seed for every property of the run. */
    public static final String SEED = "optcheck.seed";
    /** Configuration parameter / system property: a replay token to rerun. */
    public static final String REPLAY = "optcheck.replay";
    /** Configuration parameter / system property: the name of the property the token is for. */
    public static final String REPLAY_PROPERTY = "optcheck.replay.property";

    @Override
    @SuppressWarnings("unchecked")
    public <T> T interceptTestFactoryMethod(
            Invocation<T> invocation, ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
            throws Throwable {
        Method method = invocationContext.getExecutable();
        Optional<PropertyTest> annotation = AnnotationSupport.findAnnotation(method, PropertyTest.class);
        if (annotation.isEmpty()) {
            return invocation.proceed();
        }
        if (!Property.class.isAssignableFrom(method.getReturnType())) {
            throw new ExtensionConfigurationException("@PropertyTest method " + method.getName()
                    + " must return an io.optcheck.prop.Property, but its return type is "
                    + method.getReturnType().getName());
        }
        Object built = invocation.proceed();
        if (!(built instanceof Property<?> property)) {
            throw new ExtensionConfigurationException(
                    "@PropertyTest method " + method.getName() + " returned null instead of a Property");
        }
        Function<String, Optional<String>> params = context::getConfigurationParameter;
        Property<?> configured = configure(property, annotation.get(), params);
        String testId = testSelector(context.getRequiredTestClass(), method);
        String display = String.format(
                Locale.ROOT, "%s (tries %d, seed %d)", configured.name(), configured.tries(), configured.seed());
        return (T) DynamicTest.dynamicTest(display, () -> check(configured, params, testId));
    }

    /** Applies the annotation, then the run-wide overrides. */
    static Property<?> configure(Property<?> p, PropertyTest a, Function<String, Optional<String>> params) {
        if (a.tries() > 0) {
            p = p.tries(a.tries());
        } else if (a.tries() < 0) {
            throw new ExtensionConfigurationException("@PropertyTest(tries = " + a.tries()
                    + ") must be positive (or 0 to keep the property's own setting)");
        }
        if (a.seed() != PropertyTest.KEEP_SEED) {
            p = p.seed(a.seed());
        }
        if (!a.edgeCases()) {
            p = p.edgeCases(false);
        }
        Properties overrides = new Properties();
        params.apply(TRIES).ifPresent(v -> overrides.setProperty(TRIES, v));
        params.apply(SEED).ifPresent(v -> overrides.setProperty(SEED, v));
        try {
            return p.withOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** "Class#method" as Surefire's -Dtest filter takes it. */
    static String testSelector(Class<?> testClass, Method method) {
        String name = testClass.getName();
        String pkg = testClass.getPackageName();
        String simple = pkg.isEmpty() ? name : name.substring(pkg.length() + 1);
        return simple + "#" + method.getName();
    }

    /** The one-line command that reruns a token. */
    static String replayCommand(String testId, String token) {
        String test = testId.contains("$") ? "'" + testId + "'" : testId;
        return "mvn test -Dtest=" + test + " -D" + REPLAY + "=" + token;
    }

    /** Runs (or replays) the property and turns anything but a pass into a thrown error. */
    static void check(Property<?> p, Function<String, Optional<String>> params, String testId) {
        Optional<String> token = params.apply(REPLAY).filter(s -> !s.isBlank());
        PropertyResult<?> result;
        if (token.isPresent()) {
            Optional<String> scope = params.apply(REPLAY_PROPERTY).filter(s -> !s.isBlank());
            if (scope.isPresent() && !scope.get().equals(p.name())) {
                throw new TestAbortedException("replay run for property '" + scope.get() + "' (-D" + REPLAY_PROPERTY
                        + "); property '" + p.name() + "' skipped");
            }
            try {
                ReplayToken.decode(token.get());
            } catch (ReplayToken.InvalidTokenException e) {
                throw new AssertionFailedError(e.getMessage(), e);
            }
            try {
                result = p.replay(token.get());
            } catch (ReplayToken.InvalidTokenException e) {
                if (scope.isPresent()) {
                    throw new AssertionFailedError(e.getMessage(), e);
                }
                throw new TestAbortedException("replay run: the token's generator fingerprint does not match"
                        + " property '" + p.name() + "', so it was skipped. If the token was made by this"
                        + " property, its generator changed since; add -D" + REPLAY_PROPERTY + "=" + p.name()
                        + " to make that an error. (" + e.getMessage() + ")");
            }
        } else {
            result = p.run();
        }
        if (result.status() == PropertyResult.Status.INCONCLUSIVE) {
            throw new TestAbortedException(result.message());
        }
        if (result.passed()) {
            if (token.isPresent()) {
                System.out.println("optcheck: replayed case of property '" + p.name() + "' passes now");
            }
            return;
        }
        String command = result.replayToken() == null ? null : replayCommand(testId, result.replayToken());
        String message = FailureReport.message(result, command);
        throw new AssertionFailedError(message, result.failure());
    }
}
