package io.seglift.measure;

/**
 * One point of the cumulative gains curve: contacting the top {@code population} share of members by score reaches
 * the {@code captured} share of all members with the outcome.
 */
public record GainsPoint(int topDeciles, double population, double captured) {
}
