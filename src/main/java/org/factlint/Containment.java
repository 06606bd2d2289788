package org.factlint;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OS-level containment of an isolated checker's child JVM, where the OS allows it (Linux namespaces): new network,
 * mount and PID namespaces (and a user namespace for a caller that is not root). In its own mount namespace the child
 * gets a new, empty root file system (a tmpfs) into which only the JDK ({@code /usr}, the JDK's {@code /etc/java*}
 * files, the dynamic linker's cache), {@code /dev/null}, {@code /dev/zero}, {@code /dev/random}, {@code /dev/urandom},
 * a fresh {@code /proc} of its own PID namespace and the caller's class path are bound, all read-only: the user's
 * home directories, {@code /tmp}, {@code /run}, {@code /var}, the working tree and every Unix-domain socket on disk
 * are not there at all. It is then chrooted into that root, its number of processes and threads is capped
 * ({@code RLIMIT_NPROC}, {@link #MAX_TASKS}), every capability is dropped ({@code setpriv}) and, for a root caller,
 * it runs as an unprivileged user id of its own (root is exempt from {@code RLIMIT_NPROC}); the environment is
 * emptied. So the child has no network but an unconnected loopback, cannot write to any file system, sees no file
 * but the JDK's and the class path's and cannot undo any of it. Detected once per JVM by a probe that must find
 * exactly that; where the probe fails (another OS, no {@code unshare}/{@code setpriv}/{@code prlimit}, user namespaces
 * disabled and not root) the child runs without it and {@link #description()} says so.
 */
final class Containment {
    private static final Logger LOG = LoggerFactory.getLogger(Containment.class);
    /** Processes and threads the child's user may run (the JVM itself needs a few dozen). */
    static final int MAX_TASKS = 256;
    /**
     * Run by {@code sh} inside the new namespaces with arguments: the staging directory, the task cap, the user id to
     * run as ({@code -} to stay), the paths to bind, {@code --}, the command. A new user id keeps group 0: the class
     * path of a root caller (its Maven repository) may be readable by the owner and group only.
     */
    static final String SCRIPT = """
            stage=$1; tasks=$2; uid=$3; shift 3
            mount -t tmpfs -o mode=755,size=1m factlint "$stage" || exit 97
            for d in usr dev tmp etc proc; do mkdir -p "$stage/$d"; done
            for l in bin lib lib32 lib64 libx32 sbin; do
              if [ -L "/$l" ]; then ln -s "$(readlink "/$l")" "$stage/$l";
              elif [ -d "/$l" ]; then mkdir "$stage/$l" && mount --rbind "/$l" "$stage/$l"; fi
            done
            mount --rbind /usr "$stage/usr" || exit 97
            mount -t proc -o nosuid,nodev,noexec proc "$stage/proc" || exit 97
            for f in null zero random urandom; do touch "$stage/dev/$f" && mount --bind "/dev/$f" "$stage/dev/$f"; done
            for p in /etc/ld.so.cache /etc/localtime /etc/java*; do set -- "$p" "$@"; done
            while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
              p=$1; shift
              [ -e "$p" ] || continue
              if [ -d "$p" ]; then mkdir -p "$stage$p"; elif [ ! -e "$stage$p" ]; then mkdir -p "$stage${p%/*}" && touch "$stage$p"; fi
              mount --rbind "$p" "$stage$p" || exit 97
            done
            shift
            for m in $(awk -v s="$stage" 'index($5, s) == 1 {print $5}' /proc/self/mountinfo | sort -r); do
              mount -o remount,bind,ro "$m" 2>/dev/null
            done
            cd "$stage" || exit 97
            if [ "$uid" = - ]; then
              exec chroot . env -i prlimit --nproc="$tasks" setpriv --no-new-privs --inh-caps=-all --bounding-set=-all -- "$@"
            fi
            exec chroot . env -i prlimit --nproc="$tasks" setpriv --reuid="$uid" --regid=0 --clear-groups \\
              --no-new-privs --inh-caps=-all --bounding-set=-all -- "$@"
            """;
    /**
     * Succeeds only where / is read-only, the only network interface is the loopback, no capability is left, the
     * task cap holds, and neither {@code /run} nor {@code /var} is there.
     */
    private static final String PROBE = "grep -q '^[0-9]* [0-9]* [0-9:]* [^ ]* / ro[, ]' /proc/self/mountinfo && [ \"$(tail -n +3 /proc/net/dev | grep -vc '^ *lo:')\" = 0 ] "
            + "&& grep -q '^CapEff:[[:space:]]*0*$' /proc/self/status "
            + "&& grep -q '^Max processes *" + MAX_TASKS + " ' /proc/self/limits "
            + "&& [ ! -e /run ] && [ ! -e /var ]";
    private static volatile Setup setup;

    /** How the child is started: the namespaces and whether it changes user, or nothing. */
    private record Setup(List<String> unshare, boolean ownUser, Path stage) {
    }

    private Containment() {
    }

    /**
     * The words to put before the child's command: empty where the OS offers no containment. Each call names a fresh
     * user id for a root caller, so each child's task cap is its own.
     */
    static List<String> prefix() {
        return prefix(List.of());
    }

    /** The same, with {@code extra} paths bound read-only as well (the pack's directory, for its canary). */
    static List<String> prefix(List<String> extra) {
        Setup s = setup();
        if (s == null) {
            return List.of();
        }
        List<String> binds = new ArrayList<>(binds());
        binds.addAll(extra);
        return words(s, binds);
    }

    /** Whether children run contained. */
    static boolean active() {
        return setup() != null;
    }

    private static Setup setup() {
        Setup s = setup;
        if (s == null) {
            synchronized (Containment.class) {
                s = setup;
                if (s == null) {
                    s = detect();
                    setup = s == null ? NONE : s;
                }
            }
        }
        return s == NONE ? null : s;
    }

    private static final Setup NONE = new Setup(List.of(), false, null);

    private static List<String> words(Setup s, List<String> binds) {
        List<String> p = new ArrayList<>(s.unshare());
        p.addAll(List.of("sh", "-c", SCRIPT, "sh", s.stage().toString(), Integer.toString(MAX_TASKS),
                s.ownUser() ? Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(1_000_000_000)) : "-"));
        p.addAll(binds);
        p.add("--");
        return p;
    }

    /**
     * The JDK and every class path entry, absolute and with links resolved; entries from a local Maven repository
     * bind the repository's directory once (one mount instead of one per jar: a child with 170 jars took 27 s to set
     * up on a loaded machine, mount by mount).
     */
    static List<String> binds() {
        Set<String> out = new LinkedHashSet<>();
        out.add(real(Path.of(System.getProperty("java.home"))));
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                String p = real(Path.of(entry));
                int repository = p.indexOf("/.m2/repository/");
                out.add(repository >= 0 ? p.substring(0, repository + "/.m2/repository".length()) : p);
            }
        }
        return List.copyOf(out);
    }

    /** The class path with absolute entries: the child runs with {@code /} as its working directory. */
    static String classPath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                out.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static String real(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }

    /** What the child runs in, for logs and reports. */
    static String description() {
        Setup s = setup();
        return s == null ? "no OS containment (unshare, setpriv and prlimit with namespaces are not available here)"
                : "no network, read-only file systems, no capabilities (" + String.join(" ", s.unshare())
                + ", setpriv), an empty root with only the JDK and the class path, at most " + MAX_TASKS
                + " tasks" + (s.ownUser() ? ", a user id of its own" : "");
    }

    private static Setup detect() {
        if (!Boolean.parseBoolean(System.getProperty("factlint.containment", "true"))
                || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return null;
        }
        Path stage;
        try {
            stage = Files.createTempDirectory("factlint-root");
            stage.toFile().deleteOnExit();
        } catch (IOException e) {
            LOG.info("isolated checkers run without OS containment: no temporary directory to stage a root in");
            return null;
        }
        boolean root;
        try {
            root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            root = false;
        }
        List<Setup> candidates = new ArrayList<>();
        if (root) { // real root: the namespaces without a user namespace, then a user id of its own (nproc applies)
            candidates.add(new Setup(List.of("unshare", "--net", "--mount", "--pid", "--fork"), true, stage));
        }
        candidates.add(new Setup(List.of("unshare", "--user", "--map-root-user", "--net", "--mount", "--pid",
                "--fork"), false, stage));
        for (Setup candidate : candidates) {
            List<String> probe = new ArrayList<>(words(candidate, binds()));
            probe.addAll(List.of("/bin/sh", "-c", PROBE));
            try {
                Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    LOG.info("isolated checkers run contained: {}", String.join(" ", candidate.unshare()));
                    return candidate;
                }
                process.destroyForcibly();
            } catch (IOException e) {
                // no unshare here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        LOG.info("isolated checkers run without OS containment: unshare/setpriv/prlimit namespaces are not available");
        return null;
    }
}
