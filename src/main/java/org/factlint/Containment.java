package org.factlint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OS-level containment of an isolated checker's child JVM, where the OS allows it: on Linux, new user, network and
 * mount namespaces ({@code unshare}) in which every mount is made read-only, then every capability is dropped
 * ({@code setpriv}) and the environment emptied (the shell's own {@code PWD}), so the child has no network but an unconnected loopback, cannot write to any file system and
 * cannot undo either. Detected once per JVM by running a probe that must find exactly that; where the probe fails
 * (another OS, no {@code unshare} or {@code setpriv}, user namespaces disabled and not root) the child runs without
 * it and {@link #description()} says so.
 */
final class Containment {
    private static final Logger LOG = LoggerFactory.getLogger(Containment.class);
    /** Run by {@code sh} inside the new namespaces: every mount read-only, then the command without capabilities. */
    static final String SCRIPT = "for m in $(awk '{print $5}' /proc/self/mountinfo | sort -r); do "
            + "mount -o remount,bind,ro \"$m\" 2>/dev/null; done; "
            + "exec env -i setpriv --no-new-privs --inh-caps=-all --bounding-set=-all -- \"$@\"";
    /** Succeeds only where / is read-only, the only network interface is the loopback and no capability is left. */
    private static final String PROBE = "awk '$5 == \"/\" && $6 ~ /^ro/ { ro = 1 } END { exit !ro }' "
            + "/proc/self/mountinfo && [ \"$(tail -n +3 /proc/net/dev | grep -vc '^ *lo:')\" = 0 ] "
            + "&& grep -q '^CapEff:[[:space:]]*0*$' /proc/self/status";
    private static final List<List<String>> CANDIDATES = List.of(
            List.of("unshare", "--user", "--map-root-user", "--net", "--mount"), // any user, where user namespaces work
            List.of("unshare", "--net", "--mount")); // root where user namespaces are disabled
    private static volatile List<String> prefix;

    private Containment() {
    }

    /** The words to put before the child's command: empty where the OS offers no containment. */
    static List<String> prefix() {
        List<String> p = prefix;
        if (p == null) {
            synchronized (Containment.class) {
                p = prefix;
                if (p == null) {
                    p = detect();
                    prefix = p;
                }
            }
        }
        return p;
    }

    /** What the child runs in, for logs and reports. */
    static String description() {
        List<String> p = prefix();
        return p.isEmpty() ? "no OS containment (unshare and setpriv with namespaces are not available here)"
                : "no network, read-only file systems, no capabilities (" + String.join(" ", p.subList(0, p.size() - 4))
                + ", setpriv)";
    }

    private static List<String> detect() {
        if (!Boolean.parseBoolean(System.getProperty("factlint.containment", "true"))
                || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return List.of();
        }
        for (List<String> candidate : CANDIDATES) {
            List<String> p = new ArrayList<>(candidate);
            p.addAll(List.of("sh", "-c", SCRIPT, "sh"));
            List<String> probe = new ArrayList<>(p);
            probe.addAll(List.of("sh", "-c", PROBE));
            try {
                Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    LOG.info("isolated checkers run contained: {}", String.join(" ", candidate));
                    return List.copyOf(p);
                }
                process.destroyForcibly();
            } catch (IOException e) {
                // no unshare here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        LOG.info("isolated checkers run without OS containment: unshare/setpriv namespaces are not available");
        return List.of();
    }
}
