package org.factlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The one version string: the pom's, which the build writes into {@code org/factlint/version.properties}. */
final class Version implements CommandLine.IVersionProvider {
    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/org/factlint/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/factlint/version.properties is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"factlint " + get()};
    }
}
