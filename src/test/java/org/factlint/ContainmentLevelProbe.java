package org.factlint;

/** The containment level this machine offers, for tests outside the package. */
public final class ContainmentLevelProbe {
    private ContainmentLevelProbe() {
    }

    public static ContainmentLevel best() {
        return Containment.best().level();
    }
}
