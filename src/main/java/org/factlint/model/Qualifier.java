package org.factlint.model;

/** How a figure is qualified in the text: "more than 10 thousand", "about 8,000". */
public enum Qualifier { EXACT, ABOUT, MORE_THAN, AT_LEAST, FEWER_THAN, UP_TO }
