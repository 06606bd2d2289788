package org.factlint;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OS-level containment of an isolated checker's child JVM, where the OS allows it (Linux namespaces), at the best
 * {@link ContainmentLevel} this machine offers. {@link ContainmentLevel#EMPTY_ROOT}: new network, mount and PID
 * namespaces (and a user namespace for a caller that is not root); in its own mount namespace the child gets a new,
 * empty root file system (a tmpfs) into which only the JDK ({@code /usr}, the JDK's {@code /etc/java*} files, the
 * dynamic linker's cache), {@code /dev/null}, {@code /dev/zero}, {@code /dev/random}, {@code /dev/urandom}, a fresh
 * {@code /proc} of its own PID namespace and the caller's class path are bound, all read-only: the user's home
 * directories, {@code /tmp}, {@code /run}, {@code /var}, the working tree and every Unix-domain socket on disk are not
 * there at all. It is then chrooted into that root, its number of processes and threads is capped
 * ({@code RLIMIT_NPROC}, {@link #MAX_TASKS}), every capability is dropped ({@code setpriv}) and, for a root caller, it
 * runs as an unprivileged user id of its own (root is exempt from {@code RLIMIT_NPROC}); the environment is emptied.
 * Where that root cannot be made (a fresh {@code /proc} cannot be mounted, as in some container runtimes), the
 * fallback is {@link ContainmentLevel#READ_ONLY}: the same namespaces, every mount of the child's view remounted
 * read-only, no capabilities, the task cap, but no new root. Each level is detected once per JVM by a probe that must
 * find exactly what it promises; where no probe passes the level is {@link ContainmentLevel#NONE} and
 * {@link #description()} says why. Whether a level is good enough is the caller's choice
 * ({@link Isolation#minimumContainment()}).
 */
final class Containment {
    private static final Logger LOG = LoggerFactory.getLogger(Containment.class);
    /** Processes and threads the child's user may run (the JVM itself needs a few dozen). */
    static final int MAX_TASKS = 256;
    /**
     * Run by {@code sh} inside the new namespaces with arguments: the staging directory, the task cap, the user id to
     * run as ({@code -} to stay), the file system type of the fresh {@code /proc}, the paths to bind, {@code --}, the
     * command. A new user id keeps group 0: the class path of a root caller (its Maven repository) may be readable by
     * the owner and group only.
     */
    static final String SCRIPT = """
            stage=$1; tasks=$2; uid=$3; procfs=$4; shift 4
            mount -t tmpfs -o mode=755,size=1m factlint "$stage" || exit 97
            for d in usr dev tmp etc proc; do mkdir -p "$stage/$d"; done
            for l in bin lib lib32 lib64 libx32 sbin; do
              if [ -L "/$l" ]; then ln -s "$(readlink "/$l")" "$stage/$l";
              elif [ -d "/$l" ]; then mkdir "$stage/$l" && mount --rbind "/$l" "$stage/$l"; fi
            done
            mount --rbind /usr "$stage/usr" || exit 97
            mount -t "$procfs" -o nosuid,nodev,noexec proc "$stage/proc" || exit 97
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
     * The fallback, run by {@code sh} inside the new namespaces with arguments: the task cap, the user id to run as
     * ({@code -} to stay), {@code --}, the command. Every mount is remounted read-only (each mount point's top mount,
     * the one the child sees; with the flags a user namespace must keep where they are locked); no new root. Not
     * {@code nodev} first: on {@code /dev} it would shut {@code /dev/null}.
     */
    static final String READ_ONLY_SCRIPT = """
            tasks=$1; uid=$2; shift 3
            for m in $(awk '{print $5}' /proc/self/mountinfo | sort -r); do
              mount -o remount,bind,ro "$m" 2>/dev/null || mount -o remount,bind,ro,nosuid "$m" 2>/dev/null \\
                || mount -o remount,bind,ro,nosuid,nodev,noexec "$m" 2>/dev/null
            done
            cd / || exit 97
            if [ "$uid" = - ]; then
              exec env -i prlimit --nproc="$tasks" setpriv --no-new-privs --inh-caps=-all --bounding-set=-all -- "$@"
            fi
            exec env -i prlimit --nproc="$tasks" setpriv --reuid="$uid" --regid=0 --clear-groups \\
              --no-new-privs --inh-caps=-all --bounding-set=-all -- "$@"
            """;
    /** What both levels promise: no interface but the loopback, no capability, the task cap, the class path readable. */
    private static final String PROBE_COMMON = "[ \"$(tail -n +3 /proc/net/dev | grep -vc '^ *lo:')\" = 0 ] "
            + "&& grep -q '^CapEff:[[:space:]]*0*$' /proc/self/status "
            + "&& grep -q '^Max processes *" + MAX_TASKS + " ' /proc/self/limits "
            + "&& for f in \"$@\"; do [ -r \"$f\" ] || exit 1; done";
    /** The empty root: / is read-only and neither {@code /run} nor {@code /var} is there. */
    private static final String PROBE = "grep -q '^[0-9]* [0-9]* [0-9:]* [^ ]* / ro[, ]' /proc/self/mountinfo "
            + "&& [ ! -e /run ] && [ ! -e /var ] && " + PROBE_COMMON;
    /** The fallback: the mount the child sees at each mount point (the last one listed there) is read-only. */
    private static final String READ_ONLY_PROBE = "awk '{ ro[$5] = ($6 ~ /^ro/) } END { for (m in ro) if (!ro[m]) exit 1 }'"
            + " /proc/self/mountinfo && " + PROBE_COMMON;

    /** A containment step a test can make fail, to see the fallback decided as it would be where the step fails. */
    enum Step {
        /** Mounting a fresh {@code /proc} (the step some container runtimes forbid): the empty root cannot be made. */
        FRESH_PROC,
        /** Starting {@code unshare} at all: no level but {@link ContainmentLevel#NONE}. */
        NAMESPACES
    }

    private static volatile Containment best;

    private final ContainmentLevel level;
    private final List<String> unshare;
    private final boolean ownUser;
    private final Path stage;
    private final String procfs;
    private final String why;

    private Containment(ContainmentLevel level, List<String> unshare, boolean ownUser, Path stage, String procfs,
                        String why) {
        this.level = level;
        this.unshare = unshare;
        this.ownUser = ownUser;
        this.stage = stage;
        this.procfs = procfs;
        this.why = why;
    }

    /** The best containment of this machine, detected once per JVM ({@code -Dfactlint.containment=false}: none). */
    static Containment best() {
        Containment c = best;
        if (c == null) {
            synchronized (Containment.class) {
                c = best;
                if (c == null) {
                    c = detect(EnumSet.noneOf(Step.class));
                    best = c;
                }
            }
        }
        return c;
    }

    /** Whether this machine's children run in an empty root of their own (the full containment). */
    static boolean active() {
        return best().level == ContainmentLevel.EMPTY_ROOT;
    }

    /** What this machine's children run in. */
    static String description() {
        return best().describe();
    }

    ContainmentLevel level() {
        return level;
    }

    /**
     * The words to put before the child's command: empty without containment. Each call names a fresh user id for a
     * root caller, so each child's task cap is its own.
     */
    List<String> prefix() {
        return level == ContainmentLevel.NONE ? List.of() : words(binds());
    }

    private List<String> words(List<String> binds) {
        List<String> p = new ArrayList<>(unshare);
        String uid = ownUser ? Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(1_000_000_000)) : "-";
        if (level == ContainmentLevel.EMPTY_ROOT) {
            p.addAll(List.of("sh", "-c", SCRIPT, "sh", stage.toString(), Integer.toString(MAX_TASKS), uid, procfs));
            p.addAll(binds);
        } else {
            p.addAll(List.of("sh", "-c", READ_ONLY_SCRIPT, "sh", Integer.toString(MAX_TASKS), uid));
        }
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

    /** The class path with absolute entries: a contained child runs in / of its own root. */
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

    /** What the child runs in, for logs, reports and refusals. */
    String describe() {
        String namespaces = "no network, read-only file systems, no capabilities (" + String.join(" ", unshare)
                + ", setpriv), ";
        return switch (level) {
            case EMPTY_ROOT -> namespaces + "an empty root with only the JDK and the class path, at most " + MAX_TASKS
                    + " tasks" + (ownUser ? ", a user id of its own" : "");
            case READ_ONLY -> namespaces + "at most " + MAX_TASKS + " tasks" + (ownUser ? ", a user id of its own"
                    : unshare.contains("--user") ? "" : " (a cap uid 0 is exempt from)")
                    + "; no empty root (" + why + "): the child can read every file its user can read";
            case NONE -> "no OS containment (" + why + ")";
        };
    }

    /** Probes each level, best first, with the {@code failing} steps made to fail; the first that holds wins. */
    static Containment detect(Set<Step> failing) {
        if (!Boolean.parseBoolean(System.getProperty("factlint.containment", "true"))) {
            return none("turned off with -Dfactlint.containment=false");
        }
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return none("Linux namespaces are needed, this is " + System.getProperty("os.name"));
        }
        Path stage;
        try {
            stage = Files.createTempDirectory("factlint-root");
            stage.toFile().deleteOnExit();
        } catch (IOException e) {
            return none("no temporary directory to stage a root in");
        }
        boolean root;
        try {
            root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            root = false;
        }
        String command = failing.contains(Step.NAMESPACES) ? "factlint-injected-failure-unshare" : "unshare";
        String procfs = failing.contains(Step.FRESH_PROC) ? "factlint-injected-failure" : "proc";
        List<String> pidNet = List.of("--net", "--mount", "--pid", "--fork");
        List<String> asRoot = concat(List.of(command), pidNet);
        List<String> inUserNs = concat(List.of(command, "--user", "--map-root-user"), pidNet);
        List<Containment> candidates = new ArrayList<>();
        if (root) { // real root: the namespaces without a user namespace, then a user id of its own (nproc applies)
            candidates.add(new Containment(ContainmentLevel.EMPTY_ROOT, asRoot, true, stage, procfs, null));
        }
        candidates.add(new Containment(ContainmentLevel.EMPTY_ROOT, inUserNs, false, stage, procfs, null));
        if (root) { // a user of its own where the class path is readable to it, else root without capabilities
            candidates.add(new Containment(ContainmentLevel.READ_ONLY, asRoot, true, stage, procfs, null));
            candidates.add(new Containment(ContainmentLevel.READ_ONLY, asRoot, false, stage, procfs, null));
        }
        candidates.add(new Containment(ContainmentLevel.READ_ONLY, inUserNs, false, stage, procfs, null));
        String failed = null;
        for (Containment candidate : candidates) {
            String result = probe(candidate);
            if (result == null) {
                Containment chosen = candidate.level == ContainmentLevel.EMPTY_ROOT ? candidate
                        : new Containment(candidate.level, candidate.unshare, candidate.ownUser, stage, procfs,
                        "the empty root's probe failed: " + failed);
                LOG.info("isolated checkers run contained: {}", chosen.describe());
                return chosen;
            }
            if (failed == null) {
                failed = result;
            }
        }
        Containment none = none("no probe of unshare, setpriv and prlimit namespaces passed: " + failed);
        LOG.info("isolated checkers: {}", none.describe());
        return none;
    }

    private static Containment none(String why) {
        return new Containment(ContainmentLevel.NONE, List.of(), false, null, null, why);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Null when the candidate's probe finds what it promises; else what went wrong, in a few words. */
    private static String probe(Containment candidate) {
        List<String> binds = binds();
        List<String> probe = new ArrayList<>(candidate.words(binds));
        probe.addAll(List.of("/bin/sh", "-c", candidate.level == ContainmentLevel.EMPTY_ROOT ? PROBE : READ_ONLY_PROBE,
                "sh"));
        probe.addAll(binds);
        Path output = null;
        try {
            output = Files.createTempFile("factlint-probe", ".txt");
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "its probe did not end within 20 s";
            }
            if (process.exitValue() == 0) {
                return null;
            }
            String first = Files.readString(output, java.nio.charset.StandardCharsets.ISO_8859_1).strip().lines()
                    .findFirst().orElse("");
            return "exit " + process.exitValue() + (first.isEmpty() ? "" : ", " + org.factlint.io.Printable.of(
                    first.length() > 120 ? first.substring(0, 120) + "..." : first));
        } catch (IOException e) {
            return "cannot run " + candidate.unshare.get(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
