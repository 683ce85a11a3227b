package io.optcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The optcheck version: from the resource Maven fills in, else the jar manifest, else "dev". */
final class Version {
    private Version() {}

    static final String RESOURCE = "/io/optcheck/cli/version.properties";

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                // An unfiltered copy (e.g. an IDE that skips Maven's resource filtering) still says ${...}.
                if (v != null && !v.isBlank() && !v.contains("${")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = Version.class.getPackage() == null
                ? null
                : Version.class.getPackage().getImplementationVersion();
        return manifest == null || manifest.isBlank() ? "dev" : manifest;
    }
}
