package org.factlint.model;

/** Whether a claim asserts or denies its content. */
public enum Polarity { AFFIRMED, NEGATED }
