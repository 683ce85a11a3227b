package io.optcheck.run;

import io.optcheck.api.GradientEstimator;
import io.optcheck.api.LineSearch;
import io.optcheck.api.PluggableFiniteSum;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.api.SelfRandomEstimator;
import io.optcheck.api.VarianceReducedEstimator;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Loads the classes named by {@code --method-class} or {@code --estimator-class} from {@code --classpath} (jars and
 * directories, separated by the platform's path separator). Every problem is a
 * {@link RunInputException} naming the class, the classpath and the fix. The command line loads
 * them to list and check what applies before anything runs; the worker process loads them again
 * the same way to run them.
 */
final class PluginLoader {

    private PluginLoader() {}

    static List<PluggableOptimizer> load(List<String> classNames, String classpath) {
        List<PluggableOptimizer> out = new ArrayList<>();
        for (Object o : load(classNames, classpath, "--method-class", PluggableOptimizer.class)) {
            out.add((PluggableOptimizer) o);
        }
        return out;
    }

    /** The classes named by {@code --line-search-class}: each a {@link io.optcheck.api.LineSearch}. */
    static List<LineSearch> loadLineSearches(List<String> classNames, String classpath) {
        List<LineSearch> out = new ArrayList<>();
        for (Object o : load(classNames, classpath, "--line-search-class", LineSearch.class)) {
            out.add((LineSearch) o);
        }
        return out;
    }

    /**
     * The classes named by {@code --finite-sum-class}: each a {@link PluggableFiniteSum} (a whole
     * method) or a {@link VarianceReducedEstimator} (a stateful estimator optcheck steps with).
     */
    static List<Object> loadFiniteSums(List<String> classNames, String classpath) {
        return load(
                classNames, classpath, "--finite-sum-class", PluggableFiniteSum.class, VarianceReducedEstimator.class);
    }

    /**
     * The classes named by {@code --estimator-class}: each a
     * {@link io.optcheck.api.GradientEstimator} (checked exactly) or a
     * {@link io.optcheck.api.SelfRandomEstimator} (checked statistically).
     */
    static List<Object> loadEstimators(List<String> classNames, String classpath) {
        return load(classNames, classpath, "--estimator-class", GradientEstimator.class, SelfRandomEstimator.class);
    }

    /** Instances of the named classes, each implementing one of {@code accepted}. */
    private static List<Object> load(List<String> classNames, String classpath, String option, Class<?>... accepted) {
        List<Path> entries = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        if (classpath != null && !classpath.isBlank()) {
            for (String part : classpath.split(Pattern.quote(File.pathSeparator))) {
                if (part.isBlank()) {
                    continue;
                }
                Path p = Path.of(part);
                if (!Files.exists(p)) {
                    throw new RunInputException(
                            "--classpath entry '" + part + "' does not exist. Give the jar or the classes "
                                    + "directory that holds your optimizer (entries separated by '" + File.pathSeparator
                                    + "').");
                }
                entries.add(p);
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new RunInputException(
                            "--classpath entry '" + part + "' is not a usable path: " + e.getMessage());
                }
            }
        }
        // Parent: optcheck's own loader, so the plug-in sees the same PluggableOptimizer interface.
        URLClassLoader loader =
                new URLClassLoader("optcheck-plugins", urls.toArray(new URL[0]), PluginLoader.class.getClassLoader());
        List<Object> out = new ArrayList<>();
        for (String name : classNames) {
            out.add(instantiate(name, loader, entries, option, accepted));
        }
        return out;
    }

    private static Object instantiate(
            String name, ClassLoader loader, List<Path> entries, String option, Class<?>... accepted) {
        String where =
                entries.isEmpty() ? "optcheck's own classpath (no --classpath given)" : "the classpath " + entries;
        Class<?> c;
        try {
            c = Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new RunInputException(
                    option + " " + name + ": no such class on " + where + ". Give the fully qualified "
                            + "class name and add the jar or directory that holds it to --classpath.");
        } catch (LinkageError e) {
            throw new RunInputException(option + " " + name + ": the class was found on " + where
                    + " but cannot be loaded (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Add the jars it depends on to --classpath.");
        }
        if (Arrays.stream(accepted).noneMatch(a -> a.isAssignableFrom(c))) {
            throw new RunInputException(
                    option + " " + name + " (from " + where + ") does not implement "
                            + String.join(
                                    " or ",
                                    Arrays.stream(accepted).map(Class::getName).toList())
                            + (accepted[0] == PluggableOptimizer.class
                                    ? ". Implement that interface: it declares the method's kind and builds it from hyperparameters."
                                    : accepted[0] == LineSearch.class
                                            ? ". Implement that interface: it declares the condition it claims and its constants, and returns a step."
                                            : accepted[0] == PluggableFiniteSum.class
                                                    ? ". Implement one of them: it declares SVRG or SAGA and builds the method"
                                                            + " (or returns the estimates) from per-example gradients."
                                                    : ". Implement one of them: it declares the sampling and batch size and returns an estimate."));
        }
        if (Modifier.isAbstract(c.getModifiers()) || c.isInterface()) {
            throw new RunInputException(option + " " + name
                    + " is abstract; name a concrete class with a public no-argument " + "constructor.");
        }
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new RunInputException(option + " " + name
                    + " has no public no-argument constructor. Add one (optcheck " + "creates the class with it).");
        }
        try {
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            throw new RunInputException(option + " " + name + ": its constructor threw "
                    + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ".");
        } catch (ReflectiveOperationException e) {
            throw new RunInputException(
                    option + " " + name + ": cannot create it (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Make the class and its no-argument constructor public.");
        }
    }
}
