package org.factlint;

/**
 * How far the OS contains an {@linkplain IsolatedChecker isolated checker's} child JVM, from most to least. The
 * checker uses the best level this machine offers; {@link Isolation#minimumContainment()} says how low it may go
 * before {@link Factlint#isolated} refuses to start (default {@link #READ_ONLY}). What each level guarantees is in
 * SECURITY.md ("Isolated mode").
 */
public enum ContainmentLevel {
    /**
     * None: the child is an ordinary process of the caller's user (another OS, no {@code unshare}/{@code setpriv}/
     * {@code prlimit}, user namespaces disabled and not root). A trusted pack in it can read and write the user's
     * files, open connections and start processes; only the JVM limits (heap, metaspace, wall-clock kill) hold.
     */
    NONE,
    /**
     * New network, mount and PID namespaces, every mount of the child's view made read-only, every capability
     * dropped, an empty environment, processes and threads capped ({@code RLIMIT_NPROC}, which does not bind uid 0):
     * the child cannot reach any network (only a loopback that is down), write any file or signal a process outside
     * its PID namespace, but it can <b>read</b> every file its user can read. The fallback where an empty root cannot
     * be made (a fresh {@code /proc} cannot be mounted, as in some container runtimes).
     */
    READ_ONLY,
    /**
     * {@link #READ_ONLY} in an empty root of its own (chroot into a tmpfs holding only {@code /usr}, the JDK's files,
     * four devices, a fresh {@code /proc} of its PID namespace and the class path), as a user id of its own for a root
     * caller: it sees no home directory, {@code /tmp}, {@code /run}, {@code /var}, Unix socket on disk or other
     * process, and the task cap binds.
     */
    EMPTY_ROOT
}
