package io.seglift.spi.destination;

/**
 * A destination's approximate count of the people in an audience, as a range (Meta's {@code
 * approximate_count_lower_bound} and {@code approximate_count_upper_bound} of a custom audience). Approximate by the
 * vendor's design: it is not the number of rows sent.
 *
 * @param lowerBound lower bound of the approximate count
 * @param upperBound upper bound of the approximate count
 */
public record AudienceSize(long lowerBound, long upperBound) {
}
