package org.factlint.cli;

import java.util.List;

/** A property-reactive fact (no {@code @ClassReactive}), for the class-reactivity warning of {@code validate}. */
public record ReactiveProbe(String claim, List<String> claims) {
}
