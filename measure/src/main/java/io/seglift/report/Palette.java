package io.seglift.report;

/** Okabe–Ito colours: distinguishable with every common form of colour blindness, and in greyscale by lightness. */
final class Palette {
    static final String BLUE = "#0072B2";
    static final String ORANGE = "#E69F00";
    static final String SKY = "#56B4E9";
    static final String GREEN = "#009E73";
    static final String VERMILLION = "#D55E00";
    static final String PURPLE = "#CC79A7";
    static final String GREY = "#7A7A7A";
    static final String LIGHT = "#E6E6E6";
    static final String INK = "#1F2937";

    private Palette() {
    }
}
