/**
 * The self-contained HTML report: inline CSS and charts drawn as inline SVG in Java (no scripts, no network, no
 * CDN), in the Okabe–Ito colour-blind-safe palette.
 */
package io.seglift.report;
