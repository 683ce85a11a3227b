package io.optcheck.cli;

import io.optcheck.plugin.PluggableOptimizer;
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
import java.util.List;

/**
 * Loads the classes named by {@code --method-class} from {@code --classpath} (jars and
 * directories, separated by the platform's path separator). Every problem is a {@link BadInput}
 * naming the class, the classpath and the fix.
 */
final class PluginLoader {

    private PluginLoader() {
    }

    static List<PluggableOptimizer> load(List<String> classNames, String classpath) {
        List<Path> entries = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        if (classpath != null && !classpath.isBlank()) {
            for (String part : classpath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (part.isBlank()) {
                    continue;
                }
                Path p = Path.of(part);
                if (!Files.exists(p)) {
                    throw new BadInput("--classpath entry '" + part + "' does not exist. Give the jar or the classes "
                        + "directory that holds your optimizer (entries separated by '" + File.pathSeparator + "').");
                }
                entries.add(p);
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new BadInput("--classpath entry '" + part + "' is not a usable path: " + e.getMessage());
                }
            }
        }
        // Parent: optcheck's own loader, so the plug-in sees the same PluggableOptimizer interface.
        URLClassLoader loader = new URLClassLoader("optcheck-plugins", urls.toArray(new URL[0]),
            PluginLoader.class.getClassLoader());
        List<PluggableOptimizer> out = new ArrayList<>();
        for (String name : classNames) {
            out.add(instantiate(name, loader, entries));
        }
        return out;
    }

    private static PluggableOptimizer instantiate(String name, ClassLoader loader, List<Path> entries) {
        String where = entries.isEmpty() ? "optcheck's own classpath (no --classpath given)" : "the classpath " + entries;
        Class<?> c;
        try {
            c = Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new BadInput("--method-class " + name + ": no such class on " + where + ". Give the fully qualified "
                + "class name and add the jar or directory that holds it to --classpath.");
        } catch (LinkageError e) {
            throw new BadInput("--method-class " + name + ": the class was found on " + where + " but cannot be loaded ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Add the jars it depends on to --classpath.");
        }
        if (!PluggableOptimizer.class.isAssignableFrom(c)) {
            throw new BadInput("--method-class " + name + " (from " + where + ") does not implement "
                + PluggableOptimizer.class.getName() + ". Implement that interface: it declares the method's kind and "
                + "builds it from hyperparameters.");
        }
        if (Modifier.isAbstract(c.getModifiers()) || c.isInterface()) {
            throw new BadInput("--method-class " + name + " is abstract; name a concrete class with a public no-argument "
                + "constructor.");
        }
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new BadInput("--method-class " + name + " has no public no-argument constructor. Add one (optcheck "
                + "creates the class with it).");
        }
        try {
            return (PluggableOptimizer) ctor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            throw new BadInput("--method-class " + name + ": its constructor threw " + t.getClass().getName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ".");
        } catch (ReflectiveOperationException e) {
            throw new BadInput("--method-class " + name + ": cannot create it (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "). Make the class and its no-argument constructor public.");
        }
    }
}
